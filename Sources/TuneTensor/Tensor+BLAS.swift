/// Matrix products through BLAS. The `into:` forms write into preallocated storage and allocate
/// nothing, for training loops; the returning forms allocate their result.
extension Tensor {
    /// `op(a)·op(b)`, where `op` transposes when asked.
    public static func matmul(
        _ a: Tensor, transposeA: Bool = false, _ b: Tensor, transposeB: Bool = false
    ) -> Tensor {
        let (m, _, n) = gemmDimensions(a, transposeA, b, transposeB)
        var c = Tensor(zeros: [m, n])
        gemm(a, transposeA: transposeA, b, transposeB: transposeB, into: &c)
        return c
    }

    /// `c ← alpha·op(a)·op(b) + beta·c` (BLAS `gemm`), into preallocated `c` of shape `m × n`.
    /// With `beta = 1` it accumulates, as gradient sums need.
    public static func gemm(
        _ a: Tensor, transposeA: Bool = false, _ b: Tensor, transposeB: Bool = false,
        alpha: Scalar = 1, beta: Scalar = 0, into c: inout Tensor
    ) {
        let (m, k, n) = gemmDimensions(a, transposeA, b, transposeB)
        precondition(c.rank == 2 && c.shape[0] == m && c.shape[1] == n,
            "Tensor.gemm: result has shape \(c.shape), needs [\(m), \(n)]")
        guard m > 0, n > 0 else { return }
        if k == 0 {
            c.scale(by: beta)
            return
        }
        a.scalars.withUnsafeBufferPointer { pa in
            b.scalars.withUnsafeBufferPointer { pb in
                c.scalars.withUnsafeMutableBufferPointer { pc in
                    Scalar.blasGemm(
                        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                        alpha: alpha, a: pa.baseAddress!, lda: a.shape[1], b: pb.baseAddress!, ldb: b.shape[1],
                        beta: beta, c: pc.baseAddress!, ldc: n)
                }
            }
        }
    }

    private static func gemmDimensions(
        _ a: Tensor, _ transposeA: Bool, _ b: Tensor, _ transposeB: Bool
    ) -> (m: Int, k: Int, n: Int) {
        precondition(a.rank == 2 && b.rank == 2, "Tensor.matmul: needs matrices, shapes \(a.shape) and \(b.shape)")
        let (m, k) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let (k2, n) = transposeB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
        precondition(k == k2,
            "Tensor.matmul: inner dimensions differ: \(a.shape)\(transposeA ? "ᵀ" : "") · \(b.shape)\(transposeB ? "ᵀ" : "")")
        return (m, k, n)
    }

    /// `op(self)·x` for a matrix and a vector (BLAS `gemv`).
    public func matrixVectorProduct(_ x: [Scalar], transposed: Bool = false) -> [Scalar] {
        precondition(rank == 2, "Tensor.matrixVectorProduct: needs a matrix, shape is \(shape)")
        var y = [Scalar](repeating: 0, count: transposed ? shape[1] : shape[0])
        matrixVectorProduct(x, transposed: transposed, into: &y)
        return y
    }

    /// `y ← alpha·op(self)·x + beta·y` (BLAS `gemv`), into preallocated `y`.
    public func matrixVectorProduct(
        _ x: [Scalar], transposed: Bool = false, alpha: Scalar = 1, beta: Scalar = 0, into y: inout [Scalar]
    ) {
        precondition(rank == 2, "Tensor.matrixVectorProduct: needs a matrix, shape is \(shape)")
        let (m, n) = (shape[0], shape[1])
        let (inLength, outLength) = transposed ? (m, n) : (n, m)
        precondition(x.count == inLength && y.count == outLength,
            "Tensor.matrixVectorProduct: \(shape)\(transposed ? "ᵀ" : "") · [\(x.count)] into [\(y.count)]")
        guard m > 0, n > 0 else {
            for i in y.indices { y[i] *= beta }
            return
        }
        scalars.withUnsafeBufferPointer { pa in
            x.withUnsafeBufferPointer { px in
                y.withUnsafeMutableBufferPointer { py in
                    Scalar.blasGemv(
                        transpose: transposed, m: m, n: n, alpha: alpha, a: pa.baseAddress!, lda: n,
                        x: px.baseAddress!, incX: 1, beta: beta, y: py.baseAddress!, incY: 1)
                }
            }
        }
    }

    /// `self ← alpha·x + self` (BLAS `axpy`); shapes must hold the same number of elements.
    public mutating func addScaled(_ x: Tensor, by alpha: Scalar) {
        precondition(x.count == count, "Tensor.addScaled: \(x.shape) and \(shape) differ in size")
        let n = count
        guard n > 0 else { return }
        x.scalars.withUnsafeBufferPointer { px in
            scalars.withUnsafeMutableBufferPointer { py in
                Scalar.blasAxpy(n: n, alpha: alpha, x: px.baseAddress!, incX: 1, y: py.baseAddress!, incY: 1)
            }
        }
    }

    /// `self ← alpha·self` (BLAS `scal`).
    public mutating func scale(by alpha: Scalar) {
        guard count > 0 else { return }
        let n = count
        scalars.withUnsafeMutableBufferPointer { px in
            Scalar.blasScal(n: n, alpha: alpha, x: px.baseAddress!, incX: 1)
        }
    }

    /// The inner product of all elements (BLAS `dot`).
    public func dot(_ other: Tensor) -> Scalar {
        precondition(other.count == count, "Tensor.dot: \(shape) and \(other.shape) differ in size")
        guard count > 0 else { return 0 }
        return scalars.withUnsafeBufferPointer { px in
            other.scalars.withUnsafeBufferPointer { py in
                Scalar.blasDot(n: count, x: px.baseAddress!, incX: 1, y: py.baseAddress!, incY: 1)
            }
        }
    }
}
