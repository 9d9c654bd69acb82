import Foundation

/// The Matérn-5/2 kernel with one length scale per input dimension (automatic relevance
/// determination), a signal variance and a noise variance: the Gaussian-process prior of
/// ``GPSampler``, as in Optuna's `GPSampler` and most Bayesian-optimisation libraries. Twice
/// differentiable, so the posterior is smooth enough for gradient-based acquisition search, but
/// rougher than the squared exponential, which over-smooths real objectives.
///
/// `k(x, x') = σ²·g(s)` with `s = Σⱼ ηⱼ·(xⱼ − x'ⱼ)²`, `ηⱼ = 1/ℓⱼ²`, and
/// `g(s) = (1 + r + r²/3)·e^(−r)`, `r = √(5s)`.
struct MaternKernel: Sendable, Equatable {
    /// `ηⱼ = 1/ℓⱼ²` per input dimension.
    var inverseSquaredLengthScales: [Double]
    /// `σ²`, the prior variance of the latent function.
    var signalVariance: Double
    /// The variance of the observation noise, added to the diagonal.
    var noiseVariance: Double

    /// The smallest noise variance allowed (on standardised values): keeps the covariance matrix
    /// well conditioned even for a deterministic objective.
    static let minimumNoiseVariance = 1e-6

    /// The prior (Optuna's defaults): every length scale near 1 on the unit box, unit signal
    /// variance, little noise.
    static func initial(dimension: Int) -> MaternKernel {
        MaternKernel(inverseSquaredLengthScales: [Double](repeating: 1, count: dimension), signalVariance: 1, noiseVariance: 1e-2)
    }

    /// The unconstrained coordinates the fit works in: `log η₁…log η_d, log σ², log(noise − minimum)`.
    var raw: [Double] {
        inverseSquaredLengthScales.map { log($0) } + [log(signalVariance), log(noiseVariance - Self.minimumNoiseVariance)]
    }

    init(inverseSquaredLengthScales: [Double], signalVariance: Double, noiseVariance: Double) {
        self.inverseSquaredLengthScales = inverseSquaredLengthScales
        self.signalVariance = signalVariance
        self.noiseVariance = noiseVariance
    }

    init(raw: [Double]) {
        let dimension = raw.count - 2
        inverseSquaredLengthScales = raw[0..<dimension].map { exp($0) }
        signalVariance = exp(raw[dimension])
        noiseVariance = exp(raw[dimension + 1]) + Self.minimumNoiseVariance
    }

    /// `g(s)`.
    @inline(__always)
    static func shape(_ s: Double) -> Double {
        let r = (5 * s).squareRoot()
        return (1 + r + r * r / 3) * exp(-r)
    }

    /// `g(s)` and `dg/ds = −(5/6)·(1 + r)·e^(−r)` (finite at s = 0).
    @inline(__always)
    static func shapeAndSlope(_ s: Double) -> (value: Double, slope: Double) {
        let r = (5 * s).squareRoot()
        let decay = exp(-r)
        return ((1 + r + r * r / 3) * decay, -5.0 / 6.0 * (1 + r) * decay)
    }

    /// `s` between row `i` of `a` and row `k` of `b` (both `dimension` wide, row-major), with the
    /// inverse squared length scales at `scales`.
    @inline(__always)
    static func scaledSquaredDistance(
        _ a: UnsafePointer<Double>, _ i: Int, _ b: UnsafePointer<Double>, _ k: Int, scales: UnsafePointer<Double>, dimension: Int
    ) -> Double {
        var s = 0.0
        let rowA = a + i * dimension, rowB = b + k * dimension
        for j in 0..<dimension {
            let difference = rowA[j] - rowB[j]
            s += scales[j] * difference * difference
        }
        return s
    }
}
