import Foundation
import TuneData
import TuneTensor

/// L2-regularised multinomial logistic regression fitted to its exact optimum by Newton's method,
/// in Double. ``LogisticRegression`` is trained by SGD-family optimizers, which stop near the
/// optimum; the hypergradient of its strength (``LogisticValidationLoss``) differentiates the
/// optimality condition, so it needs a fit where that condition holds to rounding.
///
/// The objective is ``LogisticRegression``'s, so `alpha` means the same: the mean softmax
/// cross-entropy over the training rows plus ½α‖W‖², the bias unpenalised,
/// `F(θ) = (1/n) Σᵢ [log Σₖ exp zᵢₖ − zᵢ,yᵢ] + ½α‖W‖²` with `zᵢₖ = wₖᵀxᵢ + bₖ`. With K ≥ 3
/// classes that is scikit-learn's `LogisticRegression(C = 1/(n·α))`; with two classes
/// scikit-learn fits one vector `β = w₁ − w₀`, and as `w₀ = −w₁` at the optimum the same model is
/// `C = 2/(n·α)`.
///
/// The parameters are the full softmax parameterisation: K columns of d weights and a bias. The
/// Hessian `H = (1/n) Σᵢ (diag pᵢ − pᵢpᵢᵀ) ⊗ x̃ᵢx̃ᵢᵀ + α·I_weights` (x̃ = x with a trailing 1) is
/// positive definite for α > 0 except along one direction, `u`: adding the same constant to every
/// bias changes no probability. Newton steps are solved with `H + uuᵀ` (u the unit all-biases
/// vector) by Cholesky; that matrix is positive definite, and for a right-hand side orthogonal to
/// `u` (every gradient is: `Σₖ (pᵢₖ − yᵢₖ) = 0`) its solution is the pseudo-inverse one. From zero
/// the biases therefore keep summing to zero, as scikit-learn's multinomial ones do.
public struct ExactLogisticRegression: Sendable {
    /// An exact optimum and the factorised Hessian there.
    public struct Solution: Sendable {
        /// `(d + 1) × K`: row j < d holds feature j's weights for each class, row d the biases.
        public var parameters: Tensor<Double>
        /// `F` at the optimum.
        public var objective: Double
        /// Euclidean norm of `∇F` at the optimum.
        public var gradientNorm: Double
        /// Newton steps taken.
        public var iterations: Int
        /// Lower Cholesky factor of `H + uuᵀ` at the optimum, flattened as `parameters` is
        /// (index `j·K + k`): what implicit differentiation solves with.
        public var hessianFactor: Tensor<Double>
    }

    /// Converged when `‖∇F‖` is at most this.
    public var gradientTolerance = 1e-10
    /// Newton steps at most before ``fit(alpha:)`` gives up.
    public var maximumIterations = 200
    /// The training features with a trailing column of ones, `n × (d + 1)`.
    let design: Tensor<Double>
    let labels: [Int]
    let classCount: Int

    /// - Throws: ``ModelError`` when the data are not a classification task, have fewer than two
    ///   classes, a class without training rows (its unpenalised bias would go to −∞), or
    ///   non-finite features.
    public init(training: Dataset) throws {
        classCount = try NetworkTraining.requireClassification(training, model: "exact logistic regression")
        guard classCount >= 2 else {
            throw ModelError.unusableData("logistic regression needs at least two classes; the training part has \(classCount)")
        }
        design = try Self.design(training.features, name: "training")
        labels = training.classIndices
        let present = Set(labels)
        if let missing = (0..<classCount).first(where: { !present.contains($0) }) {
            throw ModelError.unusableData(
                "class \(training.classNames[missing]) has no training rows, so its unpenalised bias has no finite optimum")
        }
    }

    /// `features` in Double with a trailing column of ones.
    /// - Throws: ``ModelError/unusableData(_:)`` for NaN or infinite features.
    static func design(_ features: Tensor<Float>, name: String) throws -> Tensor<Double> {
        guard features.isFinite else {
            throw ModelError.unusableData("the \(name) features contain NaN or infinite values")
        }
        let (rows, width) = (features.rows, features.columns)
        var result = Tensor<Double>(repeating: 1, shape: [rows, width + 1])
        for r in 0..<rows {
            for c in 0..<width { result[r, c] = Double(features[r, c]) }
        }
        return result
    }

    /// Row-wise softmax of `design · parameters`.
    static func probabilities(_ design: Tensor<Double>, _ parameters: Tensor<Double>) -> Tensor<Double> {
        var logits = Tensor.matmul(design, parameters)
        logits.broadcastColumnVector(logits.max(alongAxis: 1), -)
        for index in 0..<logits.count { logits[offset: index] = exp(logits[offset: index]) }
        logits.broadcastColumnVector(logits.sum(alongAxis: 1), /)
        return logits
    }

