/// Factorisations and solvers through LAPACK. Each checks its inputs for NaN and infinity, and
/// turns LAPACK's `info` into a ``LinearAlgebraError``. Right-hand sides may be vectors (shape
/// `[n]`) or matrices (`[n, k]`); results keep the right-hand side's rank.
extension Tensor {
    /// The lower-triangular Cholesky factor `L` with `self = L·Lᵀ` (LAPACK `potrf`); the strict
    /// upper triangle of the result is zero.
    /// - Throws: ``LinearAlgebraError/notPositiveDefinite(column:)`` when the matrix is not
    ///   symmetric positive definite.
    public func choleskyFactor() throws -> Tensor {
        let n = try squareSize("potrf")
        var factor = self
        let info = factor.scalars.withUnsafeMutableBufferPointer { a in
            Scalar.lapackPotrf(n: n, a: a.baseAddress!, lda: Swift.max(n, 1))
        }
        if info > 0 { throw LinearAlgebraError.notPositiveDefinite(column: info - 1) }
        try Tensor.check(info, "potrf")
        factor.scalars.withUnsafeMutableBufferPointer { a in
            for r in 0..<n {
                for c in (r + 1)..<Swift.max(n, r + 1) { a[r * n + c] = 0 }
            }
        }
        return factor
    }

    /// Solves `A·X = B` given the lower Cholesky factor `L` of `A` (LAPACK `potrs`).
    public static func choleskySolve(factor: Tensor, _ rightHandSide: Tensor) throws -> Tensor {
        let n = try factor.squareSize("potrs")
        var (x, nrhs) = try Tensor.rightHandSideMatrix(rightHandSide, rows: n, routine: "potrs")
        let info = factor.scalars.withUnsafeBufferPointer { l in
            x.scalars.withUnsafeMutableBufferPointer { b in
                Scalar.lapackPotrs(n: n, nrhs: nrhs, factor: l.baseAddress!, lda: Swift.max(n, 1), b: b.baseAddress!, ldb: Swift.max(nrhs, 1))
            }
        }
        try Tensor.check(info, "potrs")
        return rightHandSide.rank == 1 ? x.reshaped([n]) : x
    }

    /// Solves `op(T)·X = B` for this triangular matrix `T` (LAPACK `trtrs`).
    /// - Parameters:
    ///   - lower: whether `T` is lower (else upper) triangular; the other triangle is ignored.
    ///   - transpose: solve with `Tᵀ` instead of `T`.
    /// - Throws: ``LinearAlgebraError/singular(column:)`` for a zero on the diagonal.
    public func triangularSolve(_ rightHandSide: Tensor, lower: Bool, transpose: Bool = false) throws -> Tensor {
        let n = try squareSize("trtrs")
        var (x, nrhs) = try Tensor.rightHandSideMatrix(rightHandSide, rows: n, routine: "trtrs")
        let info = scalars.withUnsafeBufferPointer { t in
            x.scalars.withUnsafeMutableBufferPointer { b in
                Scalar.lapackTrtrs(
                    lower: lower, transpose: transpose, n: n, nrhs: nrhs, a: t.baseAddress!, lda: Swift.max(n, 1),
                    b: b.baseAddress!, ldb: Swift.max(nrhs, 1))
            }
        }
        if info > 0 { throw LinearAlgebraError.singular(column: info - 1) }
        try Tensor.check(info, "trtrs")
        return rightHandSide.rank == 1 ? x.reshaped([n]) : x
    }

    /// Solves the square system `self·X = B` by LU with partial pivoting (LAPACK `gesv`).
    /// - Throws: ``LinearAlgebraError/singular(column:)`` for a singular matrix.
    public func solve(_ rightHandSide: Tensor) throws -> Tensor {
        let n = try squareSize("gesv")
        var (x, nrhs) = try Tensor.rightHandSideMatrix(rightHandSide, rows: n, routine: "gesv")
        var lu = self
        var pivots = [Int32](repeating: 0, count: Swift.max(n, 1))
        let info = lu.scalars.withUnsafeMutableBufferPointer { a in
            x.scalars.withUnsafeMutableBufferPointer { b in
                pivots.withUnsafeMutableBufferPointer { p in
                    Scalar.lapackGesv(
                        n: n, nrhs: nrhs, a: a.baseAddress!, lda: Swift.max(n, 1), pivots: p.baseAddress!,
                        b: b.baseAddress!, ldb: Swift.max(nrhs, 1))
                }
            }
        }
        if info > 0 { throw LinearAlgebraError.singular(column: info - 1) }
        try Tensor.check(info, "gesv")
        return rightHandSide.rank == 1 ? x.reshaped([n]) : x
    }

