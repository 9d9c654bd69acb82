import TuneTensor

/// What `tune-train datasets show` reports about a data set: its shape, its classes and their
/// counts, and each feature's range, so a user can check a file loaded as intended.
public struct DatasetSummary: Codable, Sendable, Equatable {
    /// How many rows carry one class.
    public struct ClassCount: Codable, Sendable, Equatable {
        public var `class`: String
        public var count: Int
    }

    /// One feature column's minimum, mean and maximum.
    public struct FeatureStatistics: Codable, Sendable, Equatable {
        public var name: String
        public var min: Double
        public var mean: Double
        public var max: Double
    }

    public var name: String
    public var rows: Int
    public var features: Int
    /// The number of classes; nil for regression.
    public var classes: Int?
    /// `classification` or `regression`.
    public var task: String
    /// Rows per class in class-index order (empty for regression).
    public var classCounts: [ClassCount]
    /// The target's minimum, mean and maximum (regression only).
    public var target: FeatureStatistics?
    public var featureStatistics: [FeatureStatistics]

    enum CodingKeys: String, CodingKey {
        case name, rows, features, classes, task, target
        case classCounts = "class_counts"
        case featureStatistics = "feature_statistics"
    }

    /// Encodes every field, `classes` and `target` as null when absent, so scripts can rely on
    /// the keys being there.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(rows, forKey: .rows)
        try container.encode(features, forKey: .features)
        try container.encode(classes, forKey: .classes)
        try container.encode(task, forKey: .task)
        try container.encode(classCounts, forKey: .classCounts)
        try container.encode(target, forKey: .target)
        try container.encode(featureStatistics, forKey: .featureStatistics)
    }

    /// The summary of `dataset`; statistics are accumulated in `Double`.
    public init(of dataset: Dataset) {
        name = dataset.name
        rows = dataset.rowCount
        features = dataset.featureCount
        classes = dataset.task.classCount
        switch dataset.task {
        case .classification(let names):
            task = "classification"
            var counts = [Int](repeating: 0, count: names.count)
            for index in dataset.classIndices { counts[index] += 1 }
            classCounts = zip(names, counts).map { ClassCount(class: $0, count: $1) }
            target = nil
        case .regression:
            task = "regression"
            classCounts = []
            target = Self.statistics(name: "target", values: dataset.targets.map(Double.init))
        }
        let columns = dataset.featureCount
        featureStatistics = dataset.featureNames.enumerated().map { column, name in
            let values = stride(from: column, to: dataset.features.count, by: max(columns, 1))
                .map { Double(dataset.features[offset: $0]) }
            return Self.statistics(name: name, values: values)
        }
    }

    private static func statistics(name: String, values: [Double]) -> FeatureStatistics {
        guard let first = values.first else { return FeatureStatistics(name: name, min: .nan, mean: .nan, max: .nan) }
        var low = first, high = first, total = 0.0
        for value in values {
            low = Swift.min(low, value)
            high = Swift.max(high, value)
            total += value
        }
        // Features are Float: report min and max at Float precision (7.9, not 7.900000095367432),
        // and the Double-accumulated mean to seven significant digits.
        return FeatureStatistics(
            name: name, min: Double("\(Float(low))") ?? low, mean: Double("\(Float(total / Double(values.count)))") ?? 0,
            max: Double("\(Float(high))") ?? high)
    }
}
