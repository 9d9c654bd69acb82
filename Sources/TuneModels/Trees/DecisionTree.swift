import TuneData
import TuneTensor

/// A CART decision tree for classification (Gini or entropy) or regression (squared error),
/// chosen by the data set's task, with scikit-learn's parameters.
public struct DecisionTree: Estimator {
    public var hyperparameters: TreeHyperparameters

    public init(_ hyperparameters: TreeHyperparameters = TreeHyperparameters()) {
        self.hyperparameters = hyperparameters
    }

    public func fit(_ dataset: Dataset) throws -> FittedDecisionTree {
        try hyperparameters.validate()
        guard dataset.rowCount >= 1 else { throw ModelError.unusableData("a decision tree needs at least one row") }
        var settings = hyperparameters
        if dataset.task.classCount == nil { settings.criterion = .squaredError }
        let data = TreeTrainingData(dataset, classWeight: settings.classWeight)
        let (tree, raw) = data.grow(settings: settings, weights: data.baseWeights, generator: SeededGenerator(seed: settings.seed))
        return FittedDecisionTree(tree: tree, featureImportances: normalizedImportances(raw), classNames: dataset.classNames)
    }
}

/// A fitted ``DecisionTree``: a classifier when it has class names, else a regressor.
public struct FittedDecisionTree: FittedModel {
    public var tree: TreeStructure
    /// Impurity-based importances (mean decrease in impurity), summing to 1.
    public var featureImportances: [Double]
    public var classNames: [String]
    public var reports: [EpochReport] { [] }

    /// `rows × classes` leaf class frequencies (classification only).
    public func predictProbabilities(_ features: Tensor<Float>) -> Tensor<Float> {
        var sums = [Double](repeating: 0, count: features.rows * tree.outputs)
        tree.accumulate(features, into: &sums)
        return Tensor(shape: [features.rows, tree.outputs], scalars: sums.map { Float($0) })
    }

    public func predict(_ features: Tensor<Float>) -> [Float] {
        let output = predictProbabilities(features)
        return classNames.isEmpty ? output.scalars : output.argmax(alongAxis: 1).map(Float.init)
    }

    public func score(_ dataset: Dataset) -> Double {
        classNames.isEmpty
            ? rSquared(predicted: predict(dataset.features), actual: dataset.targets)
            : accuracy(predicted: predict(dataset.features).map { Int($0) }, actual: dataset.classIndices)
    }
}
