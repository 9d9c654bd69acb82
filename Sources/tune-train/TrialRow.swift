import Foundation
import TuneSQLite
import TuneSearch

/// One trial as `studies show` and `studies export` print it (the columns of Optuna's
/// `trials_dataframe`): number, state, value, parameters, intermediate values, duration and times.
struct TrialRow: Encodable {
    var number: Int
    var state: TrialState
    var value: Double?
    /// The trial's parameters, by name.
    var params: [String: ParameterValue]
    /// Reported values by step, in step order.
    var intermediateValues: [(step: Int, value: Double)]
    /// From start to completion; nil while running.
    var seconds: Double?
    var datetimeStart: Date?
    var datetimeComplete: Date?

    init(_ trial: TrialRecord) {
        number = trial.number
        state = trial.state
        value = trial.value
        params = trial.parameters
        intermediateValues = trial.intermediateValues.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        seconds = trial.duration
        datetimeStart = trial.started
        datetimeComplete = trial.completed
    }

    /// The parameter names of `rows`, sorted (one column each, as Optuna's `params_NAME`).
    static func parameterNames(_ rows: [TrialRow]) -> [String] {
        Set(rows.flatMap(\.params.keys)).sorted()
    }

    /// The intermediate values as a JSON object from step (as text) to value.
    var intermediateValuesJSON: JSONValue {
        .object(intermediateValues.map { (String($0.step), .double($0.value)) })
    }

    /// A time as Optuna writes it (`2026-11-22 20:27:50.384853`, local time), or nil.
    static func timestamp(_ date: Date?) -> String? {
        date.map(DatabaseTimestamp.text)
    }

    enum CodingKeys: String, CodingKey {
        case number, state, value, params, intermediateValues = "intermediate_values", seconds
        case datetimeStart = "datetime_start", datetimeComplete = "datetime_complete"
    }

    /// Parameters in name order; absent values as null.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(state, forKey: .state)
        try container.encode(value, forKey: .value)
        try container.encode(JSONValue.object(params.sorted { $0.key < $1.key }.map { ($0.key, $0.value.json) }), forKey: .params)
        try container.encode(intermediateValuesJSON, forKey: .intermediateValues)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(Self.timestamp(datetimeStart), forKey: .datetimeStart)
        try container.encode(Self.timestamp(datetimeComplete), forKey: .datetimeComplete)
    }
}
