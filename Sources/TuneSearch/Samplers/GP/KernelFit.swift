import Foundation
import TuneTensor

/// Fits a ``MaternKernel`` to observations by maximising the log marginal likelihood plus weak
/// log priors (Optuna's defaults: `−Σ(0.1/ηⱼ + 0.1·ηⱼ)` on the inverse squared length scales,
/// Gamma(2, 1) on the signal variance, Gamma(1.1, 30) on the noise variance), with L-BFGS in the
/// log coordinates of ``MaternKernel/raw``. The priors keep the fit sensible with few
/// observations, where the likelihood alone would explain everything as noise or as a function
/// with vanishing length scales.
struct KernelFit {
    /// Observed inputs (`count × dimension`, row-major) and standardised targets.
    let inputs: [Double]
    let targets: [Double]
    let dimension: Int
    var count: Int { targets.count }
    /// `(x_ij − x_kj)²` for every pair i > k (in row order) and coordinate j, `pairs × dimension`:
    /// computed once per fit, so each evaluation gets the scaled distances and the length-scale
    /// gradient as two matrix–vector products.
    private let squaredDifferences: [Double]

    init(inputs: [Double], targets: [Double], dimension: Int) {
        self.inputs = inputs
        self.targets = targets
        self.dimension = dimension
        let n = targets.count
        var differences = [Double](repeating: 0, count: n * (n - 1) / 2 * dimension)
        var pair = 0
        for i in 0..<n {
            for k in 0..<i {
                for j in 0..<dimension {
                    let difference = inputs[i * dimension + j] - inputs[k * dimension + j]
                    differences[pair * dimension + j] = difference * difference
                }
                pair += 1
            }
        }
        squaredDifferences = differences
    }

    /// Bounds of the raw coordinates: length scales from about 0.002 to 150 box widths, signal
    /// variance from 3e-4 to 400, noise variance up to 20 (on standardised values).
    var rawBounds: [(lower: Double, upper: Double)] {
        [(lower: Double, upper: Double)](repeating: (-10, 12), count: dimension) + [(-8, 6), (-25, 3)]
    }

    /// The kernel maximising the penalised likelihood from each of `starts`, the best of them.
    /// A start whose likelihood cannot be evaluated is skipped; if none can, the first start is
    /// returned as it is.
    func fit(starts: [MaternKernel]) -> MaternKernel {
        let minimizer = BoundedLBFGS(maximumIterations: 200, gradientTolerance: 1e-2, bounds: rawBounds)
        var best: (kernel: MaternKernel, value: Double)?
        for start in starts {
            // The minimizer projects the start onto the bounds.
            let result = minimizer.minimize(from: start.raw) {
                negativeLogPosterior(raw: $0)
            }
            if result.value.isFinite, best == nil || result.value < best!.value {
                best = (MaternKernel(raw: result.point), result.value)
            }
        }
        return best?.kernel ?? starts[0]
    }

    /// `−(log p(y | X, θ) + log p(θ))` and its gradient with respect to the raw coordinates θ;
    /// `+∞` when the covariance matrix is not positive definite.
    func negativeLogPosterior(raw: [Double]) -> (value: Double, gradient: [Double]) {
        let kernel = MaternKernel(raw: raw)
        let n = count, d = dimension, pairs = n * (n - 1) / 2
        let failure = (Double.infinity, [Double](repeating: 0, count: raw.count))
        // Scaled squared distances of the pairs, then K + noise·I and the slopes g'(s).
        var distances = [Double](repeating: 0, count: pairs)
        if pairs > 0 {
            squaredDifferences.withUnsafeBufferPointer { a in
                Double.blasGemv(transpose: false, m: pairs, n: d, alpha: 1, a: a.baseAddress!, lda: d,
                                x: kernel.inverseSquaredLengthScales, incX: 1, beta: 0, y: &distances, incY: 1)
            }
        }
        var covariance = [Double](repeating: 0, count: n * n)
        var slopes = [Double](repeating: 0, count: pairs)
        var pair = 0
        for i in 0..<n {
            covariance[i * n + i] = kernel.signalVariance + kernel.noiseVariance
            for k in 0..<i {
                let (value, slope) = MaternKernel.shapeAndSlope(distances[pair])
                covariance[i * n + k] = kernel.signalVariance * value
                slopes[pair] = slope
                pair += 1
            }
        }
        var factor = covariance
        guard factor.withUnsafeMutableBufferPointer({ Double.lapackPotrf(n: n, a: $0.baseAddress!, lda: n) }) == 0 else { return failure }
        var alpha = targets
        _ = factor.withUnsafeBufferPointer { l in
            alpha.withUnsafeMutableBufferPointer { Double.lapackPotrs(n: n, nrhs: 1, factor: l.baseAddress!, lda: n, b: $0.baseAddress!, ldb: 1) }
        }
        var logDeterminant = 0.0
        for i in 0..<n { logDeterminant += 2 * log(factor[i * n + i]) }
        let fit = zip(targets, alpha).reduce(0) { $0 + $1.0 * $1.1 }
        var value = 0.5 * fit + 0.5 * logDeterminant + 0.5 * Double(n) * log(2 * Double.pi)
        guard factor.withUnsafeMutableBufferPointer({ Double.lapackPotri(n: n, factor: $0.baseAddress!, lda: n) }) == 0 else { return failure }
        // d(−log p)/dθ = −½·tr(W·∂K/∂θ) with W = ααᵀ − K⁻¹ (lower triangle of K⁻¹ in `factor`);
        // each pair i > k counts twice.
        var diagonalTrace = 0.0, signalTrace = 0.0
        var lengthWeights = [Double](repeating: 0, count: pairs)
        pair = 0
        for i in 0..<n {
            diagonalTrace += alpha[i] * alpha[i] - factor[i * n + i]
            for k in 0..<i {
                let w = 2 * (alpha[i] * alpha[k] - factor[i * n + k])
                signalTrace += w * covariance[i * n + k]
                lengthWeights[pair] = w * kernel.signalVariance * slopes[pair]
                pair += 1
            }
        }
        var gradient = [Double](repeating: 0, count: raw.count)
        if pairs > 0 {
            squaredDifferences.withUnsafeBufferPointer { a in
                Double.blasGemv(transpose: true, m: pairs, n: d, alpha: 1, a: a.baseAddress!, lda: d,
                                x: lengthWeights, incX: 1, beta: 0, y: &gradient, incY: 1)
            }
        }
        for k in 0..<d { gradient[k] *= -0.5 * kernel.inverseSquaredLengthScales[k] }
        gradient[d] = -0.5 * (signalTrace + diagonalTrace * kernel.signalVariance)
        let noiseAboveMinimum = kernel.noiseVariance - MaternKernel.minimumNoiseVariance
        gradient[d + 1] = -0.5 * diagonalTrace * noiseAboveMinimum
        // Priors, and their derivatives in the raw coordinates.
        for k in 0..<d {
            let eta = kernel.inverseSquaredLengthScales[k]
            value += 0.1 / eta + 0.1 * eta
            gradient[k] += -0.1 / eta + 0.1 * eta
        }
        value -= log(kernel.signalVariance) - kernel.signalVariance
        gradient[d] -= 1 - kernel.signalVariance
        value -= 0.1 * log(kernel.noiseVariance) - 30 * kernel.noiseVariance
        gradient[d + 1] -= (0.1 / kernel.noiseVariance - 30) * noiseAboveMinimum
        return value.isFinite ? (value, gradient) : failure
    }
}
