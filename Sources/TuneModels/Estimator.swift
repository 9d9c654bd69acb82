import TuneData
import TuneTensor

/// A model family with its hyperparameters: `fit` validates them, learns from a data set and
/// returns a fitted model, so "predict before fit" cannot compile. Copying the estimator is the
/// clone; fitting never mutates it.
public protocol Estimator: Sendable {
    /// Every setting of the model, Codable under the names users know (`lr`, `num_layers`).
    associatedtype Hyperparameters: Codable & Sendable & Equatable
    associatedtype Fitted: FittedModel

    var hyperparameters: Hyperparameters { get }

    /// Learns from `dataset`.
    /// - Throws: ``ModelError`` for invalid hyperparameters, the wrong task, or divergence.
    func fit(_ dataset: Dataset) throws -> Fitted
}

/// A fitted model: predictions and a score.
public protocol FittedModel: Sendable {
    /// One prediction per row: a class index (as a whole number) for classifiers, a value for
    /// regressors.
    func predict(_ features: Tensor<Float>) -> [Float]

    /// Accuracy for classifiers, R² for regressors.
    func score(_ dataset: Dataset) -> Double

    /// One report per epoch trained (empty for closed-form models).
    var reports: [EpochReport] { get }
}

/// A fitted classifier: also class probabilities; scored by accuracy.
public protocol FittedClassifier: FittedModel {
    /// `rows × classes` probabilities, each row summing to 1.
    func predictProbabilities(_ features: Tensor<Float>) -> Tensor<Float>
}

/// A fitted regressor, scored by R².
public protocol FittedRegressor: FittedModel {}

extension FittedClassifier {
    public func predict(_ features: Tensor<Float>) -> [Float] {
        predictProbabilities(features).argmax(alongAxis: 1).map(Float.init)
    }

    /// Accuracy on `dataset`.
    public func score(_ dataset: Dataset) -> Double {
        accuracy(predicted: predict(dataset.features).map { Int($0) }, actual: dataset.classIndices)
    }
}

extension FittedRegressor {
    /// The coefficient of determination R² on `dataset`.
    public func score(_ dataset: Dataset) -> Double {
        rSquared(predicted: predict(dataset.features), actual: dataset.targets)
    }
}
