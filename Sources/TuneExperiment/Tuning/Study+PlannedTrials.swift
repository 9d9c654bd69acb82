import TuneSearch

extension Study {
    /// How many trials a run of this study should start, so rerunning the same command resumes
    /// it: exactly `additional` when given (processes sharing a study), otherwise the trials
    /// still missing for the study to hold `target` (nil for the whole grid of a grid sampler, or
    /// 50). Trials of a killed run sharing the storage are failed (and enqueued again) first, so
    /// they are not counted as done.
    /// - Returns: the trials the study held before the run, and how many to start.
    func plannedTrials(target: Int?, additional: Int?) throws -> (existing: [TrialRecord], planned: Int) {
        if storage.isSharedBetweenProcesses { try failStaleTrials() }
        let existing = try trials
        let size = target ?? (sampler as? GridSampler)?.pointCount ?? 50
        return (existing, additional ?? max(0, size - Self.countedTrials(existing)))
    }

    /// Trials that count towards the study's size before a run: all but failed trials that were
    /// retried and WAITING trials (this run starts those, and counts them then).
    static func countedTrials(_ trials: [TrialRecord]) -> Int {
        let retried = Set(trials.compactMap { trial -> Int? in
            if case .int(let number)? = trial.systemAttributes[SystemAttributeKey.retriedTrial] { return number }
            return nil
        })
        return trials.filter { $0.state != .waiting && !($0.state == .fail && retried.contains($0.number)) }.count
    }
}
