/// Where a trial is in its life, with Optuna's names (which are also what storages write).
public enum TrialState: String, CaseIterable, Sendable, Codable {
    /// Being evaluated by a worker.
    case running = "RUNNING"
    /// Finished with a finite objective value.
    case complete = "COMPLETE"
    /// Stopped early by a pruner; its value is its last intermediate value, if any.
    case pruned = "PRUNED"
    /// The objective threw, returned a non-finite value, or its worker died.
    case fail = "FAIL"
    /// Enqueued with given parameters, not yet started.
    case waiting = "WAITING"

    /// Whether the trial can no longer change (finished trials are immutable).
    public var isFinished: Bool { self == .complete || self == .pruned || self == .fail }
}

/// Whether smaller or larger objective values are better.
public enum StudyDirection: String, CaseIterable, Sendable, Codable {
    case minimize = "MINIMIZE"
    case maximize = "MAXIMIZE"

    /// Whether `candidate` is strictly better than `incumbent`.
    public func isBetter(_ candidate: Double, than incumbent: Double) -> Bool {
        self == .minimize ? candidate < incumbent : candidate > incumbent
    }

    /// The worst possible value in this direction.
    public var worstValue: Double { self == .minimize ? .infinity : -.infinity }
}
