import TuneOptim

/// Settings of a multi-layer perceptron, under the names the documents use (`lr`, `momentum`,
/// `weight_decay`, `num_layers`, `hidden_size`, `dropout`) so their search spaces carry over.
public struct MLPHyperparameters: Codable, Sendable, Equatable {
    /// 0.01: small data sets train well within the default epochs with every optimizer.
    public var learningRate = 0.01
    public var optimizer = OptimizerKind.adam
    /// Used by the momentum and Nesterov optimizers (RMSprop runs without momentum here).
    public var momentum = 0.9
    public var weightDecay = 0.0
    /// Hidden layers (each Linear → activation → Dropout).
    public var hiddenLayers = 1
    public var hiddenSize = 100
    public var dropout = 0.0
    public var activation = Activation.relu
    public var batchSize = 16
    public var epochs = 50
    public var learningRateSchedule = LearningRateScheduleChoice.constant
    /// L2 penalty on the weights added to the loss (scikit-learn's `alpha`).
    public var alpha = 0.0
    /// Rows of the training set held out to score each epoch (0: none).
    public var validationFraction = 0.0
    /// Early stopping after this many epochs without improvement (0: off).
    public var patience = 0
    public var minimumImprovement = 0.0
    public var restoreBestWeights = true
    public var seed: UInt64 = 0
    /// β of hypergradient descent on the learning rate (SGD-HD, Adam-HD, …; 0: off): `lr` is
    /// then only the starting rate.
    public var hypergradient = 0.0
    /// additive (the paper's SGD-HD/Adam-HD), multiplicative (a bounded fraction per step) or
    /// logarithmic (descent on log α).
    public var hypergradientRule = HypergradientRule.additive

    public init() {}

    enum CodingKeys: String, CodingKey {
        case learningRate = "lr", optimizer, momentum, weightDecay = "weight_decay", hiddenLayers = "num_layers"
        case hiddenSize = "hidden_size", dropout, activation, batchSize = "batch_size", epochs
        case learningRateSchedule = "lr_schedule", alpha, validationFraction = "validation_fraction", patience
        case minimumImprovement = "min_delta", restoreBestWeights = "restore_best_weights", seed, hypergradient
        case hypergradientRule = "hypergradient_rule"
    }

    /// - Throws: ``ModelError/invalidHyperparameter(name:constraint:value:)`` for the first field
    ///   out of range.
    public func validate() throws {
        try check(learningRate > 0 && learningRate.isFinite, "lr", "> 0", learningRate)
        try check(momentum >= 0 && momentum < 1, "momentum", "in [0, 1)", momentum)
        try check(weightDecay >= 0, "weight_decay", ">= 0", weightDecay)
        try check(hiddenLayers >= 0, "num_layers", ">= 0", hiddenLayers)
        try check(hiddenSize >= 1, "hidden_size", ">= 1", hiddenSize)
        try check(dropout >= 0 && dropout < 1, "dropout", "in [0, 1)", dropout)
        try check(batchSize >= 1, "batch_size", ">= 1", batchSize)
        try check(epochs >= 1, "epochs", ">= 1", epochs)
        try check(alpha >= 0, "alpha", ">= 0", alpha)
        try check(validationFraction >= 0 && validationFraction < 1, "validation_fraction", "in [0, 1)", validationFraction)
        try check(patience >= 0, "patience", ">= 0", patience)
        try check(minimumImprovement >= 0, "min_delta", ">= 0", minimumImprovement)
        try check(hypergradient >= 0 && hypergradient.isFinite, "hypergradient", ">= 0", hypergradient)
    }

    /// The layer list for `inputs` features and `outputs` outputs.
    func layers(inputs: Int, outputs: Int) -> [Layer] {
        var layers: [Layer] = []
        var width = inputs
        for _ in 0..<hiddenLayers {
            layers.append(.linear(inputs: width, outputs: hiddenSize))
            layers.append(.activation(activation))
            if dropout > 0 { layers.append(.dropout(rate: dropout)) }
            width = hiddenSize
        }
        layers.append(.linear(inputs: width, outputs: outputs))
        return layers
    }

    /// The training settings these hyperparameters imply.
    var trainingConfiguration: TrainingConfiguration {
        TrainingConfiguration(
            optimizer: OptimizerConfiguration(
                kind: optimizer, learningRate: learningRate,
                momentum: optimizer == .rmsprop ? 0 : momentum, weightDecay: weightDecay),
            schedule: learningRateSchedule, batchSize: batchSize, epochs: epochs, weightPenalty: alpha,
            patience: patience, minimumImprovement: minimumImprovement, restoreBestWeights: restoreBestWeights, seed: seed,
            hypergradientRate: hypergradient, hypergradientRule: hypergradientRule)
    }
}
