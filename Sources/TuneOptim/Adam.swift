import Foundation
import TuneTensor

/// Adam (Kingma & Ba 2015) with optional AMSGrad (Reddi et al. 2018) and either L2 weight decay
/// (PyTorch's `torch.optim.Adam`) or decoupled weight decay (Loshchilov & Hutter 2019, PyTorch's
/// `torch.optim.AdamW`).
///
/// Step t: decoupled, `p ← p·(1 − η·λ)`; else `g ← ∇ + λ·p`. Then `m ← β₁·m + (1 − β₁)·g`,
/// `v ← β₂·v + (1 − β₂)·g²` (AMSGrad: `v̂ ← max(v̂, v)` used in place of v), and
/// `p ← p − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)`: two moments, both bias-corrected.
public struct Adam<Scalar: TensorScalar>: Optimizer {
    /// How weight decay enters the update.
    public enum WeightDecayMode: String, Sendable, Codable {
        /// Added to the gradient (Adam's L2 penalty).
        case l2
        /// Applied to the weights directly, outside the adaptive step (AdamW).
        case decoupled
    }

    public var beta1: Scalar
    public var beta2: Scalar
    public var epsilon: Scalar
    public var weightDecay: Scalar
    public var weightDecayMode: WeightDecayMode
    public var amsgrad: Bool

    /// - Throws: ``InvalidHyperparameter`` for betas outside [0, 1), epsilon ≤ 0 or negative
    ///   weight decay.
    public init(
        beta1: Scalar = 0.9, beta2: Scalar = 0.999, epsilon: Scalar = 1e-8, weightDecay: Scalar = 0,
        weightDecayMode: WeightDecayMode = .l2, amsgrad: Bool = false
    ) throws {
        try require(beta1 >= 0 && beta1 < 1, "beta1", "in [0, 1)", beta1)
        try require(beta2 >= 0 && beta2 < 1, "beta2", "in [0, 1)", beta2)
        try require(epsilon > 0, "eps", "> 0", epsilon)
        try require(weightDecay >= 0, "weightDecay", ">= 0", weightDecay)
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.weightDecayMode = weightDecayMode
        self.amsgrad = amsgrad
    }

    /// AdamW with PyTorch's defaults (decoupled weight decay 0.01).
    public static func adamW(
        beta1: Scalar = 0.9, beta2: Scalar = 0.999, epsilon: Scalar = 1e-8, weightDecay: Scalar = 0.01, amsgrad: Bool = false
    ) throws -> Adam {
        try Adam(beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: weightDecay, weightDecayMode: .decoupled, amsgrad: amsgrad)
    }

    /// The moment estimates, the AMSGrad maximum and the step count.
    public struct State: Sendable {
        @usableFromInline var firstMoment: Tensor<Scalar>
        @usableFromInline var secondMoment: Tensor<Scalar>
        @usableFromInline var maximumSecondMoment: Tensor<Scalar>
        @usableFromInline var step = 0
    }

    public func makeState(for parameter: Tensor<Scalar>) -> State {
        State(
            firstMoment: Tensor(zeros: parameter.shape), secondMoment: Tensor(zeros: parameter.shape),
            maximumSecondMoment: Tensor(zeros: amsgrad ? parameter.shape : [0]))
    }

    @inlinable
    public func update(_ parameter: inout Tensor<Scalar>, gradient: Tensor<Scalar>, state: inout State, learningRate: Scalar) {
        precondition(gradient.shape == parameter.shape, "Adam: gradient \(gradient.shape) for parameter \(parameter.shape)")
        state.step += 1
        let (b1, b2, eps, amsgrad) = (beta1, beta2, epsilon, self.amsgrad)
        let l2 = weightDecayMode == .l2 ? weightDecay : 0
        let shrink = weightDecayMode == .decoupled ? 1 - learningRate * weightDecay : 1
        let correction1 = 1 - Scalar(Foundation.pow(Double(b1), Double(state.step)))
        let correction2Root = Scalar((1 - Foundation.pow(Double(b2), Double(state.step))).squareRoot())
        let stepSize = learningRate / correction1
        gradient.withUnsafeBufferPointer { g in
            parameter.withUnsafeMutableBufferPointer { p in
                state.firstMoment.withUnsafeMutableBufferPointer { m in
                    state.secondMoment.withUnsafeMutableBufferPointer { v in
                        state.maximumSecondMoment.withUnsafeMutableBufferPointer { vMax in
                            for i in p.indices {
                                p[i] *= shrink
                                let d = g[i] + l2 * p[i]
                                m[i] = b1 * m[i] + (1 - b1) * d
                                v[i] = b2 * v[i] + (1 - b2) * d * d
                                var second = v[i]
                                if amsgrad {
                                    vMax[i] = Swift.max(vMax[i], v[i])
                                    second = vMax[i]
                                }
                                p[i] -= stepSize * m[i] / (second.squareRoot() / correction2Root + eps)
                            }
                        }
                    }
                }
            }
        }
    }
}
