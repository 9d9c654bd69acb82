import Foundation
import TuneData
import TuneTensor

/// The validation cross-entropy of L2-regularised multinomial logistic regression as a function
/// of its strength α (``LogisticRegression``'s `alpha`), with its exact derivative, so the
/// strength can be tuned by gradient steps (``PenaltyGradientSearch``).
///
/// Each evaluation fits the exact optimum θ*(α) by Newton's method
/// (``ExactLogisticRegression``). Differentiating its optimality condition `∇F(θ*, α) = 0`, where
/// `∂∇F/∂α = [W*; 0]` (the weights, the unpenalised biases zeroed), gives
/// `dθ*/dα = −H⁻¹[W*; 0]`: one more solve with the Cholesky factor of the Hessian H already made
/// for the last Newton step. The validation loss's derivative is then
/// `dL/d log α = α · ∇L(θ*)ᵀ dθ*/dα`, with `∇L` the validation cross-entropy's gradient.
public struct LogisticValidationLoss: DifferentiableValidationLoss {
    /// The exact solver on the training part.
    public let model: ExactLogisticRegression
    /// The validation features with a trailing column of ones, and their class indices.
    private let validationDesign: Tensor<Double>
    private let validationLabels: [Int]

    /// - Throws: ``ModelError`` when the data are not a classification task, the parts' features
    ///   or classes differ, or the training part cannot be fitted (see
    ///   ``ExactLogisticRegression/init(training:)``).
    public init(training: Dataset, validation: Dataset) throws {
        model = try ExactLogisticRegression(training: training)
        guard training.featureCount == validation.featureCount else {
            throw ModelError.unusableData(
                "the validation part has \(validation.featureCount) features, the training part \(training.featureCount)")
        }
        guard validation.task == training.task, validation.rowCount > 0 else {
            throw ModelError.unusableData("the validation part needs rows of the training part's classes")
        }
        validationDesign = try ExactLogisticRegression.design(validation.features, name: "validation")
        validationLabels = validation.classIndices
    }

    /// The mean validation cross-entropy at `α = exp(logAlpha)` and its derivative with respect
    /// to `log α`.
    /// - Throws: ``ModelError`` when the exact fit fails.
    public func evaluate(logAlpha: Double) throws -> (loss: Double, derivative: Double) {
        let alpha = exp(logAlpha)
        let solution = try model.fit(alpha: alpha)
        let probabilities = ExactLogisticRegression.probabilities(validationDesign, solution.parameters)
        let (loss, gradient) = ExactLogisticRegression.crossEntropy(
            design: validationDesign, labels: validationLabels, probabilities: probabilities)
        let size = solution.parameters.count
        var penalised = solution.parameters
        for index in (size - model.classCount)..<size { penalised[offset: index] = 0 }
        // H⁻¹[W*; 0] = −dθ*/dα.
        let sensitivity = try Tensor.choleskySolve(factor: solution.hessianFactor, penalised.reshaped([size]))
        return (loss, -alpha * gradient.reshaped([size]).dot(sensitivity))
    }

    /// The fraction of validation rows whose most probable class (at the exact optimum for
    /// `α = exp(logAlpha)`) is right: the score `tune-train` studies rank classifiers by.
    /// - Throws: ``ModelError`` when the exact fit fails.
    public func validationAccuracy(logAlpha: Double) throws -> Double {
        let solution = try model.fit(alpha: exp(logAlpha))
        let predicted = ExactLogisticRegression.probabilities(validationDesign, solution.parameters).argmax(alongAxis: 1)
        return Double(zip(predicted, validationLabels).filter { $0 == $1 }.count) / Double(validationLabels.count)
    }
}
