/// A tree's marginal prediction over one or two coordinates of the unit box: the prediction
/// averaged over every other coordinate, constant on each cell of the grid the tree's splits on
/// those coordinates cut (Hutter, Hoos and Leyton-Brown 2014, §3).
struct MarginalGrid {
    /// For each coordinate, the cell boundaries from 0 to 1, ascending.
    let cuts: [[Double]]
    /// The marginal prediction per cell, row-major over the coordinates (the last varies fastest).
    let values: [Double]

    /// The volume-weighted variance of the marginal around `mean` (the tree's mean prediction).
    func variance(around mean: Double) -> Double {
        var total = 0.0
        forEachCell { index, volume in
            let deviation = values[index] - mean
            total += volume * deviation * deviation
        }
        return total
    }

    /// The marginal prediction at `point` (one coordinate per grid dimension, in 0...1).
    func value(at point: [Double]) -> Double {
        var index = 0
        for (dimension, boundaries) in cuts.enumerated() {
            index = index * (boundaries.count - 1) + Self.cell(containing: point[dimension], in: boundaries)
        }
        return values[index]
    }

    /// Calls `body` with each cell's flat index and volume.
    private func forEachCell(_ body: (Int, Double) -> Void) {
        let widths = cuts.map { boundaries in (1..<boundaries.count).map { boundaries[$0] - boundaries[$0 - 1] } }
        if widths.count == 1 {
            for (index, width) in widths[0].enumerated() { body(index, width) }
        } else {
            let columns = widths[1].count
            for (row, height) in widths[0].enumerated() {
                for (column, width) in widths[1].enumerated() { body(row * columns + column, height * width) }
            }
        }
    }

    /// The index of the cell of `boundaries` holding `x` (the last cell for x = 1).
    static func cell(containing x: Double, in boundaries: [Double]) -> Int {
        var low = 0, high = boundaries.count - 1
        // Invariant: boundaries[low] <= x < boundaries[high] (or x at the top edge).
        while high - low > 1 {
            let middle = (low + high) / 2
            if boundaries[middle] <= x { low = middle } else { high = middle }
        }
        return low
    }
}
