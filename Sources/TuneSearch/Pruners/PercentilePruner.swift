/// Prunes a trial whose best value so far is worse than the given percentile of the COMPLETE
/// trials' values at the same step (Optuna's `PercentilePruner`).
///
/// Nothing is pruned before `startupTrials` trials have completed, before step `warmupSteps`, or
/// except at the first report of each interval of `intervalSteps` steps after the warm-up; a step
/// at which fewer than `minimumTrials` completed trials reported is not judged. A trial that only
/// reported NaN is pruned.
public struct PercentilePruner: Pruner {
    /// 0...100, counted from the best: a trial is pruned when its best value is worse than the
    /// value that this percentage of the completed trials reached at the same step (25 keeps
    /// trials in the best quarter).
    public let percentile: Double
    public let startupTrials: Int
    public let warmupSteps: Int
    public let intervalSteps: Int
    public let minimumTrials: Int

    /// - Throws: ``PrunerError`` for a percentile outside 0...100, negative counts, or an
    ///   interval below 1.
    public init(percentile: Double, startupTrials: Int = 5, warmupSteps: Int = 0, intervalSteps: Int = 1, minimumTrials: Int = 1) throws {
        guard (0...100).contains(percentile) else { throw PrunerError("percentile must be in 0...100, got \(percentile)") }
        guard startupTrials >= 0 else { throw PrunerError("startupTrials must be >= 0, got \(startupTrials)") }
        guard warmupSteps >= 0 else { throw PrunerError("warmupSteps must be >= 0, got \(warmupSteps)") }
        guard intervalSteps >= 1 else { throw PrunerError("intervalSteps must be >= 1, got \(intervalSteps)") }
        guard minimumTrials >= 1 else { throw PrunerError("minimumTrials must be >= 1, got \(minimumTrials)") }
        self.percentile = percentile
        self.startupTrials = startupTrials
        self.warmupSteps = warmupSteps
        self.intervalSteps = intervalSteps
        self.minimumTrials = minimumTrials
    }

    public func shouldPrune(trial: TrialRecord, history: TrialHistory) -> Bool {
        guard let step = trial.lastStep, step >= warmupSteps, isFirstReportInInterval(trial, step: step) else { return false }
        let completed = history.completed
        guard !completed.isEmpty, completed.count >= startupTrials else { return false }
        let finite = trial.intermediateValues.values.filter { !$0.isNaN }
        guard !finite.isEmpty else { return true }
        let best = history.direction == .minimize ? finite.min()! : finite.max()!
        let others = completed.compactMap { $0.intermediateValues[step] }.filter { !$0.isNaN }
        guard others.count >= minimumTrials else { return false }
        let threshold = Self.percentile(others, history.direction == .minimize ? percentile : 100 - percentile)
        return history.direction == .minimize ? best > threshold : best < threshold
    }

    /// Whether `step` is the trial's first report at or after the latest interval boundary.
    private func isFirstReportInInterval(_ trial: TrialRecord, step: Int) -> Bool {
        let boundary = (step - warmupSteps) / intervalSteps * intervalSteps + warmupSteps
        let previous = trial.intermediateValues.keys.filter { $0 < step }.max() ?? -1
        return previous < boundary
    }

    /// The `q`-th percentile of `values` by linear interpolation between order statistics (NumPy's
    /// default `percentile`).
    static func percentile(_ values: [Double], _ q: Double) -> Double {
        let sorted = values.sorted()
        let position = q / 100 * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }
}

/// A pruner configuration that makes no sense; says which setting and its allowed range.
public struct PrunerError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
