/// Up to 256 quantile bins per feature, used to split large nodes by histogram: a row's code is
/// the first bin whose upper edge is at least its value, so `x <= upperEdges[f][b]` exactly when
/// `codes[f][row] <= b`. A feature with at most 256 distinct values gets one bin per value.
struct FeatureBins: Sendable {
    /// `codes[f][row]`.
    let codes: [[UInt8]]
    /// `upperEdges[f][b]`: the largest training value in bin `b` of feature `f`.
    let upperEdges: [[Float]]

    init(columns: [[Float]]) {
        var codes: [[UInt8]] = []
        var edges: [[Float]] = []
        for column in columns {
            var distinct = column.sorted()
            var write = 0
            for value in distinct where write == 0 || value != distinct[write - 1] {
                distinct[write] = value
                write += 1
            }
            distinct.removeLast(distinct.count - write)
            let featureEdges: [Float] = distinct.count <= 256
                ? distinct
                : (0..<256).map { distinct[min(distinct.count - 1, ($0 + 1) * distinct.count / 256 - 1)] }
            edges.append(featureEdges)
            codes.append(column.map { value in
                var (low, high) = (0, featureEdges.count - 1)
                while low < high {
                    let middle = (low + high) / 2
                    if featureEdges[middle] >= value { high = middle } else { low = middle + 1 }
                }
                return UInt8(low)
            })
        }
        self.codes = codes
        upperEdges = edges
    }
}
