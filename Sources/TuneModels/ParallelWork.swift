import Dispatch
import Foundation

/// Runs `body(index)` for every index in `0..<count` on up to `threads` threads, each index once.
///
/// Work items write their results by index (``IndexedResults``), so what a caller gets back never
/// depends on how many threads ran or in which order items finished.
func forEachIndexInParallel(_ count: Int, threads: Int, _ body: @Sendable (Int) -> Void) {
    let threads = max(1, min(threads, count))
    guard threads > 1 else {
        for index in 0..<count { body(index) }
        return
    }
    let next = IndexDispenser()
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
        while let index = next.take(below: count) { body(index) }
    }
}

/// Hands out indices to worker threads, each once.
final class IndexDispenser: @unchecked Sendable {
    private var next = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }
}

/// One result slot per work item, written by worker threads under a lock.
final class IndexedResults<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// Every slot's value; each must have been set.
    var values: [Value] { slots.map { $0! } }
}
