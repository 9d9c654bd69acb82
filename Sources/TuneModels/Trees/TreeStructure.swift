import TuneTensor

/// A fitted binary tree in flat arrays: node `i` splits on `feature[i]` at `threshold[i]`
/// (rows with `x[feature] <= threshold` go left) or is a leaf (`feature[i] == -1`) holding
/// `outputs` values (class probabilities, or the mean target) at `values[i·outputs ..< (i+1)·outputs]`.
public struct TreeStructure: Sendable, Codable, Equatable {
    public internal(set) var feature: [Int32] = []
    public internal(set) var threshold: [Float] = []
    public internal(set) var left: [Int32] = []
    public internal(set) var right: [Int32] = []
    public internal(set) var depth: [Int32] = []
    /// Training rows (with non-zero weight) that reached each node.
    public internal(set) var sampleCount: [Int32] = []
    public internal(set) var values: [Double] = []
    public let outputs: Int
    /// The split fields packed per node (one cache line fetch per node visited), built by
    /// ``packNodes()`` once the tree is grown; prediction walks these.
    private(set) var packed: [PackedNode] = []

    /// One node's split in 16 bytes: `feature < 0` marks a leaf.
    struct PackedNode: Sendable, Codable, Equatable {
        var feature: Int32
        var threshold: Float
        var left: Int32
        var right: Int32
    }

    /// Builds ``packed`` from the per-field arrays.
    mutating func packNodes() {
        packed = (0..<nodeCount).map { PackedNode(feature: feature[$0], threshold: threshold[$0], left: left[$0], right: right[$0]) }
    }

    init(outputs: Int) { self.outputs = outputs }

    /// The number of nodes.
    public var nodeCount: Int { feature.count }
    /// The number of leaves.
    public var leafCount: Int { feature.filter { $0 < 0 }.count }
    /// The depth of the deepest leaf (0 for a single leaf).
    public var maximumDepth: Int { Int(depth.max() ?? 0) }

    mutating func addNode(depth nodeDepth: Int, samples: Int, value: [Double]) -> Int {
        feature.append(-1)
        threshold.append(0)
        left.append(-1)
        right.append(-1)
        depth.append(Int32(nodeDepth))
        sampleCount.append(Int32(samples))
        values.append(contentsOf: value)
        return feature.count - 1
    }

    /// The leaf a row (of `width` features at `row`) falls into.
    @inlinable
    func leaf(_ row: UnsafePointer<Float>) -> Int {
        var node = 0
        while feature[node] >= 0 {
            node = Int(row[Int(feature[node])] <= threshold[node] ? left[node] : right[node])
        }
        return node
    }

    /// Adds `weight` × the leaf values of rows `rows` of `features` (row-major, `width` wide) into
    /// `sums` (`rows × outputs`, indexed by absolute row). Unchecked pointers: this is the
    /// prediction hot loop.
    func accumulate(
        _ features: UnsafePointer<Float>, width: Int, rows: Range<Int>, weight: Double, into sums: UnsafeMutablePointer<Double>
    ) {
        packed.withUnsafeBufferPointer { nodes in
            values.withUnsafeBufferPointer { values in
                for row in rows {
                    let x = features + row * width
                    var node = 0
                    while nodes[node].feature >= 0 {
                        let split = nodes[node]
                        node = Int(x[Int(split.feature)] <= split.threshold ? split.left : split.right)
                    }
                    for k in 0..<outputs { sums[row * outputs + k] += weight * values[node * outputs + k] }
                }
            }
        }
    }

    /// Adds `weight` × each row's leaf values into `sums` (`rows × outputs`).
    func accumulate(_ features: Tensor<Float>, weight: Double = 1, into sums: inout [Double]) {
        let width = features.columns
        features.withUnsafeBufferPointer { x in
            sums.withUnsafeMutableBufferPointer { s in
                accumulate(x.baseAddress!, width: width, rows: 0..<features.rows, weight: weight, into: s.baseAddress!)
            }
        }
    }

    /// Checks the structural invariants: children after parents, leaves without children, depth
    /// growing by one. Tests call it after every fit.
    public func checkInvariants() -> Bool {
        for node in 0..<nodeCount {
            if feature[node] < 0 {
                if left[node] != -1 || right[node] != -1 { return false }
            } else {
                let (l, r) = (Int(left[node]), Int(right[node]))
                guard l > node, r > node, l < nodeCount, r < nodeCount else { return false }
                guard depth[l] == depth[node] + 1, depth[r] == depth[node] + 1 else { return false }
                guard sampleCount[l] + sampleCount[r] == sampleCount[node] else { return false }
            }
        }
        return values.count == nodeCount * outputs
    }
}
