import Foundation
import TuneData
import TuneTensor

/// The validation mean squared error of ridge regression as a function of its L2 strength α, with
/// its exact derivative: the hyperparameter is differentiable, so it can be tuned by gradient
/// steps instead of by trying values (Bengio 2000; Pedregosa 2016, "Hyperparameter optimization
/// with approximate gradient" — here the gradient is exact).
///
/// The fit is scikit-learn's `Ridge` (centred data, unpenalised intercept):
/// `w(α) = (XcᵀXc + αI)⁻¹ Xcᵀyc`. Differentiating the normal equations gives
/// `dw/dα = −(XcᵀXc + αI)⁻¹ w`, one more solve with the same Cholesky factor; the prediction on a
/// validation row x is `ȳ + (x − x̄)ᵀw`, so `dL/dα = (2/m)·Σ rᵢ (xᵢ − x̄)ᵀ dw/dα` with residuals rᵢ.
public struct RidgeValidationLoss: DifferentiableValidationLoss {
    /// `XcᵀXc` (p × p) and `Xcᵀyc` of the training part.
    private let gram: Tensor<Double>
    private let moment: [Double]
    /// The validation features centred by the training means, and the validation targets minus
    /// the training mean.
    private let validationFeatures: Tensor<Double>
    private let validationTargets: [Double]

    /// - Throws: ``ModelError`` when the data are not a regression task or the parts' features
    ///   differ.
    public init(training: Dataset, validation: Dataset) throws {
        try NetworkTraining.requireRegression(training, model: "ridge gradient search")
        guard training.featureCount == validation.featureCount else {
            throw ModelError.unusableData(
                "the validation part has \(validation.featureCount) features, the training part \(training.featureCount)")
        }
        let x = training.features.converted(to: Double.self)
        let means = x.mean(alongAxis: 0)
        let targetMean = training.targets.reduce(0.0) { $0 + Double($1) } / Double(training.rowCount)
        var centred = x
        centred.broadcastRowVector(means, -)
        gram = Tensor.matmul(centred, transposeA: true, centred)
        moment = centred.matrixVectorProduct(training.targets.map { Double($0) - targetMean }, transposed: true)
        var validationCentred = validation.features.converted(to: Double.self)
        validationCentred.broadcastRowVector(means, -)
        validationFeatures = validationCentred
        validationTargets = validation.targets.map { Double($0) - targetMean }
    }

    /// The validation MSE at `α = exp(logAlpha)` and its derivative with respect to `log α`.
    public func evaluate(logAlpha: Double) throws -> (loss: Double, derivative: Double) {
        let alpha = exp(logAlpha)
        var system = gram
        for j in 0..<gram.rows { system[j, j] += alpha }
        let factor = try system.choleskyFactor()
        let weights = try Tensor.choleskySolve(factor: factor, Tensor(vector: moment))
        let sensitivity = try Tensor.choleskySolve(factor: factor, weights)
        let predictions = validationFeatures.matrixVectorProduct(weights.scalars)
        let predictionSlopes = validationFeatures.matrixVectorProduct(sensitivity.scalars)
        let m = Double(validationTargets.count)
        var loss = 0.0, derivative = 0.0
        for i in validationTargets.indices {
            let residual = predictions[i] - validationTargets[i]
            loss += residual * residual / m
            // dŷ/dα = −(x − x̄)ᵀ(XcᵀXc + αI)⁻¹w.
            derivative += 2 * residual * -predictionSlopes[i] / m
        }
        return (loss, derivative * alpha)
    }
}
