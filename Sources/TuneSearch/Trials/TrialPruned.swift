/// Thrown by an objective when `Trial.shouldPrune()` says so: the trial ends PRUNED, not FAIL.
public struct TrialPruned: Error, CustomStringConvertible, Sendable {
    public init() {}
    public var description: String { "trial pruned" }
}
