import Testing
import TuneTensor
import TuneTestSupport
import TuneModels

/// Every metric against scikit-learn 1.9.1 on fixed inputs (the expected values are what
/// `sklearn.metrics` printed for these exact arrays), to 1e-9.
struct MetricsTests {
    let actual = [0, 1, 2, 2, 1, 0, 2, 1, 1, 0, 2, 2]
    let predicted = [0, 2, 2, 2, 1, 0, 1, 1, 0, 0, 2, 1]

    @Test func multiclassScores() {
        expectClose(accuracy(predicted: predicted, actual: actual), 0.6666666666666666, rtol: 1e-9)
        expectClose(balancedAccuracy(predicted: predicted, actual: actual), 0.7000000000000001, rtol: 1e-9)
        #expect(confusionMatrix(predicted: predicted, actual: actual) == [[3, 0, 0], [1, 2, 1], [0, 2, 3]])
        expectClose(precision(predicted: predicted, actual: actual, average: .macro), 0.6666666666666666, rtol: 1e-9)
        expectClose(recall(predicted: predicted, actual: actual, average: .macro), 0.7000000000000001, rtol: 1e-9)
        expectClose(f1Score(predicted: predicted, actual: actual, average: .macro), 0.6746031746031745, rtol: 1e-9)
        expectClose(precision(predicted: predicted, actual: actual, average: .weighted), 0.6666666666666666, rtol: 1e-9)
        expectClose(recall(predicted: predicted, actual: actual, average: .weighted), 0.6666666666666666, rtol: 1e-9)
        expectClose(f1Score(predicted: predicted, actual: actual, average: .weighted), 0.6587301587301587, rtol: 1e-9)
    }

    @Test func binaryScores() {
        let truth = [0, 1, 1, 0, 1, 1, 0, 0, 1, 1], guess = [0, 1, 0, 0, 1, 1, 1, 0, 1, 0]
        expectClose(precision(predicted: guess, actual: truth), 0.8, rtol: 1e-9)
        expectClose(recall(predicted: guess, actual: truth), 0.6666666666666666, rtol: 1e-9)
        expectClose(f1Score(predicted: guess, actual: truth), 0.7272727272727273, rtol: 1e-9)
    }

    @Test func aClassNeverPredicted() {
        // Class 2 is never predicted: its precision and F1 are 0 (scikit-learn, zero_division=0).
        let truth = [0, 1, 2, 2], guess = [0, 1, 1, 1]
        expectClose(precision(predicted: guess, actual: truth, average: .macro), 0.4444444444444444, rtol: 1e-9)
        expectClose(f1Score(predicted: guess, actual: truth, average: .macro), 0.5, rtol: 1e-9)
        expectClose(balancedAccuracy(predicted: guess, actual: truth), 0.6666666666666666, rtol: 1e-9)
    }

    @Test func rocAUCWithAndWithoutTies() {
        let truth = [0, 1, 1, 0, 1, 1, 0, 0, 1, 1]
        expectClose(rocAUC(scores: [0.1, 0.8, 0.35, 0.2, 0.9, 0.65, 0.55, 0.3, 0.7, 0.4], actual: truth), 0.9166666666666666, rtol: 1e-9)
        expectClose(rocAUC(scores: [0.1, 0.8, 0.3, 0.3, 0.9, 0.3, 0.55, 0.3, 0.7, 0.3], actual: truth), 0.75, rtol: 1e-9)
        #expect(rocAUC(scores: [0.1, 0.2], actual: [1, 1]).isNaN)
    }

    let probabilities = Tensor<Double>(rows: [
        [0.7, 0.2, 0.1], [0.1, 0.6, 0.3], [0.2, 0.2, 0.6], [0.1, 0.3, 0.6], [0.3, 0.4, 0.3], [0.5, 0.25, 0.25],
        [0.2, 0.5, 0.3], [0.25, 0.5, 0.25], [0.4, 0.4, 0.2], [0.6, 0.3, 0.1], [0.1, 0.1, 0.8], [0.3, 0.3, 0.4],
    ])

    @Test func probabilisticScores() {
        expectClose(rocAUCOneVsRest(probabilities: probabilities, actual: actual), 0.9644345238095239, rtol: 1e-9)
        expectClose(logLoss(probabilities: probabilities, actual: actual), 0.6635216959487664, rtol: 1e-9)
        // A zero probability on the true class is clipped to machine epsilon: −log ε / 2.
        expectClose(logLoss(probabilities: Tensor<Double>(rows: [[1, 0], [1, 0]]), actual: [0, 1]), 18.021826694558577, rtol: 1e-9)
    }

    @Test func regressionScores() {
        let truth = [3.0, -0.5, 2.0, 7.0, 4.2], guess = [2.5, 0.0, 2.1, 7.8, 3.9]
        expectClose(meanSquaredError(predicted: guess, actual: truth), 0.24799999999999994, rtol: 1e-9)
        expectClose(rootMeanSquaredError(predicted: guess, actual: truth), 0.49799598391954925, rtol: 1e-9)
        expectClose(meanAbsoluteError(predicted: guess, actual: truth), 0.44000000000000006, rtol: 1e-9)
        expectClose(rSquared(predicted: guess, actual: truth), 0.9594665271966527, rtol: 1e-9)
    }

    @Test func constantTargets() {
        #expect(rSquared(predicted: [2.0, 2, 2], actual: [2.0, 2, 2]) == 1)
        #expect(rSquared(predicted: [2.0, 2, 3], actual: [2.0, 2, 2]) == 0)
        #expect(accuracy(predicted: [], actual: []).isNaN)
    }
}
