import CBLAS
import Foundation

/// The number of threads OpenBLAS uses inside one call.
///
/// TuneTrain keeps one thread budget for the whole process: when trials, folds or trees run in
/// parallel, each runs BLAS on one thread, so the cores are never oversubscribed (the cause of
/// the Gaussian-process slowdowns users of other tuners report).
///
/// OpenBLAS's count is global to the process, so requests for one thread are counted: while any
/// is active, BLAS stays on one thread and no other caller's restore can raise it. A result
/// computed under a single-thread request therefore never changes its summation order halfway
/// (a sampler's choice would otherwise differ in its last digits between runs of one seed).
public enum BLASThreads {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var singleThreadRequests = 0
    nonisolated(unsafe) private static var countBeforeSingleThreadRequests = 1

    /// The current OpenBLAS thread count.
    public static var count: Int { Int(openblas_get_num_threads()) }

    /// Sets the OpenBLAS thread count for subsequent calls (at least 1), unless a single-thread
    /// request is active.
    public static func set(_ threads: Int) {
        lock.lock()
        defer { lock.unlock() }
        if singleThreadRequests == 0 { openblas_set_num_threads(Int32(max(1, threads))) }
    }

    /// Runs `body` with BLAS limited to `threads`, restoring the previous count afterwards.
    public static func withCount<R>(_ threads: Int, _ body: () throws -> R) rethrows -> R {
        if threads <= 1 {
            lock.lock()
            if singleThreadRequests == 0 {
                countBeforeSingleThreadRequests = count
                openblas_set_num_threads(1)
            }
            singleThreadRequests += 1
            lock.unlock()
            defer {
                lock.lock()
                singleThreadRequests -= 1
                if singleThreadRequests == 0 { openblas_set_num_threads(Int32(countBeforeSingleThreadRequests)) }
                lock.unlock()
            }
            return try body()
        }
        let previous = count
        set(threads)
        defer { set(previous) }
        return try body()
    }
}
