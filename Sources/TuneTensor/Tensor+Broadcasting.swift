/// Row and column broadcasting for matrices: adding a bias to every row, scaling every column,
/// subtracting per-row maxima before a softmax.
extension Tensor {
    /// Combines `vector[j]` into every element of column `j`, in place (a row vector broadcast
    /// down the rows, e.g. adding a bias).
    @inlinable
    public mutating func broadcastRowVector(_ vector: [Scalar], _ combine: (Scalar, Scalar) -> Scalar) {
        precondition(rank == 2 && vector.count == shape[1],
            "Tensor: row vector of \(vector.count) does not match shape \(shape)")
        let width = shape[1]
        vector.withUnsafeBufferPointer { v in
            storage.withUnsafeMutableBufferPointer { a in
                for r in 0..<shape[0] {
                    let base = r * width
                    for c in 0..<width { a[base + c] = combine(a[base + c], v[c]) }
                }
            }
        }
    }

    /// Combines `vector[i]` into every element of row `i`, in place (a column vector broadcast
    /// across the columns, e.g. subtracting each row's maximum).
    @inlinable
    public mutating func broadcastColumnVector(_ vector: [Scalar], _ combine: (Scalar, Scalar) -> Scalar) {
        precondition(rank == 2 && vector.count == shape[0],
            "Tensor: column vector of \(vector.count) does not match shape \(shape)")
        let width = shape[1]
        vector.withUnsafeBufferPointer { v in
            storage.withUnsafeMutableBufferPointer { a in
                for r in 0..<shape[0] {
                    let base = r * width
                    let value = v[r]
                    for c in 0..<width { a[base + c] = combine(a[base + c], value) }
                }
            }
        }
    }

    /// This matrix with `vector` added to every row.
    public func addingRowVector(_ vector: [Scalar]) -> Tensor {
        var result = self
        result.broadcastRowVector(vector, +)
        return result
    }

    /// This matrix with `vector[i]` added to every element of row `i`.
    public func addingColumnVector(_ vector: [Scalar]) -> Tensor {
        var result = self
        result.broadcastColumnVector(vector, +)
        return result
    }

    /// This matrix with column `j` multiplied by `vector[j]`.
    public func multiplyingRowVector(_ vector: [Scalar]) -> Tensor {
        var result = self
        result.broadcastRowVector(vector, *)
        return result
    }
}
