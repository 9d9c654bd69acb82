import TuneExperiment

/// The outcome of `tune-train optimize`, in the order `--json` prints it.
struct OptimizeResult: Encodable {
    var function: String
    var dimension: Int
    var search: String
    var seed: UInt64
    /// Trials run (fewer than asked when a grid runs out).
    var trials: Int
    /// The function's known minimum.
    var optimum: Double
    var bestValue: Double
    /// Best value minus the known minimum.
    var regret: Double
    /// The best point, `x0`, `x1`, ….
    var bestParameters: ParameterList
    /// The best value after each trial (non-increasing).
    var trace: [Double]

    enum CodingKeys: String, CodingKey {
        case function, dimension = "dim", search, seed, trials, optimum, bestValue = "best_value", regret
        case bestParameters = "best_params", trace
    }
}
