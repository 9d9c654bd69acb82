import Foundation
import TuneData
import TuneTensor

/// Settings of a random forest, under scikit-learn's names: the tree settings plus the ensemble's.
public struct ForestHyperparameters: Codable, Sendable, Equatable {
    public var tree = TreeHyperparameters()
    public var estimators = 100
    /// Each tree sees a bootstrap sample of the rows (else all rows).
    public var bootstrap = true
    /// The bootstrap sample's size as a fraction of the rows (nil: all rows).
    public var maxSamples: Double? = nil
    /// Also compute the out-of-bag score (needs `bootstrap`).
    public var outOfBagScore = false
    /// Threads building trees (nil or -1: all cores). Results never depend on it.
    public var jobs: Int? = nil

    /// scikit-learn's defaults (`max_features` √d for classification, all for regression, chosen
    /// at fit time while it is nil).
    public init() {}

    enum CodingKeys: String, CodingKey {
        case estimators = "n_estimators", bootstrap, maxSamples = "max_samples", outOfBagScore = "oob_score", jobs = "n_jobs"
    }

    /// The forest's own fields beside the tree's, flattened into one object as scikit-learn's
    /// `RandomForestClassifier` takes them.
    public init(from decoder: Decoder) throws {
        self.init()
        tree = try TreeHyperparameters(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        estimators = try container.decodeIfPresent(Int.self, forKey: .estimators) ?? estimators
        bootstrap = try container.decodeIfPresent(Bool.self, forKey: .bootstrap) ?? bootstrap
        maxSamples = try container.decodeIfPresent(Double.self, forKey: .maxSamples)
        outOfBagScore = try container.decodeIfPresent(Bool.self, forKey: .outOfBagScore) ?? outOfBagScore
        jobs = try container.decodeIfPresent(Int.self, forKey: .jobs)
    }

    public func encode(to encoder: Encoder) throws {
        try tree.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(estimators, forKey: .estimators)
        try container.encode(bootstrap, forKey: .bootstrap)
        try container.encode(maxSamples, forKey: .maxSamples)
        try container.encode(outOfBagScore, forKey: .outOfBagScore)
        try container.encode(jobs, forKey: .jobs)
    }

    public func validate() throws {
        try tree.validate()
        try check(estimators >= 1, "n_estimators", ">= 1", estimators)
        if let maxSamples { try check(maxSamples > 0 && maxSamples <= 1, "max_samples", "in (0, 1] or none", maxSamples) }
        try check(!outOfBagScore || bootstrap, "oob_score", "used with bootstrap=true", outOfBagScore)
        if let jobs { try check(jobs >= 1 || jobs == -1, "n_jobs", ">= 1 or -1", jobs) }
    }
}

/// A random forest (Breiman 2001): trees on bootstrap samples with random feature subsets,
/// averaged. Tree `i` draws from its own generator stream, so the forest depends only on the seed,
/// never on the number of threads.
public struct RandomForest: Estimator {
    public var hyperparameters: ForestHyperparameters

    public init(_ hyperparameters: ForestHyperparameters = ForestHyperparameters()) {
        self.hyperparameters = hyperparameters
    }

    public func fit(_ dataset: Dataset) throws -> FittedRandomForest {
        try hyperparameters.validate()
        var tree = hyperparameters.tree
        let regression = dataset.task.classCount == nil
        if regression { tree.criterion = .squaredError }
        if tree.maxFeatures == nil { tree.maxFeatures = regression ? .all : .squareRoot }
        let settings = tree
        let data = TreeTrainingData(dataset, classWeight: settings.classWeight)
        let rows = dataset.rowCount
        let draws = hyperparameters.maxSamples.map { max(1, Int(($0 * Double(rows)).rounded())) } ?? rows
        let root = SeededGenerator(seed: settings.seed)
        let count = hyperparameters.estimators
        let slots = IndexedResults<(tree: TreeStructure, importances: [Double], inBag: [Bool])>(count: count)
        let bootstrap = hyperparameters.bootstrap
        let growTree: @Sendable (Int) -> Void = { index in
            var generator = root.stream(index)
            var weights = data.baseWeights
            var inBag = [Bool](repeating: true, count: rows)
            if bootstrap {
                var counts = [Double](repeating: 0, count: rows)
                for _ in 0..<draws { counts[generator.integer(in: 0..<rows)] += 1 }
                for row in 0..<rows {
                    weights[row] *= counts[row]
                    inBag[row] = counts[row] > 0
                }
            }
            let (tree, importances) = data.grow(settings: settings, weights: weights, generator: generator.split())
            slots.set(index, (tree, normalizedImportances(importances), inBag))
        }
        let threads = min(count, hyperparameters.jobs.flatMap { $0 > 0 ? $0 : nil } ?? ProcessInfo.processInfo.activeProcessorCount)
        forEachIndexInParallel(count, threads: threads, growTree)
        let grown = slots.values
        let trees = grown.map(\.tree)
        var importances = [Double](repeating: 0, count: dataset.featureCount)
        for entry in grown { for f in importances.indices { importances[f] += entry.importances[f] / Double(count) } }
        var forest = FittedRandomForest(trees: trees, featureImportances: normalizedImportances(importances), classNames: dataset.classNames)
        if hyperparameters.outOfBagScore {
            forest.outOfBagScore = outOfBag(forest, grown.map(\.inBag), dataset)
        }
        return forest
    }

