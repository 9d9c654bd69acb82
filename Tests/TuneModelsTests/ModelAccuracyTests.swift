import Testing
import TuneData
import TuneOptim
import TuneTensor
import TuneTestSupport
import TuneModels

/// The training issue's accuracy bars, with fixed seeds.
struct ModelAccuracyTests {
    /// Standardised train and test parts (scaler fitted on the training rows).
    static func scaledSplit(_ dataset: Dataset, seed: UInt64 = 42) throws -> (Dataset, Dataset) {
        var (train, test) = try dataset.trainTestSplit(testSize: .fraction(0.2), seed: seed)
        let scaler = StandardScaler(fittingOn: train.features)
        train.features = scaler.transform(train.features)
        test.features = scaler.transform(test.features)
        return (train, test)
    }

    @Test func leastSquaresRecoversTheDocumentsLine() throws {
        // 10,000 rows: with the documents' 100 rows and noise 0.5 the slope's standard error is
        // about 0.17, so no estimator can promise 0.05 there; with 10,000 it is 0.017.
        var line = LineProblem()
        line.sampleCount = 10_000
        let fitted = try LinearRegression().fit(try line.generate())
        expectClose(fitted.coefficients[0], 2, atol: 0.05, "slope")
        expectClose(fitted.intercept, 1, atol: 0.05, "intercept")
    }

    @Test(arguments: OptimizerKind.allCases) func gradientDescentReachesTheLeastSquaresLine(_ kind: OptimizerKind) throws {
        var line = LineProblem()
        line.sampleCount = 10_000
        let data = try line.generate()
        var settings = LinearRegression.Hyperparameters()
        settings.solver = .gradient
        settings.optimizer = kind
        settings.learningRate = [.sgd: 0.05, .momentum: 0.01, .nesterov: 0.01, .rmsprop: 0.002, .adam: 0.01, .adamw: 0.01][kind]!
        settings.epochs = 20
        settings.batchSize = 32
        let fitted = try LinearRegression(settings).fit(data)
        expectClose(fitted.coefficients[0], 2, atol: 0.05, "\(kind) slope")
        expectClose(fitted.intercept, 1, atol: 0.05, "\(kind) intercept")
    }

    @Test func ridgeShrinksCoefficients() throws {
        let data = BuiltInDataset.diabetes.load()
        var ridge = LinearRegression.Hyperparameters()
        ridge.alpha = 1
        let plain = try LinearRegression().fit(data).coefficients
        let shrunk = try LinearRegression(ridge).fit(data).coefficients
        let norm = { (w: [Double]) in w.map { $0 * $0 }.reduce(0, +) }
        #expect(norm(shrunk) < norm(plain))
        // scikit-learn 1.9.1 on the features rounded to Float (as TuneTrain stores them):
        // LinearRegression().fit(X, y).coef_[2] (bmi) = 519.8459210686938,
        // Ridge(alpha=1).fit(X, y).coef_[2] = 306.3526796602137.
        expectClose(plain[2], 519.8459210686938, rtol: 1e-7)
        expectClose(shrunk[2], 306.3526796602137, rtol: 1e-7)
    }

    @Test func logisticRegressionOnBreastCancer() throws {
        let (train, test) = try Self.scaledSplit(BuiltInDataset.breastCancer.load())
        let fitted = try LogisticRegression().fit(train)
        #expect(fitted.score(test) >= 0.95)
        let probabilities = fitted.predictProbabilities(test.features)
        expectClose(probabilities.sum(alongAxis: 1), [Float](repeating: 1, count: test.rowCount), atol: 1e-5)
    }

    @Test func mlpOnDigits() throws {
        let (train, test) = try Self.scaledSplit(BuiltInDataset.digits.load())
        var settings = MLPHyperparameters()
        settings.hiddenLayers = 2
        settings.hiddenSize = 128
        settings.learningRate = 0.001
        settings.epochs = 30
        settings.seed = 1
        let fitted = try MLPClassifier(settings).fit(train)
        #expect(fitted.score(test) >= 0.95)
        #expect(fitted.reports.count == 30)
    }

