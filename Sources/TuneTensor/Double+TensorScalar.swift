import CBLAS
import CLAPACK

extension Double: TensorScalar {
    public static func blasLowerTriangularSolve(
        transpose: Bool, n: Int, m: Int, a: UnsafePointer<Double>, lda: Int, b: UnsafeMutablePointer<Double>, ldb: Int
    ) {
        cblas_dtrsm(
            CblasRowMajor, CblasLeft, CblasLower, transpose ? CblasTrans : CblasNoTrans, CblasNonUnit,
            blasint(n), blasint(m), 1, a, blasint(lda), b, blasint(ldb))
    }

    public static func blasGemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        cblas_dgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }

    public static func blasGemv(
        transpose: Bool, m: Int, n: Int, alpha: Double, a: UnsafePointer<Double>, lda: Int,
        x: UnsafePointer<Double>, incX: Int, beta: Double, y: UnsafeMutablePointer<Double>, incY: Int
    ) {
        cblas_dgemv(
            CblasRowMajor, transpose ? CblasTrans : CblasNoTrans, blasint(m), blasint(n), alpha, a, blasint(lda),
            x, blasint(incX), beta, y, blasint(incY))
    }

    public static func blasAxpy(
        n: Int, alpha: Double, x: UnsafePointer<Double>, incX: Int, y: UnsafeMutablePointer<Double>, incY: Int
    ) {
        cblas_daxpy(blasint(n), alpha, x, blasint(incX), y, blasint(incY))
    }

    public static func blasScal(n: Int, alpha: Double, x: UnsafeMutablePointer<Double>, incX: Int) {
        cblas_dscal(blasint(n), alpha, x, blasint(incX))
    }

    public static func blasDot(n: Int, x: UnsafePointer<Double>, incX: Int, y: UnsafePointer<Double>, incY: Int) -> Double {
        cblas_ddot(blasint(n), x, blasint(incX), y, blasint(incY))
    }

    public static func lapackPotrf(n: Int, a: UnsafeMutablePointer<Double>, lda: Int) -> Int {
        Int(LAPACKE_dpotrf(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "L")), Int32(n), a, Int32(lda)))
    }

    public static func lapackPotrs(
        n: Int, nrhs: Int, factor: UnsafePointer<Double>, lda: Int, b: UnsafeMutablePointer<Double>, ldb: Int
    ) -> Int {
        Int(LAPACKE_dpotrs(
            LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "L")), Int32(n), Int32(nrhs), factor, Int32(lda),
            b, Int32(ldb)))
    }

    public static func lapackPotri(n: Int, factor: UnsafeMutablePointer<Double>, lda: Int) -> Int {
        Int(LAPACKE_dpotri(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "L")), Int32(n), factor, Int32(lda)))
    }

    public static func lapackTrtrs(
        lower: Bool, transpose: Bool, n: Int, nrhs: Int, a: UnsafePointer<Double>, lda: Int,
        b: UnsafeMutablePointer<Double>, ldb: Int
    ) -> Int {
        Int(LAPACKE_dtrtrs(
            LAPACK_ROW_MAJOR, Int8(UInt8(ascii: lower ? "L" : "U")), Int8(UInt8(ascii: transpose ? "T" : "N")),
            Int8(UInt8(ascii: "N")), Int32(n), Int32(nrhs), a, Int32(lda), b, Int32(ldb)))
    }

    public static func lapackGesv(
        n: Int, nrhs: Int, a: UnsafeMutablePointer<Double>, lda: Int, pivots: UnsafeMutablePointer<Int32>,
        b: UnsafeMutablePointer<Double>, ldb: Int
    ) -> Int {
        Int(LAPACKE_dgesv(
            LAPACK_ROW_MAJOR, Int32(n), Int32(nrhs), a, Int32(lda), pivots, b, Int32(ldb)))
    }

    public static func lapackGelsd(
        m: Int, n: Int, nrhs: Int, a: UnsafeMutablePointer<Double>, lda: Int, b: UnsafeMutablePointer<Double>,
        ldb: Int, singularValues: UnsafeMutablePointer<Double>, rcond: Double
    ) -> (info: Int, rank: Int) {
        var rank: Int32 = 0
        let info = LAPACKE_dgelsd(
            LAPACK_ROW_MAJOR, Int32(m), Int32(n), Int32(nrhs), a, Int32(lda), b,
            Int32(ldb), singularValues, rcond, &rank)
        return (Int(info), Int(rank))
    }

    public static func lapackSyevd(
        n: Int, a: UnsafeMutablePointer<Double>, lda: Int, eigenvalues: UnsafeMutablePointer<Double>
    ) -> Int {
        Int(LAPACKE_dsyevd(
            LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "V")), Int8(UInt8(ascii: "L")), Int32(n), a, Int32(lda),
            eigenvalues))
    }
}
