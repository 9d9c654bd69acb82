import CBLAS
import CLAPACK

extension Float: TensorScalar {
    public static func blasLowerTriangularSolve(
        transpose: Bool, n: Int, m: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafeMutablePointer<Float>, ldb: Int
    ) {
        cblas_strsm(
            CblasRowMajor, CblasLeft, CblasLower, transpose ? CblasTrans : CblasNoTrans, CblasNonUnit,
            blasint(n), blasint(m), 1, a, blasint(lda), b, blasint(ldb))
    }

    public static func blasGemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }

    public static func blasGemv(
        transpose: Bool, m: Int, n: Int, alpha: Float, a: UnsafePointer<Float>, lda: Int,
        x: UnsafePointer<Float>, incX: Int, beta: Float, y: UnsafeMutablePointer<Float>, incY: Int
    ) {
        cblas_sgemv(
            CblasRowMajor, transpose ? CblasTrans : CblasNoTrans, blasint(m), blasint(n), alpha, a, blasint(lda),
            x, blasint(incX), beta, y, blasint(incY))
    }

    public static func blasAxpy(
        n: Int, alpha: Float, x: UnsafePointer<Float>, incX: Int, y: UnsafeMutablePointer<Float>, incY: Int
    ) {
        cblas_saxpy(blasint(n), alpha, x, blasint(incX), y, blasint(incY))
    }

    public static func blasScal(n: Int, alpha: Float, x: UnsafeMutablePointer<Float>, incX: Int) {
        cblas_sscal(blasint(n), alpha, x, blasint(incX))
    }

    public static func blasDot(n: Int, x: UnsafePointer<Float>, incX: Int, y: UnsafePointer<Float>, incY: Int) -> Float {
        cblas_sdot(blasint(n), x, blasint(incX), y, blasint(incY))
    }

    public static func lapackPotrf(n: Int, a: UnsafeMutablePointer<Float>, lda: Int) -> Int {
        Int(LAPACKE_spotrf(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "L")), Int32(n), a, Int32(lda)))
    }

    public static func lapackPotrs(
        n: Int, nrhs: Int, factor: UnsafePointer<Float>, lda: Int, b: UnsafeMutablePointer<Float>, ldb: Int
    ) -> Int {
        Int(LAPACKE_spotrs(
            LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "L")), Int32(n), Int32(nrhs), factor, Int32(lda),
            b, Int32(ldb)))
    }

    public static func lapackPotri(n: Int, factor: UnsafeMutablePointer<Float>, lda: Int) -> Int {
        Int(LAPACKE_spotri(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "L")), Int32(n), factor, Int32(lda)))
    }

    public static func lapackTrtrs(
        lower: Bool, transpose: Bool, n: Int, nrhs: Int, a: UnsafePointer<Float>, lda: Int,
        b: UnsafeMutablePointer<Float>, ldb: Int
    ) -> Int {
        Int(LAPACKE_strtrs(
            LAPACK_ROW_MAJOR, Int8(UInt8(ascii: lower ? "L" : "U")), Int8(UInt8(ascii: transpose ? "T" : "N")),
            Int8(UInt8(ascii: "N")), Int32(n), Int32(nrhs), a, Int32(lda), b, Int32(ldb)))
    }

    public static func lapackGesv(
        n: Int, nrhs: Int, a: UnsafeMutablePointer<Float>, lda: Int, pivots: UnsafeMutablePointer<Int32>,
        b: UnsafeMutablePointer<Float>, ldb: Int
    ) -> Int {
        Int(LAPACKE_sgesv(
            LAPACK_ROW_MAJOR, Int32(n), Int32(nrhs), a, Int32(lda), pivots, b, Int32(ldb)))
    }

    public static func lapackGelsd(
        m: Int, n: Int, nrhs: Int, a: UnsafeMutablePointer<Float>, lda: Int, b: UnsafeMutablePointer<Float>,
        ldb: Int, singularValues: UnsafeMutablePointer<Float>, rcond: Float
    ) -> (info: Int, rank: Int) {
        var rank: Int32 = 0
        let info = LAPACKE_sgelsd(
            LAPACK_ROW_MAJOR, Int32(m), Int32(n), Int32(nrhs), a, Int32(lda), b,
            Int32(ldb), singularValues, rcond, &rank)
        return (Int(info), Int(rank))
    }

    public static func lapackSyevd(
        n: Int, a: UnsafeMutablePointer<Float>, lda: Int, eigenvalues: UnsafeMutablePointer<Float>
    ) -> Int {
        Int(LAPACKE_ssyevd(
            LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "V")), Int8(UInt8(ascii: "L")), Int32(n), a, Int32(lda),
            eigenvalues))
    }
}
