/// Prunes a trial whose best value so far is worse than the median of the completed trials' values
/// at the same step (Optuna's default pruner): the ``PercentilePruner`` at 50.
public struct MedianPruner: Pruner {
    public let percentilePruner: PercentilePruner

    /// - Throws: ``PrunerError`` as ``PercentilePruner``.
    public init(startupTrials: Int = 5, warmupSteps: Int = 0, intervalSteps: Int = 1, minimumTrials: Int = 1) throws {
        percentilePruner = try PercentilePruner(
            percentile: 50, startupTrials: startupTrials, warmupSteps: warmupSteps,
            intervalSteps: intervalSteps, minimumTrials: minimumTrials)
    }

    public func shouldPrune(trial: TrialRecord, history: TrialHistory) -> Bool {
        percentilePruner.shouldPrune(trial: trial, history: history)
    }
}
