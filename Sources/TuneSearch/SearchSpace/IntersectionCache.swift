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
            if var current = common {
                for (name, distribution) in current where trial.distributions[name] != distribution {
                    current[name] = nil
                }
                common = current
            } else {
                common = trial.distributions
            }
        }
        return SearchSpace(common: common)
    }
}
