import Foundation

/// Measures of how evenly points cover the unit box.
public enum Discrepancy {
    /// The L2-star discrepancy of `points` in `[0, 1]^d` by Warnock's (1972) closed form:
    /// `D² = 3^-d − (2^(1−d)/n) Σ_i Π_k (1 − x_ik²) + (1/n²) Σ_i Σ_j Π_k (1 − max(x_ik, x_jk))`.
    /// Returns D (not D²), as scipy's `qmc.discrepancy(method="L2-star")` does. O(n² d).
    public static func l2Star(_ points: [[Double]]) -> Double {
        guard let dimension = points.first?.count else { return 0 }
        let n = Double(points.count)
        var first = 0.0
        for point in points {
            first += point.reduce(1) { $0 * (1 - $1 * $1) }
        }
        var second = 0.0
        for a in points {
            for b in points {
                var product = 1.0
                for k in 0..<dimension { product *= 1 - max(a[k], b[k]) }
                second += product
            }
        }
        let squared = pow(3, -Double(dimension)) - pow(2, 1 - Double(dimension)) / n * first + second / (n * n)
        return squared.squareRoot()
    }
}
