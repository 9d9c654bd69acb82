import TuneSearch

/// One trial as the end-of-study table and `--json` show it.
public struct TrialSummary: Encodable, Sendable {
    public var number: Int
    public var state: String
    public var value: Double?
    public var params: ParameterList
    /// Wall time from start to finish.
    public var seconds: Double?

    /// `trial`'s parameters in the order of `space` (parameters the space lacks last, by name).
    public init(_ trial: TrialRecord, space: SearchSpace) {
        number = trial.number
        state = trial.state.rawValue
        value = trial.value
        let ordered = space.names.filter { trial.parameters[$0] != nil }
            + trial.parameters.keys.filter { space[$0] == nil }.sorted()
        params = ParameterList(entries: ordered.map { ($0, ParameterList.Value(trial.parameters[$0]!)) })
        seconds = trial.duration
    }
}
