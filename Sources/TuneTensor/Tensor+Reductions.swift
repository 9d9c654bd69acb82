/// Reductions of a matrix along an axis: axis 0 reduces over rows (one result per column),
/// axis 1 over columns (one result per row), as NumPy's `axis` argument.
extension Tensor {
    /// The sum of all elements.
    public func sum() -> Scalar {
        scalars.withUnsafeBufferPointer { p in p.reduce(0, +) }
    }

    /// The mean of all elements (NaN for an empty tensor).
    public func mean() -> Scalar { count == 0 ? .nan : sum() / Scalar(count) }

    /// Column sums (axis 0) or row sums (axis 1).
    public func sum(alongAxis axis: Int) -> [Scalar] {
        var result = [Scalar](repeating: 0, count: reducedCount(axis))
        sum(alongAxis: axis, into: &result)
        return result
    }

    /// Column sums (axis 0) or row sums (axis 1) into preallocated `out` (bias gradients).
    @inlinable
    public func sum(alongAxis axis: Int, into out: inout [Scalar]) {
        precondition(rank == 2 && (axis == 0 || axis == 1), "Tensor.sum: needs a matrix and axis 0 or 1")
        let (m, n) = (shape[0], shape[1])
        precondition(out.count == (axis == 0 ? n : m), "Tensor.sum: out has \(out.count) elements, needs \(axis == 0 ? n : m)")
        storage.withUnsafeBufferPointer { a in
            out.withUnsafeMutableBufferPointer { o in
                if axis == 0 {
                    for c in 0..<n { o[c] = 0 }
                    for r in 0..<m {
                        let base = r * n
                        for c in 0..<n { o[c] += a[base + c] }
                    }
                } else {
                    for r in 0..<m {
                        var total: Scalar = 0
                        for c in 0..<n { total += a[r * n + c] }
                        o[r] = total
                    }
                }
            }
        }
    }

    /// Column sums (axis 0) or row sums (axis 1) into the preallocated tensor `out`, whose element
    /// count must match.
    @inlinable
    public func sum(alongAxis axis: Int, into out: inout Tensor) {
        sum(alongAxis: axis, into: &out.storage)
    }

    /// Column means (axis 0) or row means (axis 1).
    public func mean(alongAxis axis: Int) -> [Scalar] {
        let length = Scalar(axis == 0 ? shape[0] : shape[1])
        return sum(alongAxis: axis).map { $0 / length }
    }

    /// Column maxima (axis 0) or row maxima (axis 1).
    public func max(alongAxis axis: Int) -> [Scalar] {
        let indices = argmax(alongAxis: axis)
        return indices.enumerated().map { position, index in
            axis == 0 ? self[index, position] : self[position, index]
        }
    }

    /// The index of the largest element of each column (axis 0) or row (axis 1); the first on
    /// ties. NaN counts as larger than everything, so it is never hidden.
    public func argmax(alongAxis axis: Int) -> [Int] {
        _ = reducedCount(axis)
        let (m, n) = (shape[0], shape[1])
        let (outer, inner) = axis == 0 ? (n, m) : (m, n)
        precondition(inner > 0, "Tensor.argmax: cannot reduce an empty axis of shape \(shape)")
        return scalars.withUnsafeBufferPointer { a in
            (0..<outer).map { o in
                let at: (Int) -> Scalar = axis == 0 ? { a[$0 * n + o] } : { a[o * n + $0] }
                var best = 0
                var bestValue = at(0)
                if bestValue.isNaN { return 0 }
                for i in 1..<inner {
                    let value = at(i)
                    if value.isNaN { return i }
                    if value > bestValue {
                        best = i
                        bestValue = value
                    }
                }
                return best
            }
        }
    }

    private func reducedCount(_ axis: Int) -> Int {
        precondition(rank == 2, "Tensor: axis reductions need a matrix, shape is \(shape)")
        precondition(axis == 0 || axis == 1, "Tensor: axis must be 0 or 1, got \(axis)")
        return axis == 0 ? shape[1] : shape[0]
    }
}
