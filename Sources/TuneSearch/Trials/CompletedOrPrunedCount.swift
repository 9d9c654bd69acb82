import Foundation

/// How many trials of a study are COMPLETE or PRUNED (what a model-based sampler learns from, and
/// counts against its startup trials), kept up to date as trials finish instead of counted anew
/// at every sampling call.
final class CompletedOrPrunedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var cursor = FinishedTrialCursor()
    private var counted: Set<Int> = []

    /// The COMPLETE and PRUNED trials of `history` other than the one numbered `excluded`.
    func count(in history: TrialHistory, excluding excluded: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        cursor.visitNewlyFinished(history.trials) { trial in
            if trial.state == .complete || trial.state == .pruned { counted.insert(trial.number) }
        }
        return counted.count - (counted.contains(excluded) ? 1 : 0)
    }
}
