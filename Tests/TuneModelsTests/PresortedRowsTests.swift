import Testing
import TuneData
import TuneTensor
@testable import TuneModels

/// Presorted rows and sorting at each node must grow the same trees: the same splits, thresholds,
/// node sizes and leaf values, whatever the task, criterion, leaf size, depth or weights.
struct PresortedRowsTests {
    /// Rows with repeated values (rounded to a grid) so ties between rows are common.
    static func dataset(rows: Int, features: Int, classes: Int?, seed: UInt64) -> Dataset {
        var generator = SeededGenerator(seed: seed)
        let x = Tensor<Float>(shape: [rows, features], scalars: (0..<(rows * features)).map { _ in Float(generator.integer(in: 0..<25)) / 4 })
        guard let classes else {
            let y = (0..<rows).map { row in x[row, 0] * 2 - x[row, 1] + Float(generator.normal()) }
            return Dataset(name: "r", features: x, targets: y, task: .regression)
        }
        let y = (0..<rows).map { row in Float((Int(x[row, 0] + x[row, 1]) + generator.integer(in: 0..<2)) % classes) }
        return Dataset(name: "c", features: x, targets: y, task: .classification(classNames: (0..<classes).map(String.init)))
    }

    @Test func presortedAndSortingEachNodeGrowTheSameTrees() {
        var settings: [TreeHyperparameters] = []
        for criterion in [SplitCriterion.gini, .entropy] {
            for (leaf, depth, features) in [(1, nil, MaximumFeatures.all), (3, 4, .squareRoot), (2, nil, .count(2))] as [(Int, Int?, MaximumFeatures)] {
                var tree = TreeHyperparameters()
                tree.criterion = criterion
                tree.minSamplesLeaf = leaf
                tree.maxDepth = depth
                tree.maxFeatures = features
                tree.seed = UInt64(leaf)
                settings.append(tree)
            }
        }
        for (index, classes) in [2, 3, nil].enumerated() {
            let data = Self.dataset(rows: 300, features: 6, classes: classes, seed: UInt64(index))
            let training = TreeTrainingData(data, classWeight: classes == 3 ? "balanced" : nil)
            var generator = SeededGenerator(seed: 40 + UInt64(index))
            // Bootstrap-like integer weights, some rows left out.
            let weights = training.baseWeights.map { $0 * Double(generator.integer(in: 0..<3)) }
            for var setting in settings {
                if classes == nil { setting.criterion = .squaredError }
                let random = SeededGenerator(seed: setting.seed)
                let (presorted, presortedImportances) = training.grow(settings: setting, weights: weights, generator: random, search: .presorted)
                let (sorted, sortedImportances) = training.grow(settings: setting, weights: weights, generator: random, search: .sortingEachNode)
                #expect(presorted.nodeCount > 3)
                #expect(presorted.feature == sorted.feature)
                #expect(presorted.threshold == sorted.threshold)
                #expect(presorted.sampleCount == sorted.sampleCount)
                #expect(zip(presorted.values, sorted.values).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($1)) })
                #expect(zip(presortedImportances, sortedImportances).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($1)) })
            }
        }
    }
}
