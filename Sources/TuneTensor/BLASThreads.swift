import CBLAS

/// The number of threads OpenBLAS uses inside one call.
///
/// TuneTrain keeps one thread budget for the whole process: when trials, folds or trees run in
/// parallel, each runs BLAS on one thread, so the cores are never oversubscribed (the cause of
/// the Gaussian-process slowdowns users of other tuners report).
public enum BLASThreads {
    /// The current OpenBLAS thread count.
    public static var count: Int { Int(openblas_get_num_threads()) }

    /// Sets the OpenBLAS thread count for subsequent calls (at least 1).
    public static func set(_ threads: Int) {
        openblas_set_num_threads(Int32(max(1, threads)))
    }

    /// Runs `body` with BLAS limited to `threads`, restoring the previous count afterwards.
    public static func withCount<R>(_ threads: Int, _ body: () throws -> R) rethrows -> R {
        let previous = count
        set(threads)
        defer { set(previous) }
        return try body()
    }
}
