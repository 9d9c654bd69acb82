import TuneModels

/// The boxes a fitted regression tree cuts the unit box into, with the prediction in each:
/// what fANOVA decomposes. Features are coordinates of the unit box, so a box's volume is the
/// product of its widths and the whole space has volume 1.
struct TreePartition {
    /// Per leaf, the lower and upper corner of its box.
    private(set) var lower: [[Double]] = []
    private(set) var upper: [[Double]] = []
    private(set) var predictions: [Double] = []
    let dimension: Int

    init(_ tree: TreeStructure, dimension: Int) {
        self.dimension = dimension
        var stack: [(node: Int, low: [Double], high: [Double])] = [(0, Array(repeating: 0, count: dimension), Array(repeating: 1, count: dimension))]
        while let (node, low, high) = stack.popLast() {
            let feature = Int(tree.feature[node])
            guard feature >= 0 else {
                lower.append(low)
                upper.append(high)
                predictions.append(tree.values[node * tree.outputs])
                continue
            }
            let threshold = min(max(Double(tree.threshold[node]), low[feature]), high[feature])
            var leftHigh = high, rightLow = low
            leftHigh[feature] = threshold
            rightLow[feature] = threshold
            stack.append((Int(tree.left[node]), low, leftHigh))
            stack.append((Int(tree.right[node]), rightLow, high))
        }
    }

    private func volume(ofLeaf leaf: Int, excluding features: [Int] = []) -> Double {
        var product = 1.0
        for d in 0..<dimension where !features.contains(d) { product *= upper[leaf][d] - lower[leaf][d] }
        return product
    }

    /// The mean prediction over the unit box.
    var mean: Double {
        predictions.indices.reduce(0) { $0 + volume(ofLeaf: $1) * predictions[$1] }
    }

    /// The variance of the prediction over the unit box around `mean`.
    func variance(around mean: Double) -> Double {
        predictions.indices.reduce(0) { total, leaf in
            let deviation = predictions[leaf] - mean
            return total + volume(ofLeaf: leaf) * deviation * deviation
        }
    }

    /// The marginal prediction over `features` (one or two coordinates): each leaf adds its
    /// prediction times the volume of its box in the other coordinates to every cell its box
    /// covers, through a difference array, so the cost is leaves + cells.
    func marginal(over features: [Int]) -> MarginalGrid {
        precondition(features.count == 1 || features.count == 2, "marginals over one or two coordinates")
        let cuts = features.map { feature in
            Array(Set(lower.map { $0[feature] } + upper.map { $0[feature] } + [0, 1])).sorted()
        }
        let positions = cuts.map { boundaries in Dictionary(uniqueKeysWithValues: boundaries.enumerated().map { ($1, $0) }) }
        let counts = cuts.map { $0.count - 1 }
        let columns = counts.count == 2 ? counts[1] : 1
        // One extra row and column so a box's far edge always has a slot.
        var differences = [Double](repeating: 0, count: (counts[0] + 1) * (columns + 1))
        for leaf in predictions.indices {
            let weight = predictions[leaf] * volume(ofLeaf: leaf, excluding: features)
            let first = features.indices.map { positions[$0][lower[leaf][features[$0]]]! }
            let last = features.indices.map { positions[$0][upper[leaf][features[$0]]]! }
            if features.count == 1 {
                differences[first[0]] += weight
                differences[last[0]] -= weight
            } else {
                let stride = columns + 1
                differences[first[0] * stride + first[1]] += weight
                differences[first[0] * stride + last[1]] -= weight
                differences[last[0] * stride + first[1]] -= weight
                differences[last[0] * stride + last[1]] += weight
            }
        }
        var values = [Double](repeating: 0, count: counts[0] * columns)
        if features.count == 1 {
            var running = 0.0
            for cell in 0..<counts[0] {
                running += differences[cell]
                values[cell] = running
            }
        } else {
            let stride = columns + 1
            // Prefix sums along rows, then down columns.
            for row in 0...counts[0] { for column in 1...columns { differences[row * stride + column] += differences[row * stride + column - 1] } }
            for row in 1...counts[0] { for column in 0...columns { differences[row * stride + column] += differences[(row - 1) * stride + column] } }
            for row in 0..<counts[0] { for column in 0..<columns { values[row * columns + column] = differences[row * stride + column] } }
        }
        return MarginalGrid(cuts: cuts, values: values)
    }
}
