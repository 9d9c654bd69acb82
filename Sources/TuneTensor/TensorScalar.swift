/// A floating-point type the tensor engine can compute with: `Float` for training, `Double` for
/// the samplers' statistics.
///
/// Each conforming type routes the BLAS and LAPACK entry points below to the single- or
/// double-precision routine. They take row-major storage and plain Swift types, so no C type
/// leaks out of `TuneTensor`. Prefer the `Tensor` API; these exist so that `Tensor` can be generic.
public protocol TensorScalar: BinaryFloatingPoint, Codable, Sendable, LosslessStringConvertible
where RawSignificand: FixedWidthInteger {
    /// `c ← alpha·op(a)·op(b) + beta·c` (row-major GEMM).
    static func blasGemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Self, a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int,
        beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)
    /// Solves `op(A)·X = B` in place for a lower-triangular `n × n` matrix `A` and `n × m`
    /// right-hand sides `B` (row-major TRSM: no transposed copies, unlike LAPACKE's `trtrs`).
    static func blasLowerTriangularSolve(
        transpose: Bool, n: Int, m: Int, a: UnsafePointer<Self>, lda: Int, b: UnsafeMutablePointer<Self>, ldb: Int)
    /// `y ← alpha·op(a)·x + beta·y` (row-major GEMV, `a` is `m × n`).
    static func blasGemv(
        transpose: Bool, m: Int, n: Int, alpha: Self, a: UnsafePointer<Self>, lda: Int,
        x: UnsafePointer<Self>, incX: Int, beta: Self, y: UnsafeMutablePointer<Self>, incY: Int)
    /// `y ← alpha·x + y`.
    static func blasAxpy(
        n: Int, alpha: Self, x: UnsafePointer<Self>, incX: Int, y: UnsafeMutablePointer<Self>, incY: Int)
    /// `x ← alpha·x`.
    static func blasScal(n: Int, alpha: Self, x: UnsafeMutablePointer<Self>, incX: Int)
    /// `xᵀy`.
    static func blasDot(n: Int, x: UnsafePointer<Self>, incX: Int, y: UnsafePointer<Self>, incY: Int) -> Self

    /// Cholesky factorisation (`potrf`) of the lower triangle; returns LAPACK's `info`.
    static func lapackPotrf(n: Int, a: UnsafeMutablePointer<Self>, lda: Int) -> Int
    /// Solves `A·X = B` from a lower Cholesky factor (`potrs`); returns `info`.
    static func lapackPotrs(
        n: Int, nrhs: Int, factor: UnsafePointer<Self>, lda: Int, b: UnsafeMutablePointer<Self>, ldb: Int) -> Int
    /// Overwrites a lower Cholesky factor with the lower triangle of the inverse of the matrix it
    /// factors (`potri`); returns `info`.
    static func lapackPotri(n: Int, factor: UnsafeMutablePointer<Self>, lda: Int) -> Int
    /// Solves a triangular system `op(A)·X = B` (`trtrs`); returns `info`.
    static func lapackTrtrs(
        lower: Bool, transpose: Bool, n: Int, nrhs: Int, a: UnsafePointer<Self>, lda: Int,
        b: UnsafeMutablePointer<Self>, ldb: Int) -> Int
    /// Solves a general system `A·X = B` by LU with partial pivoting (`gesv`); returns `info`.
    static func lapackGesv(
        n: Int, nrhs: Int, a: UnsafeMutablePointer<Self>, lda: Int, pivots: UnsafeMutablePointer<Int32>,
        b: UnsafeMutablePointer<Self>, ldb: Int) -> Int
    /// Minimum-norm least squares by SVD (`gelsd`); returns `info` and the effective rank.
    static func lapackGelsd(
        m: Int, n: Int, nrhs: Int, a: UnsafeMutablePointer<Self>, lda: Int, b: UnsafeMutablePointer<Self>,
        ldb: Int, singularValues: UnsafeMutablePointer<Self>, rcond: Self) -> (info: Int, rank: Int)
    /// Eigenvalues (ascending) and eigenvectors of a symmetric matrix (`syevd`, lower triangle);
    /// returns `info`.
    static func lapackSyevd(n: Int, a: UnsafeMutablePointer<Self>, lda: Int, eigenvalues: UnsafeMutablePointer<Self>) -> Int
}
