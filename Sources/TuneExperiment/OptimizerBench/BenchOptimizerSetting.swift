import TuneOptim

/// One optimizer with the hyperparameters `bench-optimizers` runs it with.
public struct BenchOptimizerSetting: Sendable, Equatable {
    public var optimizer: OptimizerKind
    public var learningRate: Double
    /// For the momentum and Nesterov optimizers; nil leaves the model's default (0.9).
    public var momentum: Double?
    /// AdamW's decoupled weight decay, set on the MLP (the linear models have no such parameter
    /// and their AdamW uses PyTorch's 0.01); nil for the other optimizers.
    public var weightDecay: Double?

    public init(optimizer: OptimizerKind, learningRate: Double, momentum: Double? = nil, weightDecay: Double? = nil) {
        self.optimizer = optimizer
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    /// The usual defaults: PyTorch's `torch.optim` ones where it has them (RMSprop lr 0.01;
    /// Adam and AdamW lr 0.001, AdamW weight decay 0.01), and for SGD, whose learning rate
    /// PyTorch leaves to the user, the documents' 0.01, with momentum 0.9 for the momentum and
    /// Nesterov variants.
    public static func usualDefaults(for optimizer: OptimizerKind) -> BenchOptimizerSetting {
        switch optimizer {
        case .sgd: return BenchOptimizerSetting(optimizer: optimizer, learningRate: 0.01)
        case .momentum, .nesterov: return BenchOptimizerSetting(optimizer: optimizer, learningRate: 0.01, momentum: 0.9)
        case .rmsprop: return BenchOptimizerSetting(optimizer: optimizer, learningRate: 0.01)
        case .adam: return BenchOptimizerSetting(optimizer: optimizer, learningRate: 0.001)
        case .adamw: return BenchOptimizerSetting(optimizer: optimizer, learningRate: 0.001, weightDecay: 0.01)
        }
    }

    /// Whether a tuning study searches the momentum too (the optimizers that use one).
    var tunesMomentum: Bool { optimizer == .momentum || optimizer == .nesterov }

    /// The setting as `name=value` parameters of `model`.
    func parameters(for model: ModelKind) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = [("optimizer", optimizer.rawValue), ("lr", "\(learningRate)")]
        if let momentum { pairs.append(("momentum", "\(momentum)")) }
        if let weightDecay, model == .mlp { pairs.append(("weight_decay", "\(weightDecay)")) }
        return pairs
    }

    /// `lr 0.01, momentum 0.9`: how the setting is stated in output.
    public var summary: String {
        (["lr \(learningRate)"] + (momentum.map { ["momentum \($0)"] } ?? []) + (weightDecay.map { ["weight_decay \($0)"] } ?? []))
            .joined(separator: ", ")
    }
}
