import TuneTensor

/// What a data set asks a model to predict.
public enum LearningTask: Sendable, Equatable, Codable {
    /// Predict one of `classNames.count` classes; targets hold class indices.
    case classification(classNames: [String])
    /// Predict a real number.
    case regression

    /// The number of classes, or nil for regression.
    public var classCount: Int? {
        if case .classification(let names) = self { return names.count }
        return nil
    }
}

/// A table of examples: a feature matrix, one target per row, and the names that make results
/// readable.
///
/// Features are `Float` (training precision). Targets are `Float` too: class indices
/// `0..<classCount` for classification, values for regression; ``classIndices`` gives the former
/// as integers.
public struct Dataset: Sendable, Equatable {
    /// A short name: the built-in name, the file name, or the generator spec.
    public var name: String
    /// `rows × features`.
    public var features: Tensor<Float>
    /// One per row.
    public var targets: [Float]
    /// One per feature column.
    public var featureNames: [String]
    /// Classification (with class names) or regression.
    public var task: LearningTask

    /// A data set; the counts must agree (one target per row, one name per column, class indices
    /// within range).
    public init(name: String, features: Tensor<Float>, targets: [Float], featureNames: [String]? = nil, task: LearningTask) {
        precondition(features.rank == 2, "Dataset: features must be a matrix, shape is \(features.shape)")
        precondition(targets.count == features.rows,
            "Dataset: \(features.rows) rows but \(targets.count) targets")
        let names = featureNames ?? (0..<features.columns).map { "x\($0)" }
        precondition(names.count == features.columns,
            "Dataset: \(features.columns) columns but \(names.count) feature names")
        if let classes = task.classCount {
            precondition(targets.allSatisfy { $0 >= 0 && Int($0) < classes && $0 == $0.rounded() },
                "Dataset: classification targets must be class indices in 0..<\(classes)")
        }
        self.name = name
        self.features = features
        self.targets = targets
        self.featureNames = names
        self.task = task
    }

    /// The number of examples.
    public var rowCount: Int { features.rows }
    /// The number of feature columns.
    public var featureCount: Int { features.columns }
    /// The class names for classification, empty for regression.
    public var classNames: [String] {
        if case .classification(let names) = task { return names }
        return []
    }
    /// Targets as class indices (classification only).
    public var classIndices: [Int] { targets.map { Int($0) } }

    /// The examples at `indices`, in that order (a split or a fold).
    public func subset(_ indices: [Int]) -> Dataset {
        Dataset(
            name: name, features: features.gatherRows(indices), targets: indices.map { targets[$0] },
            featureNames: featureNames, task: task)
    }
}
