import Foundation

/// The standard minimisation test functions of the Bayesian-search benchmark (Surjanovic &
/// Bingham's Virtual Library of Simulation Experiments): each with its box and known minimum.
struct TestFunction: Sendable {
    var name: String
    var bounds: [ClosedRange<Double>]
    var minimum: Double
    var evaluate: @Sendable ([Double]) -> Double

    static let all: [TestFunction] = [branin, hartmann6, rosenbrock4, ackley5, levy4]

    static let branin = TestFunction(name: "branin", bounds: [-5...10, 0...15], minimum: 0.397887357729739) { x in
        let b = 5.1 / (4 * Double.pi * Double.pi), c = 5 / Double.pi, t = 1 / (8 * Double.pi)
        let inner = x[1] - b * x[0] * x[0] + c * x[0] - 6
        return inner * inner + 10 * (1 - t) * cos(x[0]) + 10
    }

    static let hartmann6 = TestFunction(name: "hartmann6", bounds: Array(repeating: 0...1, count: 6), minimum: -3.322368011391339) { x in
        let alpha = [1.0, 1.2, 3.0, 3.2]
        let a: [[Double]] = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
        let p: [[Double]] = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
                             [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]
        var total = 0.0
        for i in 0..<4 {
            var exponent = 0.0
            for j in 0..<6 {
                let d = x[j] - p[i][j] * 1e-4
                exponent += a[i][j] * d * d
            }
            total += alpha[i] * exp(-exponent)
        }
        return -total
    }

    static let rosenbrock4 = TestFunction(name: "rosenbrock4", bounds: Array(repeating: -5...10, count: 4), minimum: 0) { x in
        (0..<3).reduce(0) { sum, i in
            let a = x[i + 1] - x[i] * x[i], b = 1 - x[i]
            return sum + 100 * a * a + b * b
        }
    }

    static let ackley5 = TestFunction(name: "ackley5", bounds: Array(repeating: -32.768...32.768, count: 5), minimum: 0) { x in
        let n = Double(x.count)
        let squares = x.reduce(0) { $0 + $1 * $1 } / n
        let cosines = x.reduce(0) { $0 + cos(2 * Double.pi * $1) } / n
        return -20 * exp(-0.2 * squares.squareRoot()) - exp(cosines) + 20 + exp(1)
    }

    static let levy4 = TestFunction(name: "levy4", bounds: Array(repeating: -10...10, count: 4), minimum: 0) { x in
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
