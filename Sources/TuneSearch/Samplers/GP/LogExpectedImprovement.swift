import Foundation

/// The logarithm of expected improvement, computed so that it stays finite and informative far
/// from the incumbent (Ament et al. 2023, "Unexpected improvements to expected improvement for
/// Bayesian optimization"): plain EI underflows to 0 when the posterior mean lies many standard
/// deviations below the best value, leaving the acquisition flat exactly where a sampler needs a
/// gradient to climb.
///
/// With `z = (μ − best) / σ`, `EI = σ·h(z)` with `h(z) = φ(z) + z·Φ(z)` (maximisation).
enum LogExpectedImprovement {
    /// `log h(z)`, accurate for every finite z (it behaves as `−z²/2 − 2·log|z|` in the far tail).
    static func logH(_ z: Double) -> Double {
        if z >= -1 {
            return log(exp(NormalDistribution.logDensity(z)) + z * NormalDistribution.cdf(z))
        }
        return NormalDistribution.logDensity(z) + log(tailFactor(-z))
    }

    /// `d log h / dz = Φ(z) / h(z)`.
    static func logHDerivative(_ z: Double) -> Double {
        if z >= -1 {
            return NormalDistribution.cdf(z) / (exp(NormalDistribution.logDensity(z)) + z * NormalDistribution.cdf(z))
        }
        let t = -z
        let factor = tailFactor(t)
        // Φ(z)/φ(z) = (1 − factor)/t, the Mills ratio.
        return (1 - factor) / t / factor
    }

    /// `1 − t·R(t)` for t > 1, where `R(t) = Φ(−t)/φ(t)` is the Mills ratio, so that
    /// `h(−t) = φ(t)·(1 − t·R(t))`. Up to t = 30 from `erfc` (whose result and `exp(t²/2)` are
    /// both representable there); beyond, by the asymptotic series
    /// `1/t² − 3/t⁴ + 15/t⁶ − …`, whose truncation error is below 1e-16 relative at t = 30.
    private static func tailFactor(_ t: Double) -> Double {
        if t <= 30 {
            let millsRatio = exp(log(0.5 * erfc(t / 2.0.squareRoot())) + 0.5 * t * t + NormalDistribution.logSquareRootTwoPi)
            return -expm1(log(t * millsRatio))
        }
        let u = 1 / (t * t)
        // Coefficients (2k − 1)!! with alternating signs.
        var term = u, sum = 0.0, doubleFactorial = 1.0
        for k in 1...9 {
            sum += term * doubleFactorial
            doubleFactorial *= Double(2 * k + 1)
            term *= -u
        }
        return sum
    }
}
