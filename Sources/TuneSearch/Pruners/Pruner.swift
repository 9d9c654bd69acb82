/// Decides whether a running trial should stop early, from its intermediate values and those of
/// the study's other trials. Pruners are pure functions of what they are shown: they keep no state
/// and write nothing, so a resumed study prunes exactly as before.
public protocol Pruner: Sendable {
    /// Whether `trial` (RUNNING, with the values reported so far) should be pruned now.
    func shouldPrune(trial: TrialRecord, history: TrialHistory) -> Bool
}

/// Never prunes.
public struct NopPruner: Pruner {
    public init() {}
    public func shouldPrune(trial: TrialRecord, history: TrialHistory) -> Bool { false }
}
