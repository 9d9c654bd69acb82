/// A validation loss that is a differentiable function of a model's L2 strength α, evaluated with
/// its exact derivative, so the strength can be tuned by gradient steps
/// (``PenaltyGradientSearch``) instead of by trying values. Conformers: ridge regression's
/// validation MSE (``RidgeValidationLoss``) and logistic regression's validation cross-entropy
/// (``LogisticValidationLoss``).
public protocol DifferentiableValidationLoss: Sendable {
    /// The validation loss at `α = exp(logAlpha)` and its derivative with respect to `log α`.
    func evaluate(logAlpha: Double) throws -> (loss: Double, derivative: Double)
}
