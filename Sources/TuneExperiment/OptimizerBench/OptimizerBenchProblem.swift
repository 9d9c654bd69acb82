import TuneData

/// The problems `tune-train bench-optimizers` (and the benchmark harness's `optimizers`) compare
/// optimizers on, each a fixed data set with its own test part, so only the optimizer and the
/// seed of the model change between runs.
public enum OptimizerBenchProblem: String, CaseIterable, Codable, Sendable {
    /// The documents' line y = 2x + 1 + 0.5·noise (`002_57ed9592af0011c8.txt` §4: 100 rows of
    /// x ~ U(0, 1), `make_line` with seed 0), fitted by linear regression with full-batch steps on
    /// the raw x, as there; tested on a fresh 100-row sample of the same line (seed 1). The mean
    /// squared error cannot go below the noise's variance, about 0.25.
    case linreg
    /// Logistic regression on breast cancer (455 standardised training rows, split with seed 42),
    /// full-batch steps, no penalty.
    case logisticBreastCancer = "logistic-breast-cancer"
    /// The MLP's defaults (one hidden layer of 100 ReLUs, batches of 16, no penalty) on digits
    /// (1,437 standardised training rows, split with seed 42).
    case mlpDigits = "mlp-digits"

    /// The model trained.
    public var model: ModelKind {
        switch self {
        case .linreg: return .linear
        case .logisticBreastCancer: return .logistic
        case .mlpDigits: return .mlp
        }
    }

    /// The training loss counted as "reached" by default: a little above the noise floor for the
    /// line (mean squared error), cross-entropies the default optimizers reach within a few
    /// hundred to a few thousand steps for the classifiers.
    public var defaultTarget: Double {
        switch self {
        case .linreg: return 0.3
        case .logisticBreastCancer: return 0.1
        case .mlpDigits: return 0.05
        }
    }

    /// The test score's metric.
    public var metric: String { self == .linreg ? "r2" : "accuracy" }

    /// The raw line's x is what the documents train on; the classifiers' features are
    /// standardised with the training part's statistics.
    var scaling: FeatureScaling { self == .linreg ? .none : .standard }

    /// The training and test parts.
    /// - Throws: `DataError` (not expected: the data are built in).
    public func data() throws -> (train: Dataset, test: Dataset) {
        switch self {
        case .linreg:
            var fresh = LineProblem()
            fresh.seed = 1
            return (try LineProblem().generate(), try fresh.generate())
        case .logisticBreastCancer: return try BuiltInDataset.breastCancer.load().trainTestSplit(testSize: .fraction(0.2), seed: 42)
        case .mlpDigits: return try BuiltInDataset.digits.load().trainTestSplit(testSize: .fraction(0.2), seed: 42)
        }
    }

    /// The problem's fixed settings: full batches and no penalty for the linear models, the
    /// MLP's defaults otherwise.
    func parameters(trainingRows: Int) -> [(name: String, value: String)] {
        switch self {
        case .linreg: return [("solver", "gradient"), ("alpha", "0"), ("batch_size", "\(trainingRows)")]
        case .logisticBreastCancer: return [("alpha", "0"), ("batch_size", "\(trainingRows)")]
        case .mlpDigits: return []
        }
    }
}
