import Foundation

/// What a CMA-ES sampler keeps between trials (it serves one study): replayed states, so a trial
/// costs at most a generation or two of replay rather than all of them; the spaces it has
/// sampled, by their names; and the claims' digest of the settled trials.
///
/// Only states whose inputs are settled are stored — every generation before them has its
/// parents recorded in the history — so an entry never goes stale: trials and their tags never
/// change. A few recent generations are kept per run, for trials of an older generation that
/// sample late under concurrency. The lock is never held while the history is read (the storage
/// may hold its own lock while it calls the sampler's claim).
final class CMAESStateCache: @unchecked Sendable {
    /// A run of one space.
    struct Run: Hashable {
        var space: [String]
        var restart: Int
    }

    /// Generations kept per run, counting back from the newest.
    static let generationsKept = 4

    private let lock = NSLock()
    private var states: [Run: [Int: CMAESState]] = [:]
    private var spaces: [[String]: SearchSpace] = [:]
    private var digest = CMAESHistoryDigest()

    /// The newest cached state of `run` at a generation no later than `generation`.
    func state(_ run: Run, atMost generation: Int) -> (generation: Int, state: CMAESState)? {
        lock.lock()
        defer { lock.unlock() }
        guard let byGeneration = states[run] else { return nil }
        guard let best = byGeneration.keys.filter({ $0 <= generation }).max() else { return nil }
        return (best, byGeneration[best]!)
    }

    func store(_ state: CMAESState, run: Run, generation: Int) {
        lock.lock()
        defer { lock.unlock() }
        var byGeneration = states[run] ?? [:]
        byGeneration[generation] = state
        let newest = byGeneration.keys.max()!
        byGeneration = byGeneration.filter { $0.key > newest - Self.generationsKept }
        states[run] = byGeneration
    }

    /// The space whose names are `names`, as last stored.
    func space(named names: [String]) -> SearchSpace? {
        lock.lock()
        defer { lock.unlock() }
        return spaces[names]
    }

    func store(_ space: SearchSpace) {
        lock.lock()
        defer { lock.unlock() }
        spaces[space.names] = space
    }

    /// Runs `body` on the digest under the lock (claims run one at a time, inside the storage's
    /// transaction; `body` must not read a lazy history).
    func withDigest<T>(_ body: (inout CMAESHistoryDigest) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&digest)
    }
}
