import Foundation

extension TestFunction {
    /// Ackley on [-32.768, 32.768]^d: a nearly flat outer region riddled with local minima around
    /// one deep hole, minimum 0 at the origin.
    public static func ackley(dimension: Int) -> TestFunction {
        TestFunction(
            family: .ackley, dimension: dimension, bounds: Array(repeating: -32.768...32.768, count: dimension), minimum: 0,
            minimizer: Array(repeating: 0, count: dimension)
        ) { x in
            let n = Double(x.count)
            let squares = x.reduce(0) { $0 + $1 * $1 } / n
            let cosines = x.reduce(0) { $0 + cos(2 * Double.pi * $1) } / n
            return -20 * exp(-0.2 * squares.squareRoot()) - exp(cosines) + 20 + exp(1)
        }
    }
}
