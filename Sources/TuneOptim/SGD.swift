import TuneTensor

/// Stochastic gradient descent with optional momentum (classical or Nesterov), dampening and L2
/// weight decay: PyTorch's `torch.optim.SGD`.
///
/// With `g ← ∇ + λ·p`: if `momentum` μ > 0, `b ← g` on the first step and
/// `b ← μ·b + (1 − dampening)·g` after; the step direction is `g + μ·b` (Nesterov) or `b`;
/// then `p ← p − η·direction` (Sutskever et al. 2013 for the Nesterov form).
public struct SGD<Scalar: TensorScalar>: Optimizer {
    public var momentum: Scalar
    public var dampening: Scalar
    public var nesterov: Bool
    public var weightDecay: Scalar

    /// - Throws: ``InvalidHyperparameter`` for momentum outside [0, 1), dampening outside [0, 1],
    ///   negative weight decay, or Nesterov without momentum or with dampening (as PyTorch).
    public init(momentum: Scalar = 0, dampening: Scalar = 0, nesterov: Bool = false, weightDecay: Scalar = 0) throws {
        try require(momentum >= 0 && momentum < 1, "momentum", "in [0, 1)", momentum)
        try require(dampening >= 0 && dampening <= 1, "dampening", "in [0, 1]", dampening)
        try require(weightDecay >= 0, "weightDecay", ">= 0", weightDecay)
        try require(!nesterov || (momentum > 0 && dampening == 0), "nesterov", "used with momentum > 0 and dampening 0", nesterov)
        self.momentum = momentum
        self.dampening = dampening
        self.nesterov = nesterov
        self.weightDecay = weightDecay
    }

    /// The momentum buffer and whether it has been started.
    public struct State: Sendable {
        @usableFromInline var buffer: Tensor<Scalar>
        @usableFromInline var started = false
    }

    public func makeState(for parameter: Tensor<Scalar>) -> State {
        State(buffer: momentum > 0 ? Tensor(zeros: parameter.shape) : Tensor(zeros: [0]))
    }

    @inlinable
    public func update(_ parameter: inout Tensor<Scalar>, gradient: Tensor<Scalar>, state: inout State, learningRate: Scalar) {
        precondition(gradient.shape == parameter.shape, "SGD: gradient \(gradient.shape) for parameter \(parameter.shape)")
        let (mu, damp, decay, nesterov) = (momentum, dampening, weightDecay, self.nesterov)
        let first = !state.started
        state.started = true
        gradient.withUnsafeBufferPointer { g in
            parameter.withUnsafeMutableBufferPointer { p in
                let count = p.count
                if mu == 0 {
                    for i in 0..<count { p[i] -= learningRate * (g[i] + decay * p[i]) }
                    return
                }
                state.buffer.withUnsafeMutableBufferPointer { b in
                    // Branches hoisted out of the element loops so each loop vectorises.
                    let (keep, blend) = first ? (Scalar(0), Scalar(1)) : (mu, 1 - damp)
                    if nesterov {
                        for i in 0..<count {
                            let d = g[i] + decay * p[i]
                            let next = keep * b[i] + blend * d
                            b[i] = next
                            p[i] -= learningRate * (d + mu * next)
                        }
                    } else {
                        for i in 0..<count {
                            let next = keep * b[i] + blend * (g[i] + decay * p[i])
                            b[i] = next
                            p[i] -= learningRate * next
                        }
                    }
                }
            }
        }
    }
}
