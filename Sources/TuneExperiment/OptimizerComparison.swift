import Foundation
import TuneData
import TuneModels
import TuneOptim

/// The documents' comparison of optimizers (`002_57ed9592af0011c8.txt` §4): one model trained
/// from zero weights by each optimizer at one learning rate for a fixed number of updates, so
/// the loss and the parameters each reaches can be set side by side.
/// `tune-train examples run linreg-optimizers` runs it on y = 2x + 1 + noise;
/// `tune-train-bench optimizers` also times it on logistic regression.
public struct OptimizerComparison: Sendable {
    /// One optimizer as a document runs it.
    public struct Contender: Sendable, Equatable {
        /// The document's name for it (GD, SGD, Momentum, RMSprop, Adam).
        public var label: String
        public var optimizer: OptimizerKind
        /// Rows per update; nil for every row (full-batch gradient descent).
        public var batchSize: Int?

        public init(label: String, optimizer: OptimizerKind, batchSize: Int? = nil) {
            self.label = label
            self.optimizer = optimizer
            self.batchSize = batchSize
        }
    }

    /// The document's five: gradient descent on all rows, stochastic gradient descent on one row
    /// per update, and momentum, RMSprop and Adam on all rows (as its code computes them).
    public static let documentsContenders: [Contender] = [
        Contender(label: "GD", optimizer: .sgd),
        Contender(label: "SGD", optimizer: .sgd, batchSize: 1),
        Contender(label: "Momentum", optimizer: .momentum),
        Contender(label: "RMSprop", optimizer: .rmsprop),
        Contender(label: "Adam", optimizer: .adam),
    ]

    /// The documents use 0.01 for every optimizer.
    public var learningRate: Double
    /// Parameter updates each contender makes (the documents' loops run 1000).
    public var steps: Int
    /// Seeds the order rows are visited in by mini-batch contenders.
    public var seed: UInt64

    public init(learningRate: Double = 0.01, steps: Int = 1000, seed: UInt64 = 0) {
        self.learningRate = learningRate
        self.steps = steps
        self.seed = seed
    }

    /// Linear regression y = w·x + b on `data` trained by `contender`'s gradient steps on the mean
    /// squared error, without penalty.
    /// - Throws: ``ModelError`` for a classification data set, or when training diverges.
    public func fitLine(_ data: Dataset, by contender: Contender) throws -> OptimizerRun<FittedLinearRegression> {
        var settings = LinearRegression.Hyperparameters()
        settings.solver = .gradient
        settings.optimizer = contender.optimizer
        settings.learningRate = learningRate
        settings.seed = seed
        (settings.batchSize, settings.epochs) = schedule(contender, rows: data.rowCount)
        return try timed(contender, batchSize: settings.batchSize, epochs: settings.epochs, rows: data.rowCount) {
            try LinearRegression(settings).fit(data)
        }
    }

    /// Logistic regression on `data` trained by `contender` on the cross-entropy, without penalty.
    /// - Throws: ``ModelError`` for a regression data set, or when training diverges.
    public func fitLogistic(_ data: Dataset, by contender: Contender) throws -> OptimizerRun<FittedLogisticRegression> {
        var settings = LogisticRegression.Hyperparameters()
        settings.optimizer = contender.optimizer
        settings.learningRate = learningRate
        settings.alpha = 0
        settings.seed = seed
        (settings.batchSize, settings.epochs) = schedule(contender, rows: data.rowCount)
        return try timed(contender, batchSize: settings.batchSize, epochs: settings.epochs, rows: data.rowCount) {
            try LogisticRegression(settings).fit(data)
        }
    }

    /// The batch size and the number of passes over `rows` rows that make (at least) ``steps``
    /// updates.
    private func schedule(_ contender: Contender, rows: Int) -> (batchSize: Int, epochs: Int) {
        let batchSize = min(contender.batchSize ?? rows, rows)
        let updatesPerEpoch = (rows + batchSize - 1) / batchSize
        return (batchSize, max(1, (steps + updatesPerEpoch - 1) / updatesPerEpoch))
    }

    private func timed<Fitted: FittedModel>(
        _ contender: Contender, batchSize: Int, epochs: Int, rows: Int, _ fit: () throws -> Fitted
    ) throws -> OptimizerRun<Fitted> {
        let started = Date()
        let fitted = try fit()
        return OptimizerRun(
            contender: contender, batchSize: batchSize, steps: epochs * ((rows + batchSize - 1) / batchSize),
            fitted: fitted, seconds: Date().timeIntervalSince(started))
    }
}
