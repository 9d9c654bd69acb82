import TuneSearch

/// The outcome of a `tune-train` study, in the order `--json` prints it.
public struct TuningResult: Encodable, Sendable {
    public var study: String
    public var storage: String
    public var model: String
    public var data: String
    public var search: String
    public var pruner: String
    /// accuracy or r2.
    public var metric: String
    public var direction: String
    /// Trials the study holds (all states).
    public var trialCount: Int
    /// Trials this run started.
    public var trialsRun: Int
    /// Trials per state, every state listed.
    public var states: StateCounts
    public var bestTrial: Int
    public var bestValue: Double
    public var bestParameters: ParameterList
    /// The best setting retrained on the whole training part, scored on the test part.
    public var testScore: Double
    public var trainScore: Double
    public var seed: UInt64
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case study, storage, model, data, search, pruner, metric, direction
        case trialCount = "n_trials", trialsRun = "trials_run", states, bestTrial = "best_trial"
        case bestValue = "best_value", bestParameters = "best_params", testScore = "test_score"
        case trainScore = "train_score", seed, seconds
    }

    /// Trials per state, with Optuna's state names as keys.
    public struct StateCounts: Encodable, Sendable {
        public var complete = 0, pruned = 0, fail = 0, running = 0, waiting = 0

        /// The counts of `trials`.
        public init(_ trials: [TrialRecord]) {
            for trial in trials {
                switch trial.state {
                case .complete: complete += 1
                case .pruned: pruned += 1
                case .fail: fail += 1
                case .running: running += 1
                case .waiting: waiting += 1
                }
            }
        }

        enum CodingKeys: String, CodingKey {
            case complete = "COMPLETE", pruned = "PRUNED", fail = "FAIL", running = "RUNNING", waiting = "WAITING"
        }
    }
}
