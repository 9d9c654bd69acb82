import Foundation
import TuneTensor

/// Grows one CART tree (Breiman et al. 1984) with exact splits, as scikit-learn's `BestSplitter`:
/// at each node, for each of `maxFeatures` randomly drawn features, the node's rows are sorted by
/// that feature and every threshold between distinct neighbouring values (the midpoint) is scored
/// by the weighted impurity of the two children; the best one wins.
///
/// Nodes of at least ``histogramThreshold`` rows are split by histogram instead (thresholds at the
/// upper edges of 256 quantile bins, O(rows) rather than O(rows·log rows), as LightGBM and
/// scikit-learn's histogram boosting); smaller nodes always split exactly, so a fully grown tree
/// still separates every pair of distinct rows. A tree whose rows are all below that threshold
/// keeps its rows presorted by every feature (``PresortedRows``) instead of sorting at each node
/// when that is less work, which it is on small data; the splits are the same either way.
///
/// Rows carry weights (bootstrap counts × class weights); rows of weight 0 are left out. Growth is
/// depth-first, or best-first by impurity decrease when `maxLeafNodes` is set.
struct TreeBuilder {
    /// Column-major features: `columns[f][row]`.
    let columns: [[Float]]
    /// Every row in ascending order of each feature: `sortedRows[f]`.
    let sortedRows: [[Int32]]
    /// Present whenever a node can reach ``histogramThreshold`` rows.
    let bins: FeatureBins?
    /// Class index per row (classification) or target value (regression).
    let targets: [Double]
    let weights: [Double]
    /// 0 for regression.
    let classCount: Int
    let settings: TreeHyperparameters
    var generator: SeededGenerator

    /// The rows of non-zero weight, each node's contiguous (when not presorted).
    private var samples: [Int32] = []
    /// The same rows sorted by every feature, on small data (then `samples` is empty).
    private var presorted: PresortedRows?
    /// A node's (value, row) pairs being sorted, then its rows in that order.
    private var scratch: [(value: Float, sample: Int32)] = []
    private var sortedScratch: [Int32] = []
    /// Class weights either side of a threshold, reused by every scan.
    private var leftCounts: [Double]
    private var rightCounts: [Double]
    /// Histogram buffers, reused by every node: rows per bin, and per-bin class weights or
    /// Σw, Σwy, Σwy².
    private var binRows = [Int](repeating: 0, count: 256)
    private var binStatistics: [Double] = []
    private var tree: TreeStructure
    private(set) var importances: [Double]
    private var totalWeight = 0.0

    /// Nodes with at least this many rows are split by histogram.
    static let histogramThreshold = 1024

    init(
        columns: [[Float]], sortedRows: [[Int32]], bins: FeatureBins?, targets: [Double], weights: [Double], classCount: Int,
        settings: TreeHyperparameters, generator: SeededGenerator
    ) {
        self.columns = columns
        self.sortedRows = sortedRows
        self.bins = bins
        self.targets = targets
        self.weights = weights
        self.classCount = classCount
        self.settings = settings
        self.generator = generator
        tree = TreeStructure(outputs: max(classCount, 1))
        leftCounts = [Double](repeating: 0, count: classCount)
        rightCounts = [Double](repeating: 0, count: classCount)
        importances = [Double](repeating: 0, count: columns.count)
    }

    /// A split of the rows in `start..<end`.
    private struct Split {
        var feature: Int
        var threshold: Float
        /// The improvement in weighted impurity, scaled as scikit-learn's
        /// `min_impurity_decrease`: (w_node / w_total)·(i_node − w_l/w_node·i_l − w_r/w_node·i_r).
        var improvement: Double
    }

    /// A node waiting to be split or made a leaf.
    private struct Pending {
        var node: Int
        var start: Int
        var end: Int
        var depth: Int
        var split: Split?
    }

    /// How nodes below the histogram threshold find their rows in each feature's order.
    enum ExactSearch {
        /// Presorted when ``presortingPays(rowCount:)``, else sorting at each node.
        case cheapest
        /// Always presorted (the tree's rows must be below the histogram threshold).
        case presorted
        /// Always sorting at each node.
        case sortingEachNode
    }

