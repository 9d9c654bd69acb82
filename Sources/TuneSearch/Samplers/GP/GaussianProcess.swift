import Foundation
import TuneTensor

/// A Gaussian process conditioned on observations: the posterior mean and variance of the latent
/// function anywhere in the input space, with their gradients, for ``GPSampler``'s acquisition
/// search. The covariance matrix is factorised once (Cholesky through LAPACK); when rounding makes
/// it indefinite, a jitter growing tenfold from 1e-9 of the signal variance is added to its
/// diagonal until the factorisation succeeds.
struct GaussianProcess {
    let kernel: MaternKernel
    let dimension: Int
    /// Observed inputs, `count × dimension`, row-major.
    let inputs: [Double]
    let count: Int
    /// The lower Cholesky factor of `K + noise·I (+ jitter)`, row-major, strict upper triangle
    /// left as LAPACK leaves it.
    private let factor: [Double]
    /// `(K + noise·I)⁻¹·y`.
    let weights: [Double]
    /// The full inverse of the covariance matrix, for the variance's gradient.
    private let inverse: [Double]

    /// - Throws: ``LinearAlgebraError`` when no jitter up to the signal variance itself makes the
    ///   covariance matrix positive definite (non-finite inputs, say).
    init(kernel: MaternKernel, inputs: [Double], dimension: Int, targets: [Double]) throws {
        let n = targets.count
        precondition(inputs.count == n * dimension, "GaussianProcess: \(inputs.count) input coordinates for \(n) targets")
        self.kernel = kernel
        self.dimension = dimension
        self.inputs = inputs
        self.count = n
        var covariance = Self.covariance(kernel, inputs: inputs, count: n, dimension: dimension)
        factor = try Self.choleskyWithJitter(&covariance, n: n, signalVariance: kernel.signalVariance)
        var weights = targets
        let solveInfo = factor.withUnsafeBufferPointer { l in
            weights.withUnsafeMutableBufferPointer { b in Double.lapackPotrs(n: n, nrhs: 1, factor: l.baseAddress!, lda: n, b: b.baseAddress!, ldb: 1) }
        }
        guard solveInfo == 0 else { throw LinearAlgebraError.invalidArgument(routine: "potrs", position: -solveInfo) }
        self.weights = weights
        inverse = try Self.inverse(fromFactor: factor, n: n)
    }

    /// `K + noise·I` for `inputs`, full (both triangles), row-major.
    static func covariance(_ kernel: MaternKernel, inputs: [Double], count n: Int, dimension: Int) -> [Double] {
        var matrix = [Double](repeating: 0, count: n * n)
        inputs.withUnsafeBufferPointer { x in
            kernel.inverseSquaredLengthScales.withUnsafeBufferPointer { scales in
                for i in 0..<n {
                    matrix[i * n + i] = kernel.signalVariance + kernel.noiseVariance
                    for j in 0..<i {
                        let s = MaternKernel.scaledSquaredDistance(x.baseAddress!, i, x.baseAddress!, j, scales: scales.baseAddress!, dimension: dimension)
                        let value = kernel.signalVariance * MaternKernel.shape(s)
                        matrix[i * n + j] = value
                        matrix[j * n + i] = value
                    }
                }
            }
        }
        return matrix
    }

    /// The lower Cholesky factor of `matrix`, adding a growing jitter to the diagonal when the
    /// plain factorisation fails.
    static func choleskyWithJitter(_ matrix: inout [Double], n: Int, signalVariance: Double) throws -> [Double] {
        var jitter = 0.0
        while true {
            var factor = matrix
            if jitter > 0 { for i in 0..<n { factor[i * n + i] += jitter } }
            let info = factor.withUnsafeMutableBufferPointer { Double.lapackPotrf(n: n, a: $0.baseAddress!, lda: max(n, 1)) }
            if info == 0 { return factor }
            guard info > 0 else { throw LinearAlgebraError.invalidArgument(routine: "potrf", position: -info) }
            jitter = jitter == 0 ? 1e-9 * signalVariance : jitter * 10
            guard jitter <= signalVariance else { throw LinearAlgebraError.notPositiveDefinite(column: info - 1) }
        }
    }

