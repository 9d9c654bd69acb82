import Foundation

/// ``SearchSpace/intersection(of:)`` kept up to date as trials finish, for a model-based sampler
/// that asks for it at every trial: each finished trial is intersected once (finished trials never
/// change), instead of comparing every trial's distributions every time.
final class IntersectionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var known: Set<Int> = []
    private var common: [String: ParameterDistribution]?

    func intersection(of history: TrialHistory) -> SearchSpace {
        lock.lock()
        defer { lock.unlock() }
        let trials = history.trials
        for index in trials.indices where (trials[index].state == .complete || trials[index].state == .pruned)
            && !known.contains(trials[index].number) {
            known.insert(trials[index].number)
            if var current = common {
                for (name, distribution) in current where trials[index].distributions[name] != distribution {
                    current[name] = nil
                }
                common = current
            } else {
                common = trials[index].distributions
            }
        }
        return SearchSpace(common: common)
    }
}
