import Foundation
import TuneSearch

/// One of a study's best settings trained again with several seeds: its mean and spread say
/// whether it is really better or was one lucky run (the tuning documents' advice before
/// choosing a final setting).
public struct RepeatedSetting: Encodable, Sendable {
    /// The trial the setting comes from.
    public var trial: Int
    /// The trial's own value (with the study's seed).
    public var trialValue: Double
    public var params: ParameterList
    /// The score with each repeat's seed.
    public var values: [Double]
    public var mean: Double
    /// The sample standard deviation of ``values`` (0 for one repeat).
    public var standardDeviation: Double

    enum CodingKeys: String, CodingKey {
        case trial, trialValue = "trial_value", params, values, mean, standardDeviation = "std"
    }

    init(trial: TrialRecord, parameters: [(name: String, value: ParameterValue)], values: [Double]) {
        self.trial = trial.number
        self.trialValue = trial.value ?? .nan
        self.params = ParameterList(entries: parameters.map { ($0.name, ParameterList.Value($0.value)) })
        self.values = values
        let mean = values.reduce(0, +) / Double(values.count)
        self.mean = mean
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        self.standardDeviation = values.count > 1 ? (squares / Double(values.count - 1)).squareRoot() : 0
    }

    /// The seeds of `count` repeats of a study seeded `seed`: distinct from it and from each
    /// other, the same for every setting so their means compare like with like.
    static func seeds(count: Int, studySeed seed: UInt64) -> [UInt64] {
        (1...count).map { seed &+ UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
    }
}
