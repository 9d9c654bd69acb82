import Foundation
import TuneData
import TuneModels
import TuneOptim
import TuneTensor

/// One model trained with given hyperparameters and scored on a held-out part: what
/// `tune-train train` runs.
public struct TrainingRun: Sendable {
    public var model: ModelKind
    /// `name=value` settings in the model's parameter names, applied over its defaults.
    public var parameters: [(name: String, value: String)]
    /// The fraction of rows held out for the test score (stratified for classification).
    public var testFraction: Double
    public var scaling: FeatureScaling
    /// Seeds the split and, unless a `seed` parameter is given, the model.
    public var seed: UInt64
    /// Called after each epoch of an iterative model.
    public var epochCallback: EpochCallback?
    /// Called after each optimizer step of an iterative model (step budgets, loss curves).
    public var stepCallback: StepCallback?
    /// When set, also cross-validate on the training part with this many folds.
    public var crossValidationFolds: Int?

    public init(
        model: ModelKind, parameters: [(name: String, value: String)] = [], testFraction: Double = 0.2,
        scaling: FeatureScaling = .auto, seed: UInt64 = 0, epochCallback: EpochCallback? = nil,
        crossValidationFolds: Int? = nil
    ) {
        self.crossValidationFolds = crossValidationFolds
        self.model = model
        self.parameters = parameters
        self.testFraction = testFraction
        self.scaling = scaling
        self.seed = seed
        self.epochCallback = epochCallback
    }

    /// Splits, scales, fits and scores.
    /// - Throws: ``ParameterError`` for unknown or malformed parameters, ``ModelError`` for
    ///   invalid values, a task mismatch or divergence, `DataError` for an impossible split.
    public func run(on dataset: Dataset) throws -> TrainingResult {
        let parts = try split(dataset)
        return try run(train: parts.train, test: parts.test)
    }

    /// Scales, fits and scores on parts split beforehand (a problem with its own test set, such as
    /// a fresh sample of a generated line); ``testFraction`` is not used.
    /// - Throws: as ``run(on:)``.
    public func run(train rawTrain: Dataset, test rawTest: Dataset) throws -> TrainingResult {
        let split = prepare((rawTrain, rawTest))
        let (estimator, parameterList) = try makeEstimator(for: split.train)
        var crossValidation: CrossValidationResult?
        if let folds = crossValidationFolds {
            let scaling = self.scaling, gradient = split.gradientTrained
            crossValidation = try crossValidate(estimator, on: split.rawTrain, folds: folds, seed: seed) { train, test in
                let (scaledTrain, scaledTest, _) = scaling.apply(train: train, test: test, gradientTrained: gradient)
                return (scaledTrain, scaledTest)
            }
        }
        let started = Date()
        let fitted = try estimator.fit(split.train)
        let seconds = Date().timeIntervalSince(started)
        let (train, test) = (split.train, split.test)
        return TrainingResult(
            model: model.rawValue, data: rawTrain.name, task: rawTrain.task.classCount == nil ? "regression" : "classification",
            params: parameterList, metric: rawTrain.task.classCount == nil ? "r2" : "accuracy",
            trainScore: fitted.score(train), testScore: fitted.score(test), epochsRun: fitted.reports.count,
            learningRates: fitted.reports.isEmpty ? nil : fitted.reports.map(\.learningRate),
            fitSeconds: seconds, trainRows: train.rowCount, testRows: test.rowCount, scaling: split.scaling.rawValue,
            seed: seed, crossValidationScores: crossValidation?.scores, crossValidationMean: crossValidation?.mean,
            crossValidationStandardDeviation: crossValidation?.standardDeviation)
    }

    /// The model fitted on the (scaled) training part of `dataset`, and the scaled test part it
    /// is scored on: the same rows for every run with the same seed and test fraction, which is
    /// what lets several settings' models be combined (``TuningEnsemble``).
    public func fitted(on dataset: Dataset) throws -> (model: any FittedModel, test: Dataset) {
        let split = prepare(try self.split(dataset))
        let (estimator, _) = try makeEstimator(for: split.train)
        return (try estimator.fit(split.train), split.test)
    }

