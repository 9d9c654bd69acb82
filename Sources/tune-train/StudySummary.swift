import TuneExperiment
import TuneSearch

/// One study at a glance — a line of `studies list` and the head of `studies show`: trial counts
/// per state, the best trial, and what the study tunes when its user attributes say so.
struct StudySummary: Encodable {
    var study: String
    /// `minimize` or `maximize`.
    var direction: String
    var trialCount: Int
    var states: TuningResult.StateCounts
    var bestTrial: Int?
    var bestValue: Double?
    /// The `model` and `search` user attributes (`tune-train` and `ask` write them).
    var model: String?
    var search: String?

    init(_ study: StoredStudy, trials: [TrialRecord], userAttributes: [String: JSONValue]) {
        self.study = study.name
        direction = study.direction.rawValue.lowercased()
        trialCount = trials.count
        states = TuningResult.StateCounts(counting: trials)
        let best = TrialHistory(direction: study.direction, trials: trials).best
        bestTrial = best?.number
        bestValue = best?.value
        if case .string(let model)? = userAttributes["model"] { self.model = model }
        if case .string(let search)? = userAttributes["search"] { self.search = search }
    }

    enum CodingKeys: String, CodingKey {
        case study, direction, trialCount = "n_trials", states, bestTrial = "best_trial", bestValue = "best_value", model, search
    }

    /// Every key is always present (null when unknown), so scripts need not test for it.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(study, forKey: .study)
        try container.encode(direction, forKey: .direction)
        try container.encode(trialCount, forKey: .trialCount)
        try container.encode(states, forKey: .states)
        try container.encode(bestTrial, forKey: .bestTrial)
        try container.encode(bestValue, forKey: .bestValue)
        try container.encode(model, forKey: .model)
        try container.encode(search, forKey: .search)
    }
}
