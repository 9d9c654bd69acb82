import Testing
import TuneData
import TuneTestSupport
import TuneModels

struct CrossValidationTests {
    static func standardised(_ train: Dataset, _ test: Dataset) -> (Dataset, Dataset) {
        let scaler = StandardScaler(fittingOn: train.features)
        var (scaledTrain, scaledTest) = (train, test)
        scaledTrain.features = scaler.transform(train.features)
        scaledTest.features = scaler.transform(test.features)
        return (scaledTrain, scaledTest)
    }

    @Test func scoresDoNotDependOnTheThreadCount() throws {
        var settings = MLPHyperparameters()
        settings.epochs = 10
        settings.dropout = 0.1
        let data = BuiltInDataset.iris.load()
        let serial = try crossValidate(MLPClassifier(settings), on: data, folds: 5, seed: 3, concurrency: 1, preprocess: Self.standardised)
        let parallel = try crossValidate(MLPClassifier(settings), on: data, folds: 5, seed: 3, concurrency: 2, preprocess: Self.standardised)
        #expect(serial.scores == parallel.scores)
        #expect(serial.scores.count == 5)
        #expect(serial.fitSeconds.count == 5)
        let mean = serial.scores.reduce(0, +) / 5
        expectClose(serial.mean, mean, rtol: 1e-12)
        let deviation = (serial.scores.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 5).squareRoot()
        expectClose(serial.standardDeviation, deviation, rtol: 1e-12, atol: 1e-15)
        #expect(serial.mean > 0.8)
    }

    @Test func regressionMetrics() throws {
        let data = BuiltInDataset.diabetes.load()
        let r2 = try crossValidate(LinearRegression(), on: data, folds: 4, metric: .r2)
        let score = try crossValidate(LinearRegression(), on: data, folds: 4)
        #expect(r2.scores == score.scores)
        let mse = try crossValidate(LinearRegression(), on: data, folds: 4, metric: .negativeMeanSquaredError)
        #expect(mse.scores.allSatisfy { $0 < 0 })
        #expect(r2.mean > 0.4)
    }

    @Test func aFailingFoldIsReported() throws {
        var settings = MLPHyperparameters()
        settings.learningRate = 10
        settings.optimizer = .sgd
        settings.epochs = 5
        #expect(throws: ModelError.self) {
            try crossValidate(MLPClassifier(settings), on: BuiltInDataset.digits.load(), folds: 3, concurrency: 2, preprocess: Self.standardised)
        }
    }

    @Test func tooManyFoldsIsADataError() {
        #expect(throws: DataError.self) { try crossValidate(LinearRegression(), on: BuiltInDataset.diabetes.load(), folds: 1) }
    }
}