    /// Grows the tree on every row with non-zero weight; `search` chooses how exact splits see
    /// the rows in order (the tree is the same either way).
    mutating func build(search: ExactSearch = .cheapest) -> TreeStructure {
        let rows = (0..<targets.count).filter { weights[$0] > 0 }
        totalWeight = rows.reduce(0) { $0 + weights[$1] }
        let presort = switch search {
        case .cheapest: presortingPays(rowCount: rows.count)
        case .presorted: true
        case .sortingEachNode: false
        }
        if presort {
            presorted = PresortedRows(sortedRows: sortedRows, weights: weights)
        } else {
            samples = rows.map { Int32($0) }
            scratch = Array(repeating: (0, 0), count: rows.count)
            sortedScratch = [Int32](repeating: 0, count: rows.count)
        }
        var frontier = [makePending(start: 0, end: rows.count, depth: 0, statistics: nodeStatistics(0, rows.count))]
        var leaves = 1
        while !frontier.isEmpty {
            let index: Int
            if settings.maxLeafNodes != nil {
                index = frontier.indices.max { (frontier[$0].split?.improvement ?? -1) < (frontier[$1].split?.improvement ?? -1) }!
            } else {
                index = frontier.count - 1
            }
            let pending = frontier.remove(at: index)
            guard let split = pending.split, leaves < (settings.maxLeafNodes ?? Int.max) else { continue }
            let middle = partition(pending.start, pending.end, split)
            let childDepth = pending.depth + 1
            let (left, right) = (nodeStatistics(pending.start, middle), nodeStatistics(middle, pending.end))
            // Presorted lists are put in the children's order only if a child may be split.
            if presorted != nil,
               maySplit(rows: middle - pending.start, depth: childDepth, impurity: left.impurity)
                || maySplit(rows: pending.end - middle, depth: childDepth, impurity: right.impurity) {
                presorted!.finishPartition(pending.start..<pending.end, splitFeature: split.feature)
            }
            let leftChild = makePending(start: pending.start, end: middle, depth: childDepth, statistics: left)
            let rightChild = makePending(start: middle, end: pending.end, depth: childDepth, statistics: right)
            tree.feature[pending.node] = Int32(split.feature)
            tree.threshold[pending.node] = split.threshold
            tree.left[pending.node] = Int32(leftChild.node)
            tree.right[pending.node] = Int32(rightChild.node)
            leaves += 1
            frontier.append(rightChild)
            frontier.append(leftChild)
        }
        tree.packNodes()
        return tree
    }

    /// Whether a node of `rows` rows at `depth` with `impurity` may be split at all.
    private func maySplit(rows: Int, depth: Int, impurity: Double) -> Bool {
        rows >= settings.minSamplesSplit && rows >= 2 * settings.minSamplesLeaf && depth < (settings.maxDepth ?? Int.max)
            && impurity > 0
    }

    /// Whether keeping the rows presorted costs less than sorting at each node: no node is split by
    /// histogram, and partitioning every feature's list (∝ features) is cheaper than sorting the
    /// drawn features (∝ drawn · log₂ rows).
    private func presortingPays(rowCount: Int) -> Bool {
        guard rowCount < Self.histogramThreshold, rowCount > 1 else { return false }
        let drawn = (settings.maxFeatures ?? .all).resolved(featureCount: columns.count)
        return Double(drawn) * log2(Double(rowCount)) >= Double(columns.count)
    }

