/// The outcome of a `tune-train exec` study, in the order `--json` prints it.
public struct ExecResult: Encodable, Sendable {
    public var study: String
    /// minimize or maximize.
    public var direction: String
    /// Trials the study holds (all states).
    public var trials: Int
    public var bestValue: Double
    public var bestTrial: Int
    public var bestParameters: ParameterList
    /// Trials per state, every state listed.
    public var states: TuningResult.StateCounts

    enum CodingKeys: String, CodingKey {
        case study, direction, trials, bestValue = "best_value", bestTrial = "best_trial"
        case bestParameters = "best_params", states
    }
}
