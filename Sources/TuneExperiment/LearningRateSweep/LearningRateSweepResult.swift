/// What `tune-train lr-sweep` reports: one row per rate and the `max_train_steps` recommendation.
public struct LearningRateSweepResult: Encodable, Sendable {
    public var model: String
    public var data: String
    /// The test score's metric: `accuracy` for classifiers, `r2` for regressors.
    public var metric: String
    /// The budget of every rate, in optimizer steps.
    public var steps: Int
    /// Steps averaged into the smoothed training loss (one epoch of batches).
    public var window: Int
    public var tolerance: Double
    public var seed: UInt64
    /// The settings every rate shared: all but `lr` and `epochs`, which the sweep sets from the
    /// grid and the step budget.
    public var params: ParameterList
    public var rates: [Rate]
    /// Absent when every rate diverged.
    public var recommendation: MaxTrainStepsRecommendation?
    public var seconds: Double

    /// One rate's run.
    public struct Rate: Encodable, Sendable {
        public var learningRate: Double
        public var diverged: Bool
        /// The step at which the loss became non-finite or ran away.
        public var divergedAtStep: Int?
        /// The lowest smoothed training loss.
        public var bestLoss: Double?
        /// The first step within the tolerance of ``bestLoss`` (``LossCurve/stepReachingBest(tolerance:)``).
        public var stepsToBest: Int?
        /// The smoothed training loss after the last step.
        public var finalLoss: Double?
        /// The score on the held-out part after the budget; absent when the rate diverged.
        public var testScore: Double?
        public var seconds: Double
        /// Encoded as at most 200 points (``LossCurve/sampled(maximum:)``).
        public var curve: LossCurve

        init(learningRate: Double, outcome: StepBudgetRun.Outcome, tolerance: Double) {
            self.learningRate = learningRate
            diverged = outcome.diverged
            divergedAtStep = outcome.divergedAtStep
            bestLoss = outcome.curve.bestLoss
            stepsToBest = outcome.curve.stepReachingBest(tolerance: tolerance)
            finalLoss = outcome.curve.finalLoss
            testScore = outcome.result?.testScore
            seconds = outcome.seconds
            curve = outcome.curve
        }

        enum CodingKeys: String, CodingKey {
            case learningRate = "lr", diverged, divergedAtStep = "diverged_at_step", bestLoss = "best_loss"
            case stepsToBest = "steps_to_best", finalLoss = "final_loss", testScore = "test_score", seconds, curve
        }
    }
}
