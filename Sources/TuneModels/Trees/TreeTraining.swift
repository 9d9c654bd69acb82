import TuneData
import TuneTensor

/// What every tree model prepares before growing: column-major features, targets as Doubles and
/// per-row weights (class weights included).
struct TreeTrainingData: Sendable {
    let columns: [[Float]]
    /// Every row in ascending order of each feature (ties by row), sorted once for all the trees.
    let sortedRows: [[Int32]]
    /// Quantile bins for splitting large nodes by histogram (nil when no node can be that large).
    let bins: FeatureBins?
    let targets: [Double]
    let baseWeights: [Double]
    /// 0 for regression.
    let classCount: Int

    init(_ dataset: Dataset, classWeight: String?) {
        let (rows, width) = (dataset.rowCount, dataset.featureCount)
        var columns = [[Float]](repeating: [Float](repeating: 0, count: rows), count: width)
        dataset.features.withUnsafeBufferPointer { x in
            for row in 0..<rows {
                for column in 0..<width { columns[column][row] = x[row * width + column] }
            }
        }
        self.columns = columns
        sortedRows = columns.map { column in
            (0..<Int32(rows)).sorted { column[Int($0)] < column[Int($1)] || (column[Int($0)] == column[Int($1)] && $0 < $1) }
        }
        bins = rows >= TreeBuilder.histogramThreshold ? FeatureBins(columns: columns) : nil
        targets = dataset.targets.map(Double.init)
        classCount = dataset.task.classCount ?? 0
        if classCount > 0, classWeight == "balanced" {
            // n / (classes · count of the class), as scikit-learn's "balanced".
            var counts = [Double](repeating: 0, count: classCount)
            for label in dataset.classIndices { counts[label] += 1 }
            let classes = Double(counts.filter { $0 > 0 }.count)
            baseWeights = dataset.classIndices.map { Double(rows) / (classes * counts[$0]) }
        } else {
            baseWeights = [Double](repeating: 1, count: rows)
        }
    }

    /// Grows one tree with row weights `weights`; returns it and its unnormalised importances.
    func grow(
        settings: TreeHyperparameters, weights: [Double], generator: SeededGenerator, search: TreeBuilder.ExactSearch = .cheapest
    ) -> (TreeStructure, [Double]) {
        var builder = TreeBuilder(
            columns: columns, sortedRows: sortedRows, bins: bins, targets: targets, weights: weights, classCount: classCount, settings: settings,
            generator: generator)
        let tree = builder.build(search: search)
        return (tree, builder.importances)
    }
}

/// Importances scaled to sum to 1 (all zero for a tree that never split).
func normalizedImportances(_ raw: [Double]) -> [Double] {
    let total = raw.reduce(0, +)
    return total > 0 ? raw.map { $0 / total } : raw
}
