import Foundation
import TuneData
import TuneModels
import TuneSearch
import TuneTensor

/// Hyperparameter importance by functional ANOVA (Hutter, Hoos and Leyton-Brown 2014, "An
/// Efficient Approach for Assessing Hyperparameter Importance"), as Optuna's
/// `FanovaImportanceEvaluator`: a random forest (the toolkit's own, Optuna's settings: 64 trees,
/// depth ≤ 64, all features) is fitted to the completed trials' values with the parameters in the
/// unit box (log parameters in log space, categories as equal slices), and each tree's prediction
/// is decomposed exactly over its partition of the box.
public struct FanovaImportance: Sendable {
    public var trees = 64
    public var seed: UInt64 = 0
    /// Pairs are computed among this many of the most important parameters (their count grows
    /// with its square; interactions of unimportant parameters are small by construction).
    public var pairedParameters = 6
    /// Cells per side of the heat map's grid.
    public var surfaceResolution = 40

    public init(seed: UInt64 = 0) {
        self.seed = seed
    }

    /// The parameters fANOVA can decompose over: those of every completed trial with one
    /// distribution and more than one value, by name.
    public static func space(of trials: [TrialRecord]) -> SearchSpace? {
        let completed = trials.filter { $0.state == .complete && $0.value?.isFinite == true }
        guard let first = completed.first else { return nil }
        let parameters = first.distributions.keys.sorted().compactMap { name -> SearchSpace.Parameter? in
            let distribution = first.distributions[name]!
            guard !distribution.isSingleValue, completed.allSatisfy({ $0.distributions[name] == distribution }) else { return nil }
            return SearchSpace.Parameter(name, distribution)
        }
        return try? SearchSpace(parameters)
    }

    /// The importances over the completed trials, or nil when fewer than two completed trials
    /// share a parameter or their values do not vary.
    public func evaluate(_ trials: [TrialRecord]) throws -> ParameterImportances? {
        guard let space = Self.space(of: trials), !space.isEmpty else { return nil }
        let completed = trials.filter { $0.state == .complete && $0.value?.isFinite == true }
        let values = completed.map { $0.value! }
        guard completed.count >= 2, let low = values.min(), let high = values.max(), high > low else { return nil }
        let transform = SearchSpaceTransform(space)
        let width = space.count
        let points = completed.flatMap { transform.encode($0.internalParameters).map(Float.init) }
        // Standardised targets keep Float precision whatever the objective's scale.
        let mean = values.reduce(0, +) / Double(values.count)
        let spread = max(high - low, .leastNormalMagnitude)
        let dataset = Dataset(name: "trials", features: Tensor(shape: [completed.count, width], scalars: points),
                              targets: values.map { Float(($0 - mean) / spread) }, task: .regression)
        var settings = ForestHyperparameters()
        settings.estimators = trees
        settings.tree.maxDepth = 64
        settings.tree.maxFeatures = .all
        settings.tree.seed = seed
        let forest = try RandomForest(settings).fit(dataset)
        let partitions = forest.trees.map { TreePartition($0, dimension: width) }
        let decomposed = partitions.map { partition in (partition, partition.mean, partition.variance(around: partition.mean)) }
            .filter { $0.2 > 1e-12 }
        guard !decomposed.isEmpty else { return nil }

        let names = space.names
        var singleByFeature = [Double](repeating: 0, count: width)
        var perTreeSingle = [[Double]](repeating: [], count: decomposed.count)
        for (index, tree) in decomposed.enumerated() {
            perTreeSingle[index] = (0..<width).map { tree.0.marginal(over: [$0]).variance(around: tree.1) }
            for feature in 0..<width { singleByFeature[feature] += perTreeSingle[index][feature] / tree.2 / Double(decomposed.count) }
        }
        let ranked = (0..<width).sorted { singleByFeature[$0] > singleByFeature[$1] }
        let paired = Array(ranked.prefix(pairedParameters)).sorted()
        var pairs: [ParameterImportances.Entry] = []
        for (position, i) in paired.enumerated() {
            for j in paired[(position + 1)...] {
                var total = 0.0
                for (index, tree) in decomposed.enumerated() {
                    let joint = tree.0.marginal(over: [i, j]).variance(around: tree.1)
                    total += max(joint - perTreeSingle[index][i] - perTreeSingle[index][j], 0) / tree.2
                }
                pairs.append(.init(parameters: [names[i], names[j]], importance: total / Double(decomposed.count)))
            }
        }
        var surface: MarginalSurface?
        if ranked.count >= 2 {
            let (first, second) = (ranked[0], ranked[1])
            let resolution = surfaceResolution
            var grid = [Double](repeating: 0, count: resolution * resolution)
            for tree in decomposed {
                let marginal = tree.0.marginal(over: [first, second])
                for row in 0..<resolution {
                    for column in 0..<resolution {
                        let point = [(Double(row) + 0.5) / Double(resolution), (Double(column) + 0.5) / Double(resolution)]
                        grid[row * resolution + column] += marginal.value(at: point) / Double(decomposed.count)
                    }
                }
            }
            surface = MarginalSurface(parameters: (names[first], names[second]), resolution: resolution,
                                      values: grid.map { $0 * spread + mean })
        }
        return ParameterImportances(
            single: ranked.map { .init(parameters: [names[$0]], importance: singleByFeature[$0]) },
            pairs: pairs.sorted { $0.importance > $1.importance },
            surface: surface, trialCount: completed.count)
    }
}
