import TuneTensor

/// RMSprop (Tieleman & Hinton 2012, lecture 6.5), as PyTorch's `torch.optim.RMSprop`.
///
/// With `g ← ∇ + λ·p`: `v ← α·v + (1 − α)·g²`; centred, also `ḡ ← α·ḡ + (1 − α)·g` and the
/// denominator is `√(v − ḡ²) + ε`, else `√v + ε`; with momentum μ, `b ← μ·b + g / denominator` and
/// `p ← p − η·b`, else `p ← p − η·g / denominator`. There is no first moment of the gradient in
/// plain RMSprop (docs/OPTIMIZERS.md on where a source document says otherwise).
public struct RMSprop<Scalar: TensorScalar>: Optimizer {
    public var alpha: Scalar
    public var epsilon: Scalar
    public var momentum: Scalar
    public var centered: Bool
    public var weightDecay: Scalar

    /// - Throws: ``InvalidHyperparameter`` for alpha outside [0, 1), epsilon ≤ 0, momentum outside
    ///   [0, 1) or negative weight decay.
    public init(alpha: Scalar = 0.99, epsilon: Scalar = 1e-8, momentum: Scalar = 0, centered: Bool = false, weightDecay: Scalar = 0) throws {
        try require(alpha >= 0 && alpha < 1, "alpha", "in [0, 1)", alpha)
        try require(epsilon > 0, "eps", "> 0", epsilon)
        try require(momentum >= 0 && momentum < 1, "momentum", "in [0, 1)", momentum)
        try require(weightDecay >= 0, "weightDecay", ">= 0", weightDecay)
        self.alpha = alpha
        self.epsilon = epsilon
        self.momentum = momentum
        self.centered = centered
        self.weightDecay = weightDecay
    }

    /// The running averages of the squared gradient and (centred) the gradient, and the momentum
    /// buffer.
    public struct State: Sendable {
        @usableFromInline var squareAverage: Tensor<Scalar>
        @usableFromInline var gradientAverage: Tensor<Scalar>
        @usableFromInline var buffer: Tensor<Scalar>
    }

    public func makeState(for parameter: Tensor<Scalar>) -> State {
        State(
            squareAverage: Tensor(zeros: parameter.shape),
            gradientAverage: Tensor(zeros: centered ? parameter.shape : [0]),
            buffer: Tensor(zeros: momentum > 0 ? parameter.shape : [0]))
    }

    @inlinable
    public func update(_ parameter: inout Tensor<Scalar>, gradient: Tensor<Scalar>, state: inout State, learningRate: Scalar) {
        precondition(gradient.shape == parameter.shape, "RMSprop: gradient \(gradient.shape) for parameter \(parameter.shape)")
        let (a, eps, mu, decay, centered) = (alpha, epsilon, momentum, weightDecay, self.centered)
        gradient.withUnsafeBufferPointer { g in
            parameter.withUnsafeMutableBufferPointer { p in
                state.squareAverage.withUnsafeMutableBufferPointer { v in
                    state.gradientAverage.withUnsafeMutableBufferPointer { gAverage in
                        state.buffer.withUnsafeMutableBufferPointer { b in
                            for i in p.indices {
                                let d = g[i] + decay * p[i]
                                v[i] = a * v[i] + (1 - a) * d * d
                                var variance = v[i]
                                if centered {
                                    gAverage[i] = a * gAverage[i] + (1 - a) * d
                                    variance -= gAverage[i] * gAverage[i]
                                }
                                let step = d / (variance.squareRoot() + eps)
                                if mu > 0 {
                                    b[i] = mu * b[i] + step
                                    p[i] -= learningRate * b[i]
                                } else {
                                    p[i] -= learningRate * step
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
