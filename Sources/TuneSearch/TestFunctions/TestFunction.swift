/// A standard minimisation test function (Surjanovic & Bingham's Virtual Library of Simulation
/// Experiments) in a given dimension: its box, its known minimum and where it lies. Samplers are
/// compared on these by `tune-train optimize` and by the benchmark package's sample-efficiency
/// runs, which share this code so both measure the same functions.
public struct TestFunction: Sendable {
    public let family: TestFunctionFamily
    /// The number of variables.
    public let dimension: Int
    /// The search box, one range per variable.
    public let bounds: [ClosedRange<Double>]
    /// The global minimum's value.
    public let minimum: Double
    /// A point where the global minimum is reached (some functions have several).
    public let minimizer: [Double]
    /// The function's value at a point of `dimension` coordinates.
    public let evaluate: @Sendable ([Double]) -> Double

    /// The variables' names as a search suggests them: `x0`, `x1`, ….
    public var variableNames: [String] { (0..<dimension).map { "x\($0)" } }

    /// `branin`, `hartmann6`, `rosenbrock4`: the family with its dimension, as the benchmark's
    /// tables and plots name the functions (Branin exists in two dimensions only and goes without).
    public var label: String { family == .branin ? family.rawValue : "\(family.rawValue)\(dimension)" }

    /// The box as a search space of uniform real variables, named as ``variableNames``.
    public var searchSpace: SearchSpace {
        // Every range comes from a family's definition, so the space is valid.
        try! SearchSpace(zip(variableNames, bounds).map { name, range in
            SearchSpace.Parameter(name, .float(low: range.lowerBound, high: range.upperBound))
        })
    }

    /// The five functions of the sample-efficiency benchmark, in its dimensions.
    public static let benchmarkSuite: [TestFunction] = [
        .branin, .hartmann6, .rosenbrock(dimension: 4), .ackley(dimension: 5), .levy(dimension: 4),
    ]
}
