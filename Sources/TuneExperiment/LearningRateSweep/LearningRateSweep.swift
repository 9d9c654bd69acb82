import Foundation
import TuneData
import TuneModels

/// The learning-rate sweep the Tuning Playbook uses to choose a first `max_train_steps`
/// (`004_5ec52f916ac0baa4.txt` §3): train the model once per rate of a grid, each at a constant
/// rate, without regularisation, for the same budget of optimizer steps, and read from the
/// training-loss curves how many steps the fastest rate needs to reach full training performance
/// (``MaxTrainStepsRecommendation``). What `tune-train lr-sweep` runs.
public struct LearningRateSweep: Sendable {
    /// A model trained by an optimizer: mlp, logistic, linear or ridge (these two by gradient).
    public var model: ModelKind
    /// The grid of learning rates, each > 0.
    public var rates: [Double]
    /// The budget of every rate, in optimizer steps (mini-batch updates).
    public var steps: Int
    /// `--param` settings: any parameter but those the sweep owns (``ownedParameters``);
    /// regularisation is off unless set here.
    public var parameters: [(name: String, value: String)]
    public var testFraction: Double
    public var scaling: FeatureScaling
    /// Seeds the split and every rate's model alike, so rates differ only in their rate.
    public var seed: UInt64
    /// How close to its best loss a rate must come to count as having reached it, as a fraction of
    /// the drop from the starting loss (see ``MaxTrainStepsRecommendation``).
    public var tolerance: Double

    /// Seven rates, half a decade apart, from 1e-4 to 1e-1.
    public static let defaultRates: [Double] = [1e-4, 3.1623e-4, 1e-3, 3.1623e-3, 1e-2, 3.1623e-2, 1e-1]
    public static let defaultTolerance = 0.01

    public init(
        model: ModelKind, rates: [Double] = defaultRates, steps: Int = StepBudgetRun.defaultSteps, parameters: [(name: String, value: String)] = [],
        testFraction: Double = 0.2, scaling: FeatureScaling = .auto, seed: UInt64 = 0, tolerance: Double = defaultTolerance
    ) {
        self.model = model
        self.rates = rates
        self.steps = steps
        self.parameters = parameters
        self.testFraction = testFraction
        self.scaling = scaling
        self.seed = seed
        self.tolerance = tolerance
    }

    /// Parameters the sweep sets itself, each with the reason a `--param` may not set it.
    public static let ownedParameters: [String: String] = [
        "lr": "the sweep varies it; give the rates with --rates",
        "epochs": "the budget is counted in steps; use --steps",
        "lr_schedule": "the sweep trains at a constant rate",
        "hypergradient": "the sweep trains at a constant rate",
        "patience": "the sweep trains for the whole budget, without early stopping",
        "solver": "the sweep trains linear models by gradient",
    ]

    /// The sweep's settings for `model` (a constant rate, the whole budget) and regularisation
    /// switched off (`--param` may switch it back on), as the playbook prescribes.
    static func plainTrainingParameters(for model: ModelKind) -> [(name: String, value: String)] {
        switch model {
        case .mlp:
            return [("lr_schedule", "constant"), ("patience", "0"), ("hypergradient", "0"),
                    ("alpha", "0"), ("dropout", "0"), ("weight_decay", "0"), ("validation_fraction", "0")]
        case .logistic: return [("alpha", "0")]
        case .linear, .ridge: return [("solver", "gradient"), ("alpha", "0")]
        case .tree, .rf: return []
        }
    }

    /// - Throws: ``ParameterError`` for a model not trained by an optimizer, an empty or
    ///   non-positive grid, a tolerance outside (0, 1), or a `--param` the sweep owns (the budget
    ///   is checked by ``StepBudgetRun``).
    public func validate() throws {
        guard model != .tree, model != .rf else {
            throw ParameterError(message: "lr-sweep needs a model trained by an optimizer (mlp, logistic, linear, ridge), not \(model.rawValue)")
        }
        guard !rates.isEmpty else { throw ParameterError(message: "give at least one learning rate, e.g. --rates 0.001,0.01,0.1") }
        if let bad = rates.first(where: { !($0 > 0 && $0.isFinite) }) {
            throw ParameterError(message: "learning rates must be positive numbers, got \(bad); e.g. --rates 0.001,0.01,0.1")
        }
        guard Set(rates).count == rates.count else { throw ParameterError(message: "--rates lists a rate twice; give each once") }
        guard tolerance > 0, tolerance < 1 else { throw ParameterError(message: "the tolerance must be in (0, 1), got \(tolerance)") }
        for parameter in parameters {
            if let reason = Self.ownedParameters[parameter.name] {
                throw ParameterError(message: "--param \(parameter.name) is set by lr-sweep: \(reason)")
            }
        }
    }

    /// The training run of one rate.
    func trainingRun(rate: Double) -> TrainingRun {
        TrainingRun(
            model: model, parameters: Self.plainTrainingParameters(for: model) + parameters + [("lr", "\(rate)")],
            testFraction: testFraction, scaling: scaling, seed: seed)
    }

    /// Runs every rate on the same split of `dataset`, in the grid's order.
    /// - Parameter progress: called after each rate (a progress line).
    /// - Throws: ``ParameterError`` or ``ModelError`` for unusable settings, `DataError` for a
    ///   split that leaves a part empty. A diverging rate is a result, not an error.
    public func run(on dataset: Dataset, progress: (LearningRateSweepResult.Rate) -> Void = { _ in }) throws -> LearningRateSweepResult {
        try validate()
        guard testFraction > 0, testFraction < 1 else { throw ParameterError(message: "test size must be in (0, 1), got \(testFraction)") }
        let started = Date()
        let (train, test) = try dataset.trainTestSplit(testSize: .fraction(testFraction), seed: seed)
        let first = StepBudgetRun(run: trainingRun(rate: rates[0]), steps: steps)
        let window = try first.stepsPerEpoch(train)
        let (_, parameterList) = try first.run.makeEstimator(for: train)
        var rows: [LearningRateSweepResult.Rate] = []
        var curves: [(learningRate: Double, curve: LossCurve, diverged: Bool)] = []
        for rate in rates {
            let outcome = try StepBudgetRun(run: trainingRun(rate: rate), steps: steps)(train: train, test: test)
            let row = LearningRateSweepResult.Rate(learningRate: rate, outcome: outcome, tolerance: tolerance)
            rows.append(row)
            curves.append((rate, outcome.curve, outcome.diverged))
            progress(row)
        }
        return LearningRateSweepResult(
            model: model.rawValue, data: dataset.name, metric: dataset.task.classCount == nil ? "r2" : "accuracy",
            steps: steps, window: window, tolerance: tolerance, seed: seed,
            params: ParameterList(entries: parameterList.entries.filter { $0.name != "lr" && $0.name != "epochs" }), rates: rows,
            recommendation: MaxTrainStepsRecommendation.choose(from: curves, tolerance: tolerance, budget: steps),
            seconds: Date().timeIntervalSince(started))
    }
}
