import TuneData
import TuneModels
import TuneTensor

/// The best few settings of a study combined into one predictor on the test part: soft voting
/// (the mean of the class probabilities) for classifiers, the mean prediction for regressors.
/// Ensembling the top trials is the cheap variance reduction the tuning documents recommend once
/// several settings score alike.
public struct TuningEnsemble: Encodable, Sendable {
    /// The trials whose settings were combined, best first.
    public var trials: [Int]
    /// Accuracy or R² of the combination on the test part.
    public var testScore: Double
    /// The test score of each member alone, in the order of ``trials``.
    public var memberScores: [Double]

    enum CodingKeys: String, CodingKey {
        case trials, testScore = "test_score", memberScores = "member_scores"
    }

    /// Fits every run on `dataset`'s training part and scores their combination on its test
    /// part (the runs share the seed and test fraction, so they see the same rows).
    /// - Throws: the first run's training error.
    public init(trials: [Int], runs: [TrainingRun], dataset: Dataset) throws {
        precondition(!runs.isEmpty && trials.count == runs.count, "one run per trial, at least one")
        var probabilitySum: Tensor<Float>?
        var predictionSum: [Double]?
        var members: [Double] = []
        var test: Dataset?
        for run in runs {
            let fitted = try run.fitted(on: dataset)
            test = fitted.test
            members.append(fitted.model.score(fitted.test))
            if let classifier = fitted.model as? any FittedClassifier {
                let probabilities = classifier.predictProbabilities(fitted.test.features)
                if probabilitySum == nil { probabilitySum = probabilities } else { probabilitySum! += probabilities }
            } else {
                let predictions = fitted.model.predict(fitted.test.features).map(Double.init)
                predictionSum = predictionSum.map { zip($0, predictions).map(+) } ?? predictions
            }
        }
        self.trials = trials
        self.memberScores = members
        if let probabilitySum, let test {
            testScore = accuracy(predicted: probabilitySum.argmax(alongAxis: 1), actual: test.classIndices)
        } else if let predictionSum, let test {
            let count = Double(runs.count)
            testScore = rSquared(predicted: predictionSum.map { $0 / count }, actual: test.targets.map(Double.init))
        } else {
            preconditionFailure("a run without a model")
        }
    }
}