    @Test func mlpOnIris() throws {
        let (train, test) = try Self.scaledSplit(BuiltInDataset.iris.load())
        var settings = MLPHyperparameters()
        settings.epochs = 100
        settings.batchSize = 16
        settings.learningRate = 0.01
        settings.seed = 3
        #expect(try MLPClassifier(settings).fit(train).score(test) >= 0.93)
    }

    @Test func mlpRegressorOnDiabetes() throws {
        let (train, test) = try Self.scaledSplit(BuiltInDataset.diabetes.load())
        var settings = MLPHyperparameters()
        settings.hiddenSize = 32
        settings.epochs = 60
        settings.alpha = 0.01
        settings.learningRate = 0.003
        #expect(try MLPRegressor(settings).fit(train).score(test) >= 0.35)
    }

    @Test func hugeLearningRateDiverges() throws {
        let (train, _) = try Self.scaledSplit(BuiltInDataset.digits.load())
        var settings = MLPHyperparameters()
        settings.learningRate = 10
        settings.optimizer = .sgd
        settings.epochs = 5
        settings.seed = 1
        #expect(throws: ModelError.self) { try MLPClassifier(settings).fit(train) }
        do {
            _ = try MLPClassifier(settings).fit(train)
        } catch let error as ModelError {
            if case .diverged(let epoch) = error { #expect(epoch >= 1 && epoch <= 5) } else { Issue.record("\(error)") }
        }
    }

    @Test func sameSeedSameModel() throws {
        let (train, test) = try Self.scaledSplit(BuiltInDataset.iris.load())
        var settings = MLPHyperparameters()
        settings.epochs = 5
        settings.dropout = 0.2
        let a = try MLPClassifier(settings).fit(train).predictProbabilities(test.features)
        let b = try MLPClassifier(settings).fit(train).predictProbabilities(test.features)
        settings.seed = 1
        let c = try MLPClassifier(settings).fit(train).predictProbabilities(test.features)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func earlyStoppingAndCallback() throws {
        let (train, _) = try Self.scaledSplit(BuiltInDataset.iris.load())
        var settings = MLPHyperparameters()
        settings.epochs = 200
        settings.validationFraction = 0.2
        settings.patience = 5
        settings.learningRate = 0.05
        let stopped = try MLPClassifier(settings).fit(train)
        #expect(stopped.reports.count < 200)
        #expect(stopped.reports.allSatisfy { $0.validationMetric != nil })
        settings.patience = 0
        let cut = try MLPClassifier(settings, epochCallback: { $0.epoch >= 7 ? .stop : .proceed }).fit(train)
        #expect(cut.reports.count == 7)
    }

    @Test func givenValidationSetIsScoredEachEpoch() throws {
        let (train, test) = try Self.scaledSplit(BuiltInDataset.iris.load())
        var settings = MLPHyperparameters()
        settings.epochs = 8
        let fitted = try MLPClassifier(settings).fit(train, validation: test)
        #expect(fitted.reports.count == 8)
        expectClose(fitted.reports.last!.validationMetric!, fitted.score(test), rtol: 1e-12)
    }

    @Test func invalidHyperparametersAndTasksAreNamed() {
        var settings = MLPHyperparameters()
        settings.learningRate = -0.1
        #expect(throws: ModelError.invalidHyperparameter(name: "lr", constraint: "> 0", value: "-0.1")) {
            try MLPClassifier(settings).fit(BuiltInDataset.iris.load())
        }
        #expect("\(ModelError.invalidHyperparameter(name: "lr", constraint: "> 0", value: "-0.1"))" == "lr must be > 0, got -0.1")
        #expect(throws: ModelError.taskMismatch(model: "LogisticRegression", expected: "classification", got: "regression")) {
            try LogisticRegression().fit(BuiltInDataset.diabetes.load())
        }
    }
}
