/// What samplers and pruners may know of a study: its direction and a snapshot of its trials.
/// They never see the study or its storage, so they cannot change them.
public struct TrialHistory: Sendable {
    public var direction: StudyDirection
    /// Every trial of the study at the time of the snapshot, in number order.
    public var trials: [TrialRecord]

    public init(direction: StudyDirection, trials: [TrialRecord]) {
        self.direction = direction
        self.trials = trials.sorted { $0.number < $1.number }
    }

    /// The trials in `states`, in number order.
    public func trials(in states: Set<TrialState>) -> [TrialRecord] {
        trials.filter { states.contains($0.state) }
    }

    /// The COMPLETE trials.
    public var completed: [TrialRecord] { trials(in: [.complete]) }

    /// The best COMPLETE trial (the earliest among equals), or nil.
    public var best: TrialRecord? {
        var best: TrialRecord?
        for trial in trials where trial.state == .complete {
            guard let value = trial.value else { continue }
            if let incumbent = best?.value, !direction.isBetter(value, than: incumbent) { continue }
            best = trial
        }
        return best
    }
}