    /// Mean cross-entropy of `probabilities` against `labels`, and its gradient with respect to
    /// the parameters, `(1/n)·designᵀ(P − Y)`.
    static func crossEntropy(
        design: Tensor<Double>, labels: [Int], probabilities: Tensor<Double>
    ) -> (loss: Double, gradient: Tensor<Double>) {
        let n = Double(labels.count)
        var residual = probabilities
        var loss = 0.0
        for (row, label) in labels.enumerated() {
            loss -= log(probabilities[row, label]) / n
            residual[row, label] -= 1
        }
        var gradient = Tensor.matmul(design, transposeA: true, residual)
        gradient.scale(by: 1 / n)
        return (loss, gradient)
    }

    /// `F`, `∇F` and the training rows' class probabilities at some parameters.
    private typealias Evaluation = (value: Double, gradient: Tensor<Double>, probabilities: Tensor<Double>)

    /// `F` and `∇F` at `parameters`.
    private func objective(_ parameters: Tensor<Double>, alpha: Double) -> Evaluation {
        let p = Self.probabilities(design, parameters)
        var (value, gradient) = Self.crossEntropy(design: design, labels: labels, probabilities: p)
        let weightCount = (design.columns - 1) * classCount
        for index in 0..<weightCount {
            let w = parameters[offset: index]
            value += 0.5 * alpha * w * w
            gradient[offset: index] += alpha * w
        }
        return (value, gradient, p)
    }

    /// Lower Cholesky factor of `H + uuᵀ` at probabilities `p` (see the type's description).
    private func hessianFactor(probabilities p: Tensor<Double>, alpha: Double) throws -> Tensor<Double> {
        let (n, width, k) = (design.rows, design.columns, classCount)
        let size = width * k
        var hessian = Tensor<Double>(zeros: [size, size])
        for a in 0..<k {
            for b in a..<k {
                // Block (a, b) = (1/n) Σᵢ pᵢₐ(δₐᵦ − pᵢᵦ) x̃ᵢx̃ᵢᵀ.
                var weighted = design
                weighted.broadcastColumnVector((0..<n).map { i in p[i, a] * ((a == b ? 1 : 0) - p[i, b]) / Double(n) }, *)
                let block = Tensor.matmul(weighted, transposeA: true, design)
                for i in 0..<width {
                    for j in 0..<width {
                        hessian[i * k + a, j * k + b] = block[i, j]
                        hessian[j * k + b, i * k + a] = block[i, j]
                    }
                }
            }
        }
        for index in 0..<((width - 1) * k) { hessian[index, index] += alpha }
        let biases = ((width - 1) * k)..<size
        for i in biases {
            for j in biases { hessian[i, j] += 1 / Double(k) }
        }
        return try hessian.choleskyFactor()
    }

    /// Fits the exact optimum at strength `alpha` from zero parameters by damped Newton steps
    /// (Armijo backtracking, up to the rounding of F).
    /// - Throws: ``ModelError`` for `alpha` not positive and finite, or when Newton's method
    ///   stalls or has not reached ``gradientTolerance`` within ``maximumIterations`` steps.
    public func fit(alpha: Double) throws -> Solution {
        try check(alpha > 0 && alpha.isFinite, "alpha", "> 0 and finite for the exact fit", alpha)
        let width = design.columns
        var parameters = Tensor<Double>(zeros: [width, classCount])
        var current = objective(parameters, alpha: alpha)
        for iteration in 0...maximumIterations {
            let factor = try hessianFactor(probabilities: current.probabilities, alpha: alpha)
            let norm = current.gradient.dot(current.gradient).squareRoot()
            if norm <= gradientTolerance {
                return Solution(parameters: parameters, objective: current.value, gradientNorm: norm, iterations: iteration, hessianFactor: factor)
            }
            guard iteration < maximumIterations else { break }
            var step = try Tensor.choleskySolve(factor: factor, current.gradient.reshaped([width * classCount]))
            step.scale(by: -1)
            let slope = current.gradient.reshaped([width * classCount]).dot(step)
            var length = 1.0
            var accepted: (parameters: Tensor<Double>, objective: Evaluation)?
            for _ in 0..<60 {
                var candidate = parameters
                candidate.addScaled(step.reshaped([width, classCount]), by: length)
                let trial = objective(candidate, alpha: alpha)
                // Armijo's condition, up to F's rounding: near the optimum F cannot decrease
                // measurably, and the full step is then safe.
                if trial.value <= current.value + 1e-4 * length * slope + 1e-14 * abs(current.value) {
                    accepted = (candidate, trial)
                    break
                }
                length /= 2
            }
            guard let accepted else {
                throw ModelError.unusableData(
                    "Newton's method stalled at alpha \(alpha) with gradient norm \(norm) (no step along its direction lowers the loss)")
            }
            (parameters, current) = accepted
        }
        throw ModelError.unusableData(
            "Newton's method did not reach a gradient norm of \(gradientTolerance) in \(maximumIterations) steps at alpha \(alpha); the data may be too close to separable for so small an alpha")
    }
}