    /// The score of each row predicted by the trees that did not see it (rows every tree saw are
    /// left out).
    private func outOfBag(_ forest: FittedRandomForest, _ inBag: [[Bool]], _ dataset: Dataset) -> Double {
        let outputs = forest.trees[0].outputs
        var sums = [Double](repeating: 0, count: dataset.rowCount * outputs)
        var votes = [Int](repeating: 0, count: dataset.rowCount)
        dataset.features.withUnsafeBufferPointer { x in
            for (tree, bag) in zip(forest.trees, inBag) {
                for row in 0..<dataset.rowCount where !bag[row] {
                    let leaf = tree.leaf(x.baseAddress! + row * dataset.featureCount)
                    for k in 0..<outputs { sums[row * outputs + k] += tree.values[leaf * outputs + k] }
                    votes[row] += 1
                }
            }
        }
        let rows = (0..<dataset.rowCount).filter { votes[$0] > 0 }
        guard !rows.isEmpty else { return .nan }
        if dataset.task.classCount == nil {
            return rSquared(predicted: rows.map { sums[$0] / Double(votes[$0]) }, actual: rows.map { Double(dataset.targets[$0]) })
        }
        let predicted = rows.map { row in (0..<outputs).max { sums[row * outputs + $0] < sums[row * outputs + $1] }! }
        return accuracy(predicted: predicted, actual: rows.map { dataset.classIndices[$0] })
    }
}

/// A fitted ``RandomForest``.
public struct FittedRandomForest: FittedModel {
    public var trees: [TreeStructure]
    /// Mean of the trees' normalised importances, summing to 1.
    public var featureImportances: [Double]
    public var classNames: [String]
    /// Accuracy or R² on out-of-bag rows, when asked for.
    public var outOfBagScore: Double?
    public var reports: [EpochReport] { [] }

    /// `rows × classes` mean of the trees' leaf class frequencies (soft voting), rows split across
    /// the cores in large blocks, each block walked tree by tree so a tree stays in cache while
    /// its rows stream through (each row still adds the trees in the same order, so the result does
    /// not depend on the thread count).
    public func predictProbabilities(_ features: Tensor<Float>) -> Tensor<Float> {
        let outputs = trees[0].outputs
        let (rows, width) = (features.rows, features.columns)
        var sums = [Double](repeating: 0, count: rows * outputs)
        let weight = 1 / Double(trees.count)
        let threads = rows >= 2048 ? ProcessInfo.processInfo.activeProcessorCount : 1
        let block = max(256, rows / (2 * max(1, threads)))
        let blocks = (rows + block - 1) / block
        let trees = self.trees
        features.withUnsafeBufferPointer { x in
            sums.withUnsafeMutableBufferPointer { s in
                nonisolated(unsafe) let (input, output) = (x.baseAddress!, s.baseAddress!)
                forEachIndexInParallel(blocks, threads: threads) { index in
                    let range = (index * block)..<min(rows, (index + 1) * block)
                    for tree in trees { tree.accumulate(input, width: width, rows: range, weight: weight, into: output) }
                }
            }
        }
        return Tensor(shape: [rows, outputs], scalars: sums.map { Float($0) })
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
