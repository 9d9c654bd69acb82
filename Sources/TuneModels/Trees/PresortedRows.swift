/// A tree's rows sorted by every feature, arranged so that each node's rows occupy the same range
/// of every feature's list: splitting a node partitions each list stably, so the children's rows
/// stay sorted by every feature and no node sorts again (the presorting of SLIQ, Mehta et al. 1996,
/// and of scikit-learn's early trees).
///
/// Splitting a node of m rows costs O(m · features) instead of O(m · log m · drawn features) for
/// sorting, which wins on small data where every drawn feature would be sorted at every node.
struct PresortedRows {
    /// Rows per list (the tree's rows of non-zero weight).
    let count: Int
    private let featureCount: Int
    /// `lists[f · count + i]`: the i-th row in ascending order of feature f, node by node.
    private var lists: [Int32]
    /// The right child's rows while one list is partitioned.
    private var spill: [Int32]
    /// 1 where a row (by its index in the data) goes to the left child of the split in progress,
    /// else 0: a number, so the partitions below move on by adding it, without a branch.
    private var goesLeft: [UInt8]

    /// The rows of non-zero weight, from each feature's ascending order of all rows.
    init(sortedRows: [[Int32]], weights: [Double]) {
        featureCount = sortedRows.count
        count = weights.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        let count = self.count
        // One extra slot: every row is written, the write position moving on only for kept rows.
        lists = [Int32](unsafeUninitializedCapacity: featureCount * count + 1) { lists, initialized in
            weights.withUnsafeBufferPointer { weights in
                var write = 0
                for order in sortedRows {
                    for row in order {
                        lists[write] = row
                        write += weights[Int(row)] > 0 ? 1 : 0
                    }
                }
                initialized = write
            }
        }
        spill = [Int32](repeating: 0, count: count)
        goesLeft = [UInt8](repeating: 0, count: weights.count)
    }

    /// Calls `body` with the rows of `range` in ascending order of `feature`.
    func withRows<Result>(of feature: Int, in range: Range<Int>, _ body: (UnsafeBufferPointer<Int32>) -> Result) -> Result {
        lists.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[(feature * count + range.lowerBound)..<(feature * count + range.upperBound)]))
        }
    }

    /// Starts splitting the node of `range` at `values[row] <= threshold`, where `values` is
    /// feature `feature`'s column: marks each row's side and moves the left rows first in the
    /// lists of `feature` (already in order: its left rows are a prefix) and of feature 0 (which
    /// gives the children's rows to whoever asks); returns the first position of the right child.
    /// Until ``finishPartition(_:splitFeature:)``, the other lists keep the parent's order, which
    /// only children that are never split can afford.
    mutating func startPartition(_ range: Range<Int>, feature: Int, values: [Float], threshold: Float) -> Int {
        let count = self.count
        var middle = range.lowerBound
        values.withUnsafeBufferPointer { values in
            lists.withUnsafeMutableBufferPointer { lists in
                goesLeft.withUnsafeMutableBufferPointer { goesLeft in
                    for position in (feature * count + range.lowerBound)..<(feature * count + range.upperBound) {
                        let row = Int(lists[position])
                        let left: UInt8 = values[row] <= threshold ? 1 : 0
                        goesLeft[row] = left
                        middle &+= Int(left)
                    }
                }
            }
        }
        if feature != 0 { partitionList(0, range) }
        return middle
    }

    /// Finishes the split that ``startPartition(_:feature:values:threshold:)`` started: orders
    /// every other list by the same sides.
    mutating func finishPartition(_ range: Range<Int>, splitFeature: Int) {
        for feature in 1..<featureCount where feature != splitFeature { partitionList(feature, range) }
    }

    /// Moves the rows of `range` marked left first in feature `feature`'s list, keeping the order.
    private mutating func partitionList(_ feature: Int, _ range: Range<Int>) {
        let base = feature * count
        lists.withUnsafeMutableBufferPointer { lists in
            spill.withUnsafeMutableBufferPointer { spill in
                goesLeft.withUnsafeBufferPointer { goesLeft in
                    var write = base &+ range.lowerBound
                    var spilled = 0
                    for position in (base + range.lowerBound)..<(base + range.upperBound) {
                        // Both destinations are written; only the row's side moves on.
                        let row = lists[position]
                        let left = Int(goesLeft[Int(row)])
                        lists[write] = row
                        spill[spilled] = row
                        write &+= left
                        spilled &+= 1 &- left
                    }
                    for index in 0..<spilled { lists[write &+ index] = spill[index] }
                }
            }
        }
    }
}