    /// The full symmetric inverse from a lower Cholesky factor (LAPACK `potri`).
    static func inverse(fromFactor factor: [Double], n: Int) throws -> [Double] {
        var inverse = factor
        let info = inverse.withUnsafeMutableBufferPointer { Double.lapackPotri(n: n, factor: $0.baseAddress!, lda: max(n, 1)) }
        if info > 0 { throw LinearAlgebraError.singular(column: info - 1) }
        guard info == 0 else { throw LinearAlgebraError.invalidArgument(routine: "potri", position: -info) }
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) { inverse[i * n + j] = inverse[j * n + i] }
        }
        return inverse
    }

    /// Posterior means and variances of the latent function at `points` (`m × dimension`,
    /// row-major), through one triangular solve with all points as right-hand sides.
    func posterior(_ points: [Double]) -> (means: [Double], variances: [Double]) {
        let m = points.count / dimension, n = count
        // Cross-covariances laid out n × m: column c holds k(X, point c).
        var cross = [Double](repeating: 0, count: n * m)
        inputs.withUnsafeBufferPointer { x in
            points.withUnsafeBufferPointer { p in
                kernel.inverseSquaredLengthScales.withUnsafeBufferPointer { scales in
                    cross.withUnsafeMutableBufferPointer { k in
                        for i in 0..<n {
                            for c in 0..<m {
                                let s = MaternKernel.scaledSquaredDistance(x.baseAddress!, i, p.baseAddress!, c, scales: scales.baseAddress!, dimension: dimension)
                                k[i * m + c] = kernel.signalVariance * MaternKernel.shape(s)
                            }
                        }
                    }
                }
            }
        }
        var means = [Double](repeating: 0, count: m)
        for i in 0..<n {
            let w = weights[i]
            for c in 0..<m { means[c] += cross[i * m + c] * w }
        }
        // V = L⁻¹·K*: the variance reduction at point c is the squared norm of column c.
        factor.withUnsafeBufferPointer { l in
            cross.withUnsafeMutableBufferPointer { b in
                Double.blasLowerTriangularSolve(transpose: false, n: n, m: m, a: l.baseAddress!, lda: n, b: b.baseAddress!, ldb: m)
            }
        }
        var variances = [Double](repeating: kernel.signalVariance, count: m)
        for i in 0..<n {
            for c in 0..<m { variances[c] -= cross[i * m + c] * cross[i * m + c] }
        }
        return (means, variances.map { max($0, Self.minimumVariance * kernel.signalVariance) })
    }

    /// The floor of a posterior variance, relative to the signal variance (rounding can push a
    /// variance at an observed point below zero).
    static let minimumVariance = 1e-12

    /// The posterior mean and variance at one point and their gradients with respect to it.
    func posteriorWithGradient(_ point: [Double]) -> (mean: Double, variance: Double, meanGradient: [Double], varianceGradient: [Double]) {
        let n = count, d = dimension
        var covariances = [Double](repeating: 0, count: n)
        // dk_i/dx_j = σ²·g'(s_i)·2ηⱼ·(xⱼ − X_ij); the per-point factor σ²·g'(s_i)·2 is kept.
        var slopes = [Double](repeating: 0, count: n)
        inputs.withUnsafeBufferPointer { x in
            point.withUnsafeBufferPointer { p in
                kernel.inverseSquaredLengthScales.withUnsafeBufferPointer { scales in
                    for i in 0..<n {
                        let s = MaternKernel.scaledSquaredDistance(x.baseAddress!, i, p.baseAddress!, 0, scales: scales.baseAddress!, dimension: d)
                        let (value, slope) = MaternKernel.shapeAndSlope(s)
                        covariances[i] = kernel.signalVariance * value
                        slopes[i] = 2 * kernel.signalVariance * slope
                    }
                }
            }
        }
        var solved = [Double](repeating: 0, count: n)
        inverse.withUnsafeBufferPointer { a in
            Double.blasGemv(transpose: false, m: n, n: n, alpha: 1, a: a.baseAddress!, lda: n, x: covariances, incX: 1, beta: 0, y: &solved, incY: 1)
        }
        var mean = 0.0, reduction = 0.0
        for i in 0..<n {
            mean += covariances[i] * weights[i]
            reduction += covariances[i] * solved[i]
        }
        var meanGradient = [Double](repeating: 0, count: d), varianceGradient = [Double](repeating: 0, count: d)
        for i in 0..<n {
            let meanFactor = slopes[i] * weights[i], varianceFactor = -2 * slopes[i] * solved[i]
            for j in 0..<d {
                let direction = kernel.inverseSquaredLengthScales[j] * (point[j] - inputs[i * d + j])
                meanGradient[j] += meanFactor * direction
                varianceGradient[j] += varianceFactor * direction
            }
        }
        let variance = kernel.signalVariance - reduction
        let floor = Self.minimumVariance * kernel.signalVariance
        return variance > floor ? (mean, variance, meanGradient, varianceGradient)
            : (mean, floor, meanGradient, [Double](repeating: 0, count: d))
    }
}
