import Foundation

extension TestFunction {
    /// Levy on [-10, 10]^d: many local minima on a bowl, minimum 0 at (1, …, 1).
    public static func levy(dimension: Int) -> TestFunction {
        TestFunction(
            family: .levy, dimension: dimension, bounds: Array(repeating: -10...10, count: dimension), minimum: 0,
            minimizer: Array(repeating: 1, count: dimension)
        ) { x in
            let w = x.map { 1 + ($0 - 1) / 4 }
            let first = pow(sin(Double.pi * w[0]), 2)
            var middle = 0.0
            for i in 0..<(w.count - 1) {
                middle += (w[i] - 1) * (w[i] - 1) * (1 + 10 * pow(sin(Double.pi * w[i] + 1), 2))
            }
            let last = (w[w.count - 1] - 1) * (w[w.count - 1] - 1) * (1 + pow(sin(2 * Double.pi * w[w.count - 1]), 2))
            return first + middle + last
        }
    }
}