    /// Calls `body` with the rows of the node at `start..<end` (in no particular order).
    private func withNodeRows<Result>(_ start: Int, _ end: Int, _ body: (UnsafeBufferPointer<Int32>) -> Result) -> Result {
        if let presorted { return presorted.withRows(of: 0, in: start..<end, body) }
        return samples.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Adds the node for `start..<end` (with its ``nodeStatistics(_:_:)``) and finds its best
    /// split, if it may be split.
    private mutating func makePending(start: Int, end: Int, depth: Int, statistics: NodeStatistics) -> Pending {
        let (value, classWeights, impurity, weight) = statistics
        let node = tree.addNode(depth: depth, samples: end - start, value: value)
        var split: Split?
        if maySplit(rows: end - start, depth: depth, impurity: impurity) {
            let count = end - start
            // Large nodes try the histogram first; if no bin boundary separates their rows (more
            // than 256 distinct values share every bin), the exact search still splits them.
            let large = count >= Self.histogramThreshold
            split = bestSplit(start, end, impurity: impurity, weight: weight, classWeights: classWeights, useHistogram: large)
            if split == nil && large {
                split = bestSplit(start, end, impurity: impurity, weight: weight, classWeights: classWeights, useHistogram: false)
            }
        }
        return Pending(node: node, start: start, end: end, depth: depth, split: split)
    }

    /// A node's value (class distribution or mean), class weights (classification), impurity and
    /// total weight.
    private typealias NodeStatistics = (value: [Double], classWeights: [Double], impurity: Double, weight: Double)

    private func nodeStatistics(_ start: Int, _ end: Int) -> NodeStatistics {
        var weight = 0.0
        if classCount > 0 {
            var counts = [Double](repeating: 0, count: classCount)
            withNodeRows(start, end) { rows in
                for row in rows {
                    let sample = Int(row)
                    counts[Int(targets[sample])] += weights[sample]
                    weight += weights[sample]
                }
            }
            return (counts.map { $0 / weight }, counts, classImpurity(counts, weight), weight)
        }
        var sum = 0.0, squares = 0.0
        withNodeRows(start, end) { rows in
            for row in rows {
                let sample = Int(row)
                let w = weights[sample], y = targets[sample]
                weight += w
                sum += w * y
                squares += w * y * y
            }
        }
        let mean = sum / weight
        // A variance within rounding error of zero (relative to the targets' scale) is a pure node.
        let variance = squares / weight - mean * mean
        return ([mean], [], variance > 1e-12 * max(1, squares / weight) ? variance : 0, weight)
    }

    private func classImpurity(_ counts: [Double], _ weight: Double) -> Double {
        guard weight > 0 else { return 0 }
        if settings.criterion == .entropy { return entropy(counts, weight) }
        return 1 - counts.reduce(0) { $0 + ($1 / weight) * ($1 / weight) }
    }

    /// Scores the thresholds of up to `maxFeatures` non-constant features drawn at random.
    private mutating func bestSplit(
        _ start: Int, _ end: Int, impurity: Double, weight: Double, classWeights: [Double], useHistogram: Bool
    ) -> Split? {
        let featureCount = columns.count
        let maxFeatures = (settings.maxFeatures ?? .all).resolved(featureCount: featureCount)
        var order = Array(0..<featureCount)
        var best: (feature: Int, threshold: Float, childImpurity: Double)?
        var visited = 0
        var drawn = 0
        let count = end - start
        var (left, right) = (leftCounts, rightCounts)
        (leftCounts, rightCounts) = ([], [])
        defer { (leftCounts, rightCounts) = (left, right) }
        let (columns, weights, targets) = (self.columns, self.weights, self.targets)
        let (classCount, criterion, minimumLeaf) = (self.classCount, settings.criterion, settings.minSamplesLeaf)
        while visited < maxFeatures && drawn < featureCount {
            let pick = generator.integer(in: drawn..<featureCount)
            order.swapAt(drawn, pick)
            let feature = order[drawn]
            drawn += 1
            if useHistogram {
                switch histogramCandidate(start, end, feature: feature, weight: weight) {
                case .constant: continue
                case .noValidSplit: visited += 1
                case .found(let threshold, let childImpurity):
                    visited += 1
                    if best == nil || childImpurity < best!.childImpurity - 1e-12 { best = (feature, threshold, childImpurity) }
                }
                continue
            }
            func scan(_ rows: UnsafeBufferPointer<Int32>) -> (constant: Bool, found: (threshold: Float, childImpurity: Double)?) {
                columns[feature].withUnsafeBufferPointer { values in
                    if values[Int(rows[0])] >= values[Int(rows[count - 1])] { return (true, nil) }
                    return weights.withUnsafeBufferPointer { weights in
                        targets.withUnsafeBufferPointer { targets in
                            classWeights.withUnsafeBufferPointer { classWeights in
                                left.withUnsafeMutableBufferPointer { left in
                                    right.withUnsafeMutableBufferPointer { right in
                                        let scan = ThresholdScan(
                                            weights: weights, targets: targets, classCount: classCount, criterion: criterion,
                                            minimumLeaf: minimumLeaf, leftCounts: left, rightCounts: right)
                                        let found = scan.best(
                                            rows: rows, values: values, weight: weight, classWeights: classWeights, bar: best?.childImpurity)
                                        return (false, found)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            let outcome = presorted.map { $0.withRows(of: feature, in: start..<end, scan) } ?? sortedRows(start, end, by: feature, scan)
            if outcome.constant { continue }
            visited += 1
            if let found = outcome.found { best = (feature, found.threshold, found.childImpurity) }
        }
        guard let best else { return nil }
        let improvement = weight / totalWeight * (impurity - best.childImpurity)
        guard improvement >= settings.minImpurityDecrease - 1e-12, improvement > 0 || impurity > 0 else { return nil }
        return Split(feature: best.feature, threshold: best.threshold, improvement: improvement)
    }

    /// Sorts the node's rows by `feature` and calls `body` with them in that order.
    private mutating func sortedRows<Result>(
        _ start: Int, _ end: Int, by feature: Int, _ body: (UnsafeBufferPointer<Int32>) -> Result
    ) -> Result {
        let count = end - start
        let column = columns[feature]
        for offset in 0..<count {
            let sample = samples[start + offset]
            scratch[offset] = (column[Int(sample)], sample)
        }
        scratch.withUnsafeMutableBufferPointer { buffer in
            sortByValue(UnsafeMutableBufferPointer(rebasing: buffer[0..<count]))
        }
        for offset in 0..<count { sortedScratch[offset] = scratch[offset].sample }
        return sortedScratch.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<count])) }
    }

    /// The outcome of scoring one feature's histogram at a node.
    private enum HistogramCandidate {
        /// Every row of the node is in one bin.
        case constant
        case noValidSplit
        case found(threshold: Float, childImpurity: Double)
    }

    /// The best bin boundary of `feature` for the rows in `start..<end`.
    private mutating func histogramCandidate(_ start: Int, _ end: Int, feature: Int, weight: Double) -> HistogramCandidate {
        let codes = bins!.codes[feature], edges = bins!.upperEdges[feature]
        let binCount = edges.count
        let width = max(classCount, 1)
        let stride = classCount > 0 ? width : 3
        if binStatistics.count < 256 * stride { binStatistics = [Double](repeating: 0, count: 256 * stride) }
        for bin in 0..<binCount { binRows[bin] = 0 }
        for index in 0..<(binCount * stride) { binStatistics[index] = 0 }
        var rows = binRows, statistics = binStatistics
        binRows = []
        binStatistics = []
        defer {
            binRows = rows
            binStatistics = statistics
        }
        for position in start..<end {
            let sample = Int(samples[position])
            let bin = Int(codes[sample])
            rows[bin] += 1
            let w = weights[sample], y = targets[sample]
            if classCount > 0 {
                statistics[bin * width + Int(y)] += w
            } else {
                statistics[bin * 3] += w
                statistics[bin * 3 + 1] += w * y
                statistics[bin * 3 + 2] += w * y * y
            }
        }
        let occupied = rows.indices.filter { rows[$0] > 0 }
        guard occupied.count > 1 else { return .constant }
        var totals = [Double](repeating: 0, count: classCount > 0 ? width : 3)
        for bin in occupied { for j in totals.indices { totals[j] += statistics[bin * totals.count + j] } }
        var left = [Double](repeating: 0, count: totals.count)
        var right = totals
        var leftRows = 0
        let count = end - start
        var best: (threshold: Float, childImpurity: Double)?
        for bin in occupied.dropLast() {
            for j in totals.indices {
                left[j] += statistics[bin * totals.count + j]
                right[j] -= statistics[bin * totals.count + j]
            }
            leftRows += rows[bin]
            if leftRows < settings.minSamplesLeaf { continue }
            if count - leftRows < settings.minSamplesLeaf { break }
            let childImpurity: Double
            if classCount > 0 {
                let leftWeight = left.reduce(0, +), rightWeight = weight - leftWeight
                childImpurity = (leftWeight * classImpurity(left, leftWeight) + rightWeight * classImpurity(right, rightWeight)) / weight
            } else {
                let leftVariance = left[2] - left[1] * left[1] / left[0]
                let rightVariance = right[2] - right[1] * right[1] / right[0]
                childImpurity = (leftVariance + rightVariance) / weight
            }
            if best == nil || childImpurity < best!.childImpurity - 1e-12 { best = (edges[bin], childImpurity) }
        }
        guard let best else { return .noValidSplit }
        return .found(threshold: best.threshold, childImpurity: best.childImpurity)
    }

    /// Moves the rows of `start..<end` with `x[feature] <= threshold` first; returns the boundary.
    /// Presorted rows are moved in feature 0's and the split feature's lists only, until
    /// ``PresortedRows/finishPartition(_:splitFeature:)``.
    private mutating func partition(_ start: Int, _ end: Int, _ split: Split) -> Int {
        importances[split.feature] += split.improvement
        let column = columns[split.feature]
        if presorted != nil {
            return presorted!.startPartition(start..<end, feature: split.feature, values: column, threshold: split.threshold)
        }
        var middle = start
        for position in start..<end where column[Int(samples[position])] <= split.threshold {
            samples.swapAt(position, middle)
            middle += 1
        }
        return middle
    }
}
