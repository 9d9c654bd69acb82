import Foundation
import TuneSearch

/// Watches a ``TuningRun``: progress displays and logs implement it. Calls come one at a time.
public protocol TuningObserver: Sendable {
    /// The search starts: `plannedTrials` new trials (ended early by `timeout` seconds, if set)
    /// on top of `existingTrials` the study already holds.
    func searchStarted(study: String, plannedTrials: Int, existingTrials: Int, timeout: TimeInterval?)
    /// A trial finished.
    func trialFinished(_ trial: TrialRecord, in study: Study)
    /// The search ended; later stages follow.
    func searchFinished()
    /// A stage after the search begins ("re-running the 3 best settings with 5 seeds").
    func stageStarted(_ description: String)
}

/// The study callbacks that tell `observer` of each finished trial (none without an observer).
func studyCallbacks(telling observer: (any TuningObserver)?) -> [StudyCallback] {
    guard let observer else { return [] }
    return [{ study, trial in observer.trialFinished(trial, in: study) }]
}
