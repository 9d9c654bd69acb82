import TuneModels

/// What one contender of an ``OptimizerComparison`` reached: the fitted model, the updates it
/// made and how long they took.
public struct OptimizerRun<Fitted: FittedModel>: Sendable {
    public var contender: OptimizerComparison.Contender
    /// Rows per update.
    public var batchSize: Int
    /// Parameter updates made.
    public var steps: Int
    public var fitted: Fitted
    /// Seconds the training took.
    public var seconds: Double

    /// The mean training loss of each pass over the rows; with full batches, pass k is update k,
    /// and its loss is the loss of the parameters before that update.
    public var epochLosses: [Double] { fitted.reports.map(\.trainLoss) }
}
