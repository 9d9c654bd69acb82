/// One group of observations as a ``ParzenEstimator`` takes them: coordinates by dimension, the
/// ranking of each numeric coordinate (for the bandwidths), and the keys under which a
/// ``ParzenKernelMemo`` remembers the observations' kernel constants.
///
/// A ``TPEObservationStore`` builds the TPE's groups with the rankings already known, in O(n);
/// ``init(rows:dimensions:)`` sorts.
struct ParzenObservations {
    /// Per dimension, per observation: the coordinate.
    var columns: [[Double]]
    /// Per numeric dimension: the observations' indices by increasing coordinate, ties by index
    /// (a stable sort); empty for categorical dimensions.
    var coordinateOrders: [[Int]]
    /// Per observation: its key in the memo (the same observation, the same key), or -1 for none.
    var memoKeys: [Int]

    var count: Int { memoKeys.count }

    init(columns: [[Double]], coordinateOrders: [[Int]], memoKeys: [Int]) {
        self.columns = columns
        self.coordinateOrders = coordinateOrders
        self.memoKeys = memoKeys
    }

    /// `rows` (one per observation, a coordinate per dimension), ranked by sorting, not memoised.
    init(rows: [[Double]], dimensions: [ParzenEstimator.Dimension]) {
        columns = dimensions.indices.map { d in rows.map { $0[d] } }
        coordinateOrders = zip(dimensions, columns).map { dimension, column in
            if case .categorical = dimension { return [] }
            return column.indices.sorted { column[$0] < column[$1] || (column[$0] == column[$1] && $0 < $1) }
        }
        memoKeys = [Int](repeating: -1, count: rows.count)
    }
}
