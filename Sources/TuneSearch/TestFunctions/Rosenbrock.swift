extension TestFunction {
    /// Rosenbrock's banana valley on [-5, 10]^d: easy to find the valley, hard to follow it to
    /// the minimum 0 at (1, …, 1).
    public static func rosenbrock(dimension: Int) -> TestFunction {
        TestFunction(
            family: .rosenbrock, dimension: dimension, bounds: Array(repeating: -5...10, count: dimension), minimum: 0,
            minimizer: Array(repeating: 1, count: dimension)
        ) { x in
            (0..<(x.count - 1)).reduce(0) { sum, i in
                let a = x[i + 1] - x[i] * x[i], b = 1 - x[i]
                return sum + 100 * a * a + b * b
            }
        }
    }
}
