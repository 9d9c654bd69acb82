import Foundation

/// ``SearchSpace/intersection(of:)`` kept up to date as trials finish, for a model-based sampler
/// that asks for it at every trial: each finished trial is intersected once (finished trials never
/// change), instead of comparing every trial's distributions every time.
final class IntersectionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cursor = FinishedTrialCursor()
    private var common: [String: ParameterDistribution]?

    func intersection(of history: TrialHistory) -> SearchSpace {
        lock.lock()
        defer { lock.unlock() }
        cursor.visitNewlyFinished(history.trials) { trial in
            guard trial.state == .complete || trial.state == .pruned else { return }
            common = SearchSpace.narrowed(common, by: trial)
        }
        return SearchSpace(common: common)
    }
}
