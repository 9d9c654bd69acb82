import TuneTensor

/// Every optimizer hyperparameter in one Codable value, under PyTorch's names (`lr`,
/// `weight_decay`, `betas` as `beta1`/`beta2`, `eps`), so that settings and search spaces carry
/// over. Fields an optimizer does not use are ignored by it.
public struct OptimizerConfiguration: Codable, Sendable, Equatable {
    public var kind: OptimizerKind
    public var learningRate: Double
    /// Momentum; nil means the kind's default (0.9 for `momentum` and `nesterov`, 0 for
    /// `rmsprop`).
    public var momentum: Double?
    public var dampening: Double
    public var weightDecay: Double
    public var alpha: Double
    public var epsilon: Double
    public var beta1: Double
    public var beta2: Double
    public var amsgrad: Bool
    public var centered: Bool

    enum CodingKeys: String, CodingKey {
        case kind = "optimizer", learningRate = "lr", momentum, dampening, weightDecay = "weight_decay"
        case alpha, epsilon = "eps", beta1, beta2, amsgrad, centered
    }

    /// PyTorch's defaults, except momentum 0.9 for the momentum kinds (PyTorch has none there);
    /// weight decay defaults to 0.01 for AdamW (as PyTorch) and 0 for the rest.
    public init(
        kind: OptimizerKind = .adam, learningRate: Double = 0.001, momentum: Double? = nil, dampening: Double = 0,
        weightDecay: Double? = nil, alpha: Double = 0.99, epsilon: Double = 1e-8, beta1: Double = 0.9,
        beta2: Double = 0.999, amsgrad: Bool = false, centered: Bool = false
    ) {
        self.kind = kind
        self.learningRate = learningRate
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay ?? (kind == .adamw ? 0.01 : 0)
        self.alpha = alpha
        self.epsilon = epsilon
        self.beta1 = beta1
        self.beta2 = beta2
        self.amsgrad = amsgrad
        self.centered = centered
    }

    /// The optimizer this configuration describes, in precision `Scalar`.
    /// - Throws: ``InvalidHyperparameter`` naming the first field out of range.
    public func makeOptimizer<Scalar: TensorScalar>(_: Scalar.Type = Scalar.self) throws -> AnyOptimizer<Scalar> {
        try require(learningRate > 0 && learningRate.isFinite, "lr", "> 0", learningRate)
        switch kind {
        case .sgd:
            return .sgd(try SGD(weightDecay: Scalar(weightDecay)))
        case .momentum:
            return .sgd(try SGD(momentum: Scalar(momentum ?? 0.9), dampening: Scalar(dampening), weightDecay: Scalar(weightDecay)))
        case .nesterov:
            return .sgd(try SGD(momentum: Scalar(momentum ?? 0.9), nesterov: true, weightDecay: Scalar(weightDecay)))
        case .rmsprop:
            return .rmsprop(try RMSprop(
                alpha: Scalar(alpha), epsilon: Scalar(epsilon), momentum: Scalar(momentum ?? 0),
                centered: centered, weightDecay: Scalar(weightDecay)))
        case .adam, .adamw:
            return .adam(try Adam(
                beta1: Scalar(beta1), beta2: Scalar(beta2), epsilon: Scalar(epsilon), weightDecay: Scalar(weightDecay),
                weightDecayMode: kind == .adamw ? .decoupled : .l2, amsgrad: amsgrad))
        }
    }
}
