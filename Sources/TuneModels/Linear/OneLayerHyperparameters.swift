import TuneOptim

/// The settings logistic regression and gradient-trained linear regression share: the model is
/// one linear layer, trained with an optimizer and an L2 penalty `alpha` on the weights.
public protocol OneLayerHyperparameters: Codable, Sendable, Equatable {
    var alpha: Double { get }
    var learningRate: Double { get }
    var optimizer: OptimizerKind { get }
    var momentum: Double { get }
    var epochs: Int { get }
    var batchSize: Int { get }
    var seed: UInt64 { get }
    /// β of hypergradient descent on the learning rate (0: a fixed `lr`), as the MLP's.
    var hypergradient: Double { get }
    var hypergradientRule: HypergradientRule { get }
}

extension OneLayerHyperparameters {
    /// - Throws: ``ModelError/invalidHyperparameter(name:constraint:value:)`` for the first
    ///   shared field out of range, under its user-facing name.
    public func validate() throws {
        try check(alpha >= 0 && alpha.isFinite, "alpha", ">= 0", alpha)
        try check(learningRate > 0 && learningRate.isFinite, "lr", "> 0", learningRate)
        try check(momentum >= 0 && momentum < 1, "momentum", "in [0, 1)", momentum)
        try check(epochs >= 1, "epochs", ">= 1", epochs)
        try check(batchSize >= 1, "batch_size", ">= 1", batchSize)
        try check(hypergradient >= 0 && hypergradient.isFinite, "hypergradient", ">= 0", hypergradient)
    }

    /// Constant schedule (or the hypergradient's), no early stopping, momentum only for the momentum
    /// optimizers.
    var trainingConfiguration: TrainingConfiguration {
        TrainingConfiguration(
            optimizer: OptimizerConfiguration(kind: optimizer, learningRate: learningRate, momentum: optimizer == .rmsprop ? 0 : momentum),
            batchSize: batchSize, epochs: epochs, weightPenalty: alpha, seed: seed,
            hypergradientRate: hypergradient, hypergradientRule: hypergradientRule)
    }
}
