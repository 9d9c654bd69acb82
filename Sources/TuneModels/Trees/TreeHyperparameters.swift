/// How many features a tree considers at each split (scikit-learn's `max_features`).
public enum MaximumFeatures: Codable, Sendable, Equatable {
    /// √d, rounded down (at least 1): the random-forest classifier default.
    case squareRoot
    /// log₂ d, rounded down (at least 1).
    case logarithm
    /// All d features: the decision-tree and forest-regressor default.
    case all
    /// Exactly this many.
    case count(Int)
    /// This fraction of d, rounded down (at least 1).
    case fraction(Double)

    /// The number of features for `d` columns.
    func resolved(featureCount d: Int) -> Int {
        switch self {
        case .squareRoot: return max(1, Int(Double(d).squareRoot()))
        case .logarithm: return max(1, Int(log2(Double(d))))
        case .all: return d
        case .count(let count): return min(max(1, count), d)
        case .fraction(let fraction): return min(d, max(1, Int(fraction * Double(d))))
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            switch text.lowercased() {
            case "sqrt", "auto": self = .squareRoot
            case "log2": self = .logarithm
            case "all", "none": self = .all
            default:
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "max_features must be sqrt, log2, all, an integer or a fraction")
            }
        } else if container.decodeNil() {
            self = .all
        } else if let count = try? container.decode(Int.self) {
            self = .count(count)
        } else {
            self = .fraction(try container.decode(Double.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .squareRoot: try container.encode("sqrt")
        case .logarithm: try container.encode("log2")
        case .all: try container.encode("all")
        case .count(let count): try container.encode(count)
        case .fraction(let fraction): try container.encode(fraction)
        }
    }
}

import Foundation

/// The impurity a split minimises.
public enum SplitCriterion: String, Codable, CaseIterable, Sendable {
    case gini
    case entropy
    /// Variance (regression).
    case squaredError = "squared_error"
}

/// Settings of a CART decision tree, under scikit-learn's names.
public struct TreeHyperparameters: Codable, Sendable, Equatable {
    /// `gini` or `entropy` for classification; regression always uses `squared_error`.
    public var criterion = SplitCriterion.gini
    /// nil grows until leaves are pure or too small.
    public var maxDepth: Int? = nil
    public var minSamplesSplit = 2
    public var minSamplesLeaf = 1
    /// nil: the model's default (all features for a tree or a forest regressor, √d for a forest
    /// classifier, as scikit-learn).
    public var maxFeatures: MaximumFeatures? = nil
    /// nil is unlimited; otherwise the tree grows best-first to this many leaves.
    public var maxLeafNodes: Int? = nil
    public var minImpurityDecrease = 0.0
    /// `balanced` weighs classes inversely to their frequency; nil weighs rows equally.
    public var classWeight: String? = nil
    public var seed: UInt64 = 0

    public init() {}

    /// The keys scikit-learn uses; also read by ``ForestHyperparameters``.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case criterion, maxDepth = "max_depth", minSamplesSplit = "min_samples_split", minSamplesLeaf = "min_samples_leaf"
        case maxFeatures = "max_features", maxLeafNodes = "max_leaf_nodes", minImpurityDecrease = "min_impurity_decrease"
        case classWeight = "class_weight", seed
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = TreeHyperparameters()
        criterion = try container.decodeIfPresent(SplitCriterion.self, forKey: .criterion) ?? defaults.criterion
        maxDepth = try container.decodeIfPresent(Int.self, forKey: .maxDepth)
        minSamplesSplit = try container.decodeIfPresent(Int.self, forKey: .minSamplesSplit) ?? defaults.minSamplesSplit
        minSamplesLeaf = try container.decodeIfPresent(Int.self, forKey: .minSamplesLeaf) ?? defaults.minSamplesLeaf
        maxFeatures = try container.decodeIfPresent(MaximumFeatures.self, forKey: .maxFeatures)
        maxLeafNodes = try container.decodeIfPresent(Int.self, forKey: .maxLeafNodes)
        minImpurityDecrease = try container.decodeIfPresent(Double.self, forKey: .minImpurityDecrease) ?? defaults.minImpurityDecrease
        classWeight = try container.decodeIfPresent(String.self, forKey: .classWeight)
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed) ?? defaults.seed
    }

    /// Encodes every field, nil ones as null, so each is settable by name.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(criterion, forKey: .criterion)
        try container.encode(maxDepth, forKey: .maxDepth)
        try container.encode(minSamplesSplit, forKey: .minSamplesSplit)
        try container.encode(minSamplesLeaf, forKey: .minSamplesLeaf)
        try container.encode(maxFeatures, forKey: .maxFeatures)
        try container.encode(maxLeafNodes, forKey: .maxLeafNodes)
        try container.encode(minImpurityDecrease, forKey: .minImpurityDecrease)
        try container.encode(classWeight, forKey: .classWeight)
        try container.encode(seed, forKey: .seed)
    }

    /// - Throws: ``ModelError/invalidHyperparameter(name:constraint:value:)``.
    public func validate() throws {
        if let maxDepth { try check(maxDepth >= 1, "max_depth", ">= 1 or none", maxDepth) }
        try check(minSamplesSplit >= 2, "min_samples_split", ">= 2", minSamplesSplit)
        try check(minSamplesLeaf >= 1, "min_samples_leaf", ">= 1", minSamplesLeaf)
        if let maxLeafNodes { try check(maxLeafNodes >= 2, "max_leaf_nodes", ">= 2 or none", maxLeafNodes) }
        try check(minImpurityDecrease >= 0, "min_impurity_decrease", ">= 0", minImpurityDecrease)
        if let classWeight { try check(classWeight == "balanced", "class_weight", "balanced or none", classWeight) }
        switch maxFeatures {
        case .count(let count): try check(count >= 1, "max_features", ">= 1", count)
        case .fraction(let fraction): try check(fraction > 0 && fraction <= 1, "max_features", "in (0, 1]", fraction)
        default: break
        }
    }
}
