import Foundation

extension Study {
    /// Finishes the RUNNING trial numbered `number` with the objective's value (COMPLETE when
    /// finite, FAIL otherwise), as Optuna's `study.tell(trial_number, value)` does: for a trial
    /// that another process asked for (``ask(detached:)``), of which this process holds no handle.
    /// - Throws: ``StudyError/trialNotFound(study:number:count:)`` for a number the study does not
    ///   hold, ``StudyError/trialNotRunning(number:state:)`` for a trial that is not RUNNING
    ///   (including one another process finishes meanwhile).
    @discardableResult
    public func tell(trialNumber number: Int, value: Double) throws -> TrialRecord {
        try tellRunningTrial(number) { try finish($0, value: value) }
    }

    /// Finishes the RUNNING trial numbered `number` as PRUNED (keeping its last intermediate
    /// value) or FAIL.
    /// - Throws: as ``tell(trialNumber:value:)``, and ``StudyError/notAFinalState(_:)`` for
    ///   RUNNING, WAITING or COMPLETE (which needs a value).
    @discardableResult
    public func tell(trialNumber number: Int, state: TrialState) throws -> TrialRecord {
        try tellRunningTrial(number) { try finish($0, state: state) }
    }

    /// Looks up trial `number`, checks that it runs, and finishes it with `finishing`.
    private func tellRunningTrial(_ number: Int, _ finishing: (TrialRecord) throws -> Finishing) throws -> TrialRecord {
        let trials = try self.trials
        guard let record = trials.first(where: { $0.number == number }) else {
            throw StudyError.trialNotFound(study: name, number: number, count: trials.count)
        }
        guard record.state == .running else { throw StudyError.trialNotRunning(number: number, state: record.state) }
        let outcome: Finishing
        do {
            outcome = try finishing(record)
        } catch StorageError.trialFinished(_, let state) {
            throw StudyError.trialNotRunning(number: number, state: state)
        }
        guard outcome.finishedHere else { throw StudyError.trialNotRunning(number: number, state: outcome.record.state) }
        return outcome.record
    }
}
