/// What an iterative model reports after each epoch: the hook for progress displays, early
/// stopping and the tuner's pruners.
public struct EpochReport: Sendable, Equatable {
    /// 1-based.
    public var epoch: Int
    /// The mean training loss over the epoch's batches.
    public var trainLoss: Double
    /// Accuracy (classifiers) or R² (regressors) on the validation rows, if there are any.
    public var validationMetric: Double?
    /// Seconds since training started.
    public var elapsedSeconds: Double
    /// The learning rate of the epoch's last step (the schedule's, or where hypergradient descent
    /// has taken it).
    public var learningRate: Double
}

/// An epoch callback's answer.
public enum TrainingDecision: Sendable {
    case proceed
    /// End training now, keeping the model as it is (or its best epoch, with early stopping's
    /// restore option).
    case stop
}

/// Called after every epoch; may stop training (a pruner, a time budget).
public typealias EpochCallback = @Sendable (EpochReport) -> TrainingDecision
