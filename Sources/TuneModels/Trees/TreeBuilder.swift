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
/// still separates every pair of distinct rows.
///
/// Rows carry weights (bootstrap counts × class weights); rows of weight 0 are left out. Growth is
/// depth-first, or best-first by impurity decrease when `maxLeafNodes` is set.
struct TreeBuilder {
    /// Column-major features: `columns[f][row]`.
    let columns: [[Float]]
    let bins: FeatureBins
    /// Class index per row (classification) or target value (regression).
    let targets: [Double]
    let weights: [Double]
    /// 0 for regression.
    let classCount: Int
    let settings: TreeHyperparameters
    var generator: SeededGenerator

    private var samples: [Int32] = []
    private var scratch: [(value: Float, sample: Int32)] = []
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
        columns: [[Float]], bins: FeatureBins, targets: [Double], weights: [Double], classCount: Int,
        settings: TreeHyperparameters, generator: SeededGenerator
    ) {
        self.columns = columns
        self.bins = bins
        self.targets = targets
        self.weights = weights
        self.classCount = classCount
        self.settings = settings
        self.generator = generator
        tree = TreeStructure(outputs: max(classCount, 1))
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

    /// Grows the tree on every row with non-zero weight.
    mutating func build() -> TreeStructure {
        samples = (0..<targets.count).filter { weights[$0] > 0 }.map { Int32($0) }
        scratch = Array(repeating: (0, 0), count: samples.count)
        totalWeight = samples.reduce(0) { $0 + weights[Int($1)] }
        var frontier = [makePending(start: 0, end: samples.count, depth: 0)]
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
            let leftChild = makePending(start: pending.start, end: middle, depth: pending.depth + 1)
            let rightChild = makePending(start: middle, end: pending.end, depth: pending.depth + 1)
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

    /// Adds the node for `start..<end` and finds its best split, if it may be split.
    private mutating func makePending(start: Int, end: Int, depth: Int) -> Pending {
        let (value, impurity, weight) = nodeStatistics(start, end)
        let node = tree.addNode(depth: depth, samples: end - start, value: value)
        let count = end - start
        let splittable = count >= settings.minSamplesSplit && count >= 2 * settings.minSamplesLeaf
            && depth < (settings.maxDepth ?? Int.max) && impurity > 0
        var split: Split?
        if splittable {
            // Large nodes try the histogram first; if no bin boundary separates their rows (more
            // than 256 distinct values share every bin), the exact search still splits them.
            let large = count >= Self.histogramThreshold
            split = bestSplit(start, end, impurity: impurity, weight: weight, useHistogram: large)
            if split == nil && large { split = bestSplit(start, end, impurity: impurity, weight: weight, useHistogram: false) }
        }
        return Pending(node: node, start: start, end: end, depth: depth, split: split)
    }

    /// The node's value (class distribution or mean), impurity and total weight.
    private func nodeStatistics(_ start: Int, _ end: Int) -> (value: [Double], impurity: Double, weight: Double) {
        var weight = 0.0
        if classCount > 0 {
            var counts = [Double](repeating: 0, count: classCount)
            for position in start..<end {
                let sample = Int(samples[position])
                counts[Int(targets[sample])] += weights[sample]
                weight += weights[sample]
            }
            return (counts.map { $0 / weight }, classImpurity(counts, weight), weight)
        }
        var sum = 0.0, squares = 0.0
        for position in start..<end {
            let sample = Int(samples[position])
            let w = weights[sample], y = targets[sample]
            weight += w
            sum += w * y
            squares += w * y * y
        }
        let mean = sum / weight
        // A variance within rounding error of zero (relative to the targets' scale) is a pure node.
        let variance = squares / weight - mean * mean
        return ([mean], variance > 1e-12 * max(1, squares / weight) ? variance : 0, weight)
    }

    private func classImpurity(_ counts: [Double], _ weight: Double) -> Double {
        guard weight > 0 else { return 0 }
        if settings.criterion == .entropy { return entropy(counts, weight) }
        return 1 - counts.reduce(0) { $0 + ($1 / weight) * ($1 / weight) }
    }

    private func entropy(_ counts: [Double], _ weight: Double) -> Double {
        var total = 0.0
        for count in counts where count > 0 { total -= (count / weight) * log2(count / weight) }
        return total
    }

    /// Scores the thresholds of up to `maxFeatures` non-constant features drawn at random.
    private mutating func bestSplit(_ start: Int, _ end: Int, impurity: Double, weight: Double, useHistogram: Bool) -> Split? {
        let featureCount = columns.count
        let maxFeatures = (settings.maxFeatures ?? .all).resolved(featureCount: featureCount)
        var order = Array(0..<featureCount)
        var best: (feature: Int, threshold: Float, childImpurity: Double)?
        var visited = 0
        var drawn = 0
        let count = end - start
        let minimumLeaf = settings.minSamplesLeaf
        var leftCounts = [Double](repeating: 0, count: max(classCount, 1))
        var rightCounts = [Double](repeating: 0, count: max(classCount, 1))
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
            let column = columns[feature]
            for offset in 0..<count {
                let sample = samples[start + offset]
                scratch[offset] = (column[Int(sample)], sample)
            }
            scratch.withUnsafeMutableBufferPointer { buffer in
                sortByValue(UnsafeMutableBufferPointer(rebasing: buffer[0..<count]))
            }
            if scratch[0].value >= scratch[count - 1].value { continue }
            visited += 1
            // Running statistics of both sides as rows move from right to left, O(1) per row for
            // Gini and squared error (sums of squares kept incrementally), O(classes) for entropy.
            var leftWeight = 0.0, leftSum = 0.0, leftSquares = 0.0
            var rightSum = 0.0, rightSquares = 0.0
            if classCount > 0 {
                for k in 0..<classCount { leftCounts[k] = 0; rightCounts[k] = 0 }
                for offset in 0..<count {
                    let sample = Int(scratch[offset].sample)
                    rightCounts[Int(targets[sample])] += weights[sample]
                }
                rightSquares = rightCounts.reduce(0) { $0 + $1 * $1 }
            } else {
                for offset in 0..<count {
                    let sample = Int(scratch[offset].sample)
                    rightSum += weights[sample] * targets[sample]
                    rightSquares += weights[sample] * targets[sample] * targets[sample]
                }
            }
            for offset in 0..<(count - 1) {
                let sample = Int(scratch[offset].sample)
                let w = weights[sample], y = targets[sample]
                leftWeight += w
                if classCount > 0 {
                    let k = Int(y)
                    let (l, r) = (leftCounts[k], rightCounts[k])
                    leftSquares += (l + w) * (l + w) - l * l
                    rightSquares += (r - w) * (r - w) - r * r
                    leftCounts[k] = l + w
                    rightCounts[k] = r - w
                } else {
                    leftSum += w * y
                    leftSquares += w * y * y
                    rightSum -= w * y
                    rightSquares -= w * y * y
                }
                let leftRows = offset + 1
                if leftRows < minimumLeaf { continue }
                if count - leftRows < minimumLeaf { break }
                let value = scratch[offset].value, next = scratch[offset + 1].value
                if next <= value { continue }
                let rightWeight = weight - leftWeight
                let childImpurity: Double
                if classCount == 0 {
                    childImpurity = (leftSquares - leftSum * leftSum / leftWeight + rightSquares - rightSum * rightSum / rightWeight) / weight
                } else if settings.criterion == .entropy {
                    childImpurity = (leftWeight * entropy(leftCounts, leftWeight) + rightWeight * entropy(rightCounts, rightWeight)) / weight
                } else {
                    childImpurity = (leftWeight - leftSquares / leftWeight + rightWeight - rightSquares / rightWeight) / weight
                }
                if best == nil || childImpurity < best!.childImpurity - 1e-12 {
                    var threshold = value / 2 + next / 2
                    if threshold >= next || threshold < value { threshold = value }
                    best = (feature, threshold, childImpurity)
                }
            }
        }
        guard let best else { return nil }
        let improvement = weight / totalWeight * (impurity - best.childImpurity)
        guard improvement >= settings.minImpurityDecrease - 1e-12, improvement > 0 || impurity > 0 else { return nil }
        return Split(feature: best.feature, threshold: best.threshold, improvement: improvement)
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
        let codes = bins.codes[feature], edges = bins.upperEdges[feature]
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
    private mutating func partition(_ start: Int, _ end: Int, _ split: Split) -> Int {
        importances[split.feature] += split.improvement
        let column = columns[split.feature]
        var middle = start
        for position in start..<end where column[Int(samples[position])] <= split.threshold {
            samples.swapAt(position, middle)
            middle += 1
        }
        return middle
    }
}
