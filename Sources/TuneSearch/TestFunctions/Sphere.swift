extension TestFunction {
    /// The sphere Σ xᵢ² on [-5.12, 5.12]^d: smooth, convex, minimum 0 at the origin — the
    /// baseline any sampler should close in on.
    public static func sphere(dimension: Int) -> TestFunction {
        TestFunction(
            family: .sphere, dimension: dimension, bounds: Array(repeating: -5.12...5.12, count: dimension), minimum: 0,
            minimizer: Array(repeating: 0, count: dimension)
        ) { x in
            x.reduce(0) { $0 + $1 * $1 }
        }
    }
}
