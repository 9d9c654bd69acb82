import Foundation
import TuneTensor

/// Online learning-rate adaptation by hypergradient descent (Baydin et al. 2018, "Online Learning
/// Rate Adaptation with Hypergradient Descent"), for any optimizer: the learning rate is itself
/// updated by gradient descent on the loss. With the last step `θₜ = θₜ₋₁ − αₜ₋₁·uₜ₋₁` (u the
/// optimizer's direction: the gradient for SGD, m̂/(√v̂ + ε) for Adam), the loss's derivative with
/// respect to the rate is `−gₜ·uₜ₋₁`, so `αₜ = αₜ₋₁ + β·gₜ·uₜ₋₁` — SGD-HD and Adam-HD of the
/// paper — or, with the multiplicative rule, `αₜ = αₜ₋₁·(1 + β·cos(gₜ, uₜ₋₁))`, or, descending on
/// log α instead of α, `αₜ = αₜ₋₁·exp(β·αₜ₋₁·gₜ·uₜ₋₁)` (``HypergradientRule``). The direction
/// is recovered from the parameters' change, so no optimizer needs to expose it. The rate is kept
/// non-negative.
struct HypergradientLearningRate<Scalar: TensorScalar> {
    /// The current learning rate αₜ.
    private(set) var rate: Scalar
    /// β, the hypergradient step.
    let hypergradientRate: Scalar
    let rule: HypergradientRule
    /// Parameters before the last step, then the direction uₜ₋₁ of that step (weights, biases).
    private var weightDirections: [Tensor<Scalar>]
    private var biasDirections: [Tensor<Scalar>]
    private var hasDirection = false

    init(
        initialRate: Scalar, hypergradientRate: Scalar, rule: HypergradientRule = .additive,
        weights: [Tensor<Scalar>], biases: [Tensor<Scalar>]
    ) {
        rate = initialRate
        self.hypergradientRate = hypergradientRate
        self.rule = rule
        weightDirections = weights.map { Tensor(zeros: $0.shape) }
        biasDirections = biases.map { Tensor(zeros: $0.shape) }
    }

    /// Moves the rate along its hypergradient, given this step's gradients, and remembers the
    /// parameters the step starts from.
    mutating func adapt(weightGradients: [Tensor<Scalar>], biasGradients: [Tensor<Scalar>], weights: [Tensor<Scalar>], biases: [Tensor<Scalar>]) {
        if hasDirection {
            var product: Scalar = 0
            for index in weightGradients.indices { product += weightGradients[index].dot(weightDirections[index]) }
            for index in biasGradients.indices { product += biasGradients[index].dot(biasDirections[index]) }
            switch rule {
            case .additive:
                rate = max(rate + hypergradientRate * product, 0)
            case .multiplicative:
                let norms = (Self.squaredNorm(weightGradients, biasGradients) * Self.squaredNorm(weightDirections, biasDirections)).squareRoot()
                if norms > 0 { rate = max(rate * (1 + hypergradientRate * product / norms), 0) }
            case .logarithmic:
                rate *= Scalar(exp(Double(hypergradientRate) * Double(rate) * Double(product)))
            }
        }
        Self.copy(weights, into: &weightDirections)
        Self.copy(biases, into: &biasDirections)
    }

    /// Turns the remembered parameters into the step's direction `(θ_before − θ_after)/α`.
    mutating func record(weights: [Tensor<Scalar>], biases: [Tensor<Scalar>]) {
        guard rate > 0 else { hasDirection = false; return }
        Self.direction(from: &weightDirections, to: weights, rate: rate)
        Self.direction(from: &biasDirections, to: biases, rate: rate)
        hasDirection = true
    }

    /// Σ‖w‖² + Σ‖b‖², in that order, without joining the arrays (it runs every step).
    private static func squaredNorm(_ weights: [Tensor<Scalar>], _ biases: [Tensor<Scalar>]) -> Scalar {
        biases.reduce(weights.reduce(0) { $0 + $1.dot($1) }) { $0 + $1.dot($1) }
    }

    private static func copy(_ sources: [Tensor<Scalar>], into targets: inout [Tensor<Scalar>]) {
        for index in sources.indices {
            targets[index].withUnsafeMutableBufferPointer { target in
                sources[index].withUnsafeBufferPointer { source in
                    for k in target.indices { target[k] = source[k] }
                }
            }
        }
    }

    /// `before ← (before − after)/rate`, in place.
    private static func direction(from before: inout [Tensor<Scalar>], to after: [Tensor<Scalar>], rate: Scalar) {
        let inverse = 1 / rate
        for index in after.indices {
            before[index].withUnsafeMutableBufferPointer { start in
                after[index].withUnsafeBufferPointer { end in
                    for k in start.indices { start[k] = (start[k] - end[k]) * inverse }
                }
            }
        }
    }
}
