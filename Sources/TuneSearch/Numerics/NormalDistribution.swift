import Foundation

/// The standard normal distribution's functions that the Parzen estimators need, accurate in the
/// tails (where naive `log(Φ(b) − Φ(a))` underflows to −∞).
enum NormalDistribution {
    static let logSquareRootTwoPi = 0.5 * log(2 * Double.pi)

    /// Φ(z).
    static func cdf(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

    /// log φ(z).
    static func logDensity(_ z: Double) -> Double { -0.5 * z * z - logSquareRootTwoPi }

    /// log Φ(z); below z = −20 by the asymptotic series (Abramowitz & Stegun 26.2.12), where
    /// `erfc` underflows.
    static func logCDF(_ z: Double) -> Double {
        if z > -20 { return log(cdf(z)) }
        let inverseSquare = 1 / (z * z)
        let series = 1 - inverseSquare + 3 * inverseSquare * inverseSquare - 15 * inverseSquare * inverseSquare * inverseSquare
        return -0.5 * z * z - log(-z) - logSquareRootTwoPi + log(series)
    }

    /// log(Φ(b) − Φ(a)) for a < b, accurate when both lie far in one tail.
    static func logMass(_ a: Double, _ b: Double) -> Double {
        if b <= 0 {
            let upper = logCDF(b)
            return upper + log1p(-exp(logCDF(a) - upper))
        }
        if a >= 0 { return logMass(-b, -a) }
        // Beyond 38.5 standard deviations Φ is below the smallest double: skip erfc.
        let lowerTail = a < -38.5 ? 0 : cdf(a), upperTail = b > 38.5 ? 0 : cdf(-b)
        return log1p(-lowerTail - upperTail)
    }

    /// Φ⁻¹(p) for p in (0, 1): Acklam's rational approximation refined by one Halley step
    /// (relative error below 1e-15 in double precision).
    static func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "quantile needs p in (0, 1), got \(p)")
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let lowTail = 0.02425
        var x: Double
        if p < lowTail || p > 1 - lowTail {
            let q = (-2 * log(p < lowTail ? p : 1 - p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
            if p > 1 - lowTail { x = -x }
        } else {
            let q = p - 0.5
            let r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        }
        let error = cdf(x) - p
        let step = error * (2 * Double.pi).squareRoot() * exp(0.5 * x * x)
        return x - step / (1 + 0.5 * x * step)
    }
}
