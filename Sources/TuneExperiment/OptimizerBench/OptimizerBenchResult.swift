import TuneOptim

/// What `tune-train bench-optimizers` reports: one run per problem and optimizer, each with its
/// loss curve (kept for plotting loss against step).
public struct OptimizerBenchResult: Encodable, Sendable {
    /// Optimizer steps per run.
    public var steps: Int
    public var seed: UInt64
    /// Trials of each tuning study; absent when the usual defaults ran.
    public var tuneTrials: Int?
    public var runs: [Run]
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case steps, seed, tuneTrials = "tune_trials", runs, seconds
    }

    /// One optimizer on one problem.
    public struct Run: Encodable, Sendable {
        public var problem: OptimizerBenchProblem
        public var optimizer: OptimizerKind
        public var learningRate: Double
        public var momentum: Double?
        public var weightDecay: Double?
        /// Whether ``setting`` came from a tuning study rather than the usual defaults.
        public var tuned: Bool
        /// The smoothed training loss after the budget; absent when the run diverged.
        public var loss: Double?
        public var target: Double
        /// The first step whose smoothed training loss is at or below ``target``; absent if none.
        public var stepsToTarget: Int?
        /// Seconds of the measured run (tuning excluded).
        public var seconds: Double
        public var tuningSeconds: Double?
        public var metric: String
        /// The test score after the budget; absent when the run diverged.
        public var testScore: Double?
        /// Whether the loss became non-finite or ran away, and at which step.
        public var diverged: Bool
        public var divergedAtStep: Int?
        /// Encoded as at most 200 points (``LossCurve/sampled(maximum:)``).
        public var curve: LossCurve

        /// The optimizer and its hyperparameters.
        public var setting: BenchOptimizerSetting {
            BenchOptimizerSetting(optimizer: optimizer, learningRate: learningRate, momentum: momentum, weightDecay: weightDecay)
        }

        init(
            problem: OptimizerBenchProblem, setting: BenchOptimizerSetting, tuned: Bool, target: Double,
            outcome: StepBudgetRun.Outcome, tuningSeconds: Double?
        ) {
            self.problem = problem
            optimizer = setting.optimizer
            learningRate = setting.learningRate
            momentum = setting.momentum
            weightDecay = setting.weightDecay
            self.tuned = tuned
            loss = outcome.diverged ? nil : outcome.curve.finalLoss
            self.target = target
            stepsToTarget = outcome.curve.firstStep(atOrBelow: target)
            seconds = outcome.seconds
            self.tuningSeconds = tuningSeconds
            metric = problem.metric
            testScore = outcome.result?.testScore
            diverged = outcome.diverged
            divergedAtStep = outcome.divergedAtStep
            curve = outcome.curve
        }

        enum CodingKeys: String, CodingKey {
            case problem, optimizer, learningRate = "lr", momentum, weightDecay = "weight_decay", tuned, loss, target
            case stepsToTarget = "steps_to_target", seconds, tuningSeconds = "tuning_seconds", metric
            case testScore = "test_score", diverged, divergedAtStep = "diverged_at_step", curve
        }
    }
}