    /// The minimum-norm least-squares solution of `self·X ≈ B` by SVD (LAPACK `gelsd`), which
    /// also handles rank-deficient and under-determined systems.
    /// - Parameter relativeConditionLimit: singular values below this times the largest count as
    ///   zero; a negative value means machine precision (LAPACK's `rcond`).
    public func leastSquares(_ rightHandSide: Tensor, relativeConditionLimit: Scalar = -1) throws -> LeastSquaresSolution<Scalar> {
        guard rank == 2 else {
            throw LinearAlgebraError.shapeMismatch(routine: "gelsd", detail: "needs a matrix, shape is \(shape)")
        }
        let (m, n) = (shape[0], shape[1])
        let (b, nrhs) = try Tensor.rightHandSideMatrix(rightHandSide, rows: m, routine: "gelsd")
        let rowsB = Swift.max(m, n)
        var work = Tensor(zeros: [rowsB, nrhs])
        work.scalars.replaceSubrange(0..<(m * nrhs), with: b.scalars)
        var a = self
        var singularValues = [Scalar](repeating: 0, count: Swift.max(Swift.min(m, n), 1))
        let (info, effectiveRank) = a.scalars.withUnsafeMutableBufferPointer { pa in
            work.scalars.withUnsafeMutableBufferPointer { pb in
                singularValues.withUnsafeMutableBufferPointer { ps in
                    Scalar.lapackGelsd(
                        m: m, n: n, nrhs: nrhs, a: pa.baseAddress!, lda: Swift.max(n, 1), b: pb.baseAddress!,
                        ldb: Swift.max(nrhs, 1), singularValues: ps.baseAddress!, rcond: relativeConditionLimit)
                }
            }
        }
        if info > 0 { throw LinearAlgebraError.noConvergence(routine: "gelsd", count: info) }
        try Tensor.check(info, "gelsd")
        let solution = Tensor(shape: [n, nrhs], scalars: Array(work.scalars[0..<(n * nrhs)]))
        return LeastSquaresSolution(
            solution: rightHandSide.rank == 1 ? solution.reshaped([n]) : solution,
            rank: effectiveRank,
            singularValues: Array(singularValues.prefix(Swift.min(m, n))))
    }

    /// Eigenvalues in ascending order and the matching orthonormal eigenvectors (as the columns of
    /// the returned matrix) of a symmetric matrix, from its lower triangle (LAPACK `syevd`).
    public func symmetricEigendecomposition() throws -> (eigenvalues: [Scalar], eigenvectors: Tensor) {
        let n = try squareSize("syevd")
        var vectors = self
        var values = [Scalar](repeating: 0, count: Swift.max(n, 1))
        let info = vectors.scalars.withUnsafeMutableBufferPointer { a in
            values.withUnsafeMutableBufferPointer { w in
                Scalar.lapackSyevd(n: n, a: a.baseAddress!, lda: Swift.max(n, 1), eigenvalues: w.baseAddress!)
            }
        }
        if info > 0 { throw LinearAlgebraError.noConvergence(routine: "syevd", count: info) }
        try Tensor.check(info, "syevd")
        return (Array(values.prefix(n)), vectors)
    }

    private func squareSize(_ routine: String) throws -> Int {
        guard rank == 2, shape[0] == shape[1] else {
            throw LinearAlgebraError.shapeMismatch(routine: routine, detail: "needs a square matrix, shape is \(shape)")
        }
        guard isFinite else { throw LinearAlgebraError.nonFiniteInput(routine: routine) }
        return shape[0]
    }

    private static func rightHandSideMatrix(_ b: Tensor, rows: Int, routine: String) throws -> (Tensor, Int) {
        guard (b.rank == 1 || b.rank == 2), b.shape[0] == rows else {
            throw LinearAlgebraError.shapeMismatch(
                routine: routine, detail: "right-hand side has shape \(b.shape), needs \(rows) rows")
        }
        guard b.isFinite else { throw LinearAlgebraError.nonFiniteInput(routine: routine) }
        return b.rank == 1 ? (b.reshaped([rows, 1]), 1) : (b, b.shape[1])
    }

    private static func check(_ info: Int, _ routine: String) throws {
        if info < 0 { throw LinearAlgebraError.invalidArgument(routine: routine, position: -info) }
    }
}

/// The result of ``Tensor/leastSquares(_:relativeConditionLimit:)``.
public struct LeastSquaresSolution<Scalar: TensorScalar>: Sendable {
    /// The minimum-norm solution `X`.
    public var solution: Tensor<Scalar>
    /// The effective rank of the matrix.
    public var rank: Int
    /// The singular values, largest first.
    public var singularValues: [Scalar]
}
