import Foundation

extension TestFunction {
    /// Branin–Hoo on [-5, 10] × [0, 15]: three global minima of 0.397887 (at (−π, 12.275),
    /// (π, 2.275) and (9.42478, 2.475)) in a flat valley, a classic first check for Bayesian
    /// optimisation.
    public static let branin = TestFunction(
        family: .branin, dimension: 2, bounds: [-5...10, 0...15], minimum: 0.397887357729739,
        minimizer: [Double.pi, 2.275]
    ) { x in
        let b = 5.1 / (4 * Double.pi * Double.pi), c = 5 / Double.pi, t = 1 / (8 * Double.pi)
        let inner = x[1] - b * x[0] * x[0] + c * x[0] - 6
        return inner * inner + 10 * (1 - t) * cos(x[0]) + 10
    }
}