    /// Whether the model is trained step by step by an optimizer under these parameters
    /// (linear and ridge only with `solver=gradient`; never the trees).
    var isGradientTrained: Bool {
        model.trainsByGradient(parameters: Dictionary(parameters.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 }))
    }

    /// `dataset` split into training and test parts by ``testFraction`` and ``seed``.
    private func split(_ dataset: Dataset) throws -> (train: Dataset, test: Dataset) {
        guard testFraction > 0, testFraction < 1 else {
            throw ParameterError(message: "test size must be in (0, 1), got \(testFraction)")
        }
        return try dataset.trainTestSplit(testSize: .fraction(testFraction), seed: seed)
    }

    /// Training and test parts scaled as the model needs.
    private func prepare(_ parts: (train: Dataset, test: Dataset)) -> PreparedSplit {
        let gradientTrained = isGradientTrained
        let (train, test, applied) = scaling.apply(train: parts.train, test: parts.test, gradientTrained: gradientTrained)
        return PreparedSplit(rawTrain: parts.train, train: train, test: test, scaling: applied, gradientTrained: gradientTrained)
    }

    /// The parts of a data set a run fits and scores on.
    private struct PreparedSplit {
        /// The training part before scaling (cross-validation scales each fold itself).
        var rawTrain: Dataset
        var train: Dataset
        var test: Dataset
        var scaling: FeatureScaling
        var gradientTrained: Bool
    }

    private static let enumeratedChoices: [String: [String]] = [
        "optimizer": OptimizerKind.allCases.map(\.rawValue),
        "activation": Activation.allCases.map(\.rawValue),
        "lr_schedule": LearningRateScheduleChoice.allCases.map(\.rawValue),
        "solver": ["lstsq (linear, ridge)", "gradient", "newton (logistic)"],
        "criterion": SplitCriterion.allCases.map(\.rawValue),
        "hypergradient_rule": HypergradientRule.allCases.map(\.rawValue),
        "max_features": ["sqrt", "log2", "all", "an integer", "a fraction in (0, 1]"],
    ]

    func overridden<H: Codable>(_ defaults: H, model name: String) throws -> H {
        let seedGiven = parameters.contains { $0.name == "seed" || $0.name == "random_state" }
        let renamed = parameters.map { $0.name == "random_state" ? (name: "seed", value: $0.value) : $0 }
        let withSeed = seedGiven ? renamed : renamed + [("seed", "\(seed)")]
        return try ParameterOverrides.apply(withSeed, to: defaults, model: name, choices: Self.enumeratedChoices)
    }

    func makeEstimator(for train: Dataset) throws -> (any Estimator, ParameterList) {
        switch model {
        case .linear, .ridge:
            var defaults = LinearRegression.Hyperparameters()
            if model == .ridge { defaults.alpha = 1 }
            let settings = try overridden(defaults, model: model.rawValue)
            return (LinearRegression(settings, epochCallback: epochCallback, stepCallback: stepCallback), try ParameterList(settings))
        case .logistic:
            let settings = try overridden(LogisticRegression.Hyperparameters(), model: "logistic")
            return (LogisticRegression(settings, epochCallback: epochCallback, stepCallback: stepCallback), try ParameterList(settings))
        case .mlp:
            let settings = try overridden(MLPHyperparameters(), model: "mlp")
            if train.task.classCount == nil {
                return (MLPRegressor(settings, epochCallback: epochCallback, stepCallback: stepCallback), try ParameterList(settings))
            }
            return (MLPClassifier(settings, epochCallback: epochCallback, stepCallback: stepCallback), try ParameterList(settings))
        case .tree:
            let settings = try overridden(TreeHyperparameters(), model: "tree")
            return (DecisionTree(settings), try ParameterList(settings))
        case .rf:
            let settings = try overridden(ForestHyperparameters(), model: "rf")
            return (RandomForest(settings), try ParameterList(settings))
        }
    }
}
