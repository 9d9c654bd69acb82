import TuneOptim

/// How a network is trained: optimizer, schedule, batches, epochs, penalty and early stopping.
public struct TrainingConfiguration: Sendable, Equatable {
    public var optimizer: OptimizerConfiguration
    public var schedule: LearningRateScheduleChoice
    public var batchSize: Int
    public var epochs: Int
    /// L2 penalty `½·α·‖W‖²` on the weights (not the biases), added to the loss (scikit-learn's
    /// `alpha`); distinct from the optimizer's weight decay.
    public var weightPenalty: Double
    /// Stop after this many epochs without improvement of at least `minimumImprovement`
    /// (0: never stop early).
    public var patience: Int
    public var minimumImprovement: Double
    /// On an early stop, return the weights of the best epoch.
    public var restoreBestWeights: Bool
    public var seed: UInt64
    /// β of hypergradient descent on the learning rate (``HypergradientLearningRate``); 0 keeps
    /// the rate fixed (or on its schedule). When positive, the optimizer's learning rate is the
    /// initial rate and the schedule is not used.
    public var hypergradientRate: Double
    /// How the hypergradient moves the rate.
    public var hypergradientRule: HypergradientRule

    public init(
        optimizer: OptimizerConfiguration, schedule: LearningRateScheduleChoice = .constant, batchSize: Int = 64,
        epochs: Int = 50, weightPenalty: Double = 0, patience: Int = 0, minimumImprovement: Double = 0,
        restoreBestWeights: Bool = true, seed: UInt64 = 0, hypergradientRate: Double = 0,
        hypergradientRule: HypergradientRule = .additive
    ) {
        self.optimizer = optimizer
        self.schedule = schedule
        self.batchSize = batchSize
        self.epochs = epochs
        self.weightPenalty = weightPenalty
        self.patience = patience
        self.minimumImprovement = minimumImprovement
        self.restoreBestWeights = restoreBestWeights
        self.seed = seed
        self.hypergradientRate = hypergradientRate
        self.hypergradientRule = hypergradientRule
    }
}

