/// Row gathers, slices and transposes: the ways a training loop takes mini-batches and folds.
extension Tensor {
    /// The rows at `indices`, in that order (a mini-batch or a fold).
    public func gatherRows(_ indices: [Int]) -> Tensor {
        var result = Tensor(zeros: [indices.count] + shape.dropFirst())
        gatherRows(indices, into: &result)
        return result
    }

    /// Writes the rows at `indices` into the first `indices.count` rows of `out`, which must have
    /// this tensor's row length and at least that many rows. Allocates nothing.
    @inlinable
    public func gatherRows<Indices: Collection<Int>>(_ indices: Indices, into out: inout Tensor) {
        let width = columns
        precondition(out.columns == width && out.rows >= indices.count,
            "Tensor.gatherRows: out has shape \(out.shape), needs \(indices.count) rows of \(width)")
        storage.withUnsafeBufferPointer { source in
            out.storage.withUnsafeMutableBufferPointer { target in
                var row = 0
                for index in indices {
                    precondition(index >= 0 && index < rows, "Tensor.gatherRows: row \(index) out of range 0..<\(rows)")
                    let from = source.baseAddress! + index * width
                    (target.baseAddress! + row * width).update(from: from, count: width)
                    row += 1
                }
            }
        }
    }

    /// The rows in `range` as a new tensor.
    public func rows(_ range: Range<Int>) -> Tensor {
        precondition(range.lowerBound >= 0 && range.upperBound <= rows,
            "Tensor.rows: range \(range) out of 0..<\(rows)")
        let width = columns
        return Tensor(
            shape: [range.count] + shape.dropFirst(),
            scalars: Array(scalars[(range.lowerBound * width)..<(range.upperBound * width)]))
    }

    /// One row of a matrix as a vector.
    public func row(_ index: Int) -> [Scalar] {
        precondition(index >= 0 && index < rows, "Tensor.row: row \(index) out of range 0..<\(rows)")
        let width = columns
        return Array(scalars[(index * width)..<((index + 1) * width)])
    }

    /// One column of a matrix as a vector.
    public func column(_ index: Int) -> [Scalar] {
        precondition(rank == 2 && index >= 0 && index < shape[1],
            "Tensor.column: column \(index) out of range for shape \(shape)")
        let width = shape[1]
        return (0..<shape[0]).map { scalars[$0 * width + index] }
    }

    /// The sub-matrix of the given rows and columns.
    public func slice(rows rowRange: Range<Int>, columns columnRange: Range<Int>) -> Tensor {
        precondition(rank == 2, "Tensor.slice: needs a matrix, shape is \(shape)")
        precondition(rowRange.lowerBound >= 0 && rowRange.upperBound <= shape[0]
            && columnRange.lowerBound >= 0 && columnRange.upperBound <= shape[1],
            "Tensor.slice: rows \(rowRange), columns \(columnRange) out of shape \(shape)")
        let width = shape[1]
        var result = [Scalar]()
        result.reserveCapacity(rowRange.count * columnRange.count)
        for r in rowRange {
            result.append(contentsOf: scalars[(r * width + columnRange.lowerBound)..<(r * width + columnRange.upperBound)])
        }
        return Tensor(shape: [rowRange.count, columnRange.count], scalars: result)
    }

    /// The columns at `indices` of a matrix, in that order.
    public func gatherColumns(_ indices: [Int]) -> Tensor {
        precondition(rank == 2, "Tensor.gatherColumns: needs a matrix, shape is \(shape)")
        let width = shape[1]
        precondition(indices.allSatisfy { $0 >= 0 && $0 < width }, "Tensor.gatherColumns: index out of 0..<\(width)")
        var result = [Scalar]()
        result.reserveCapacity(shape[0] * indices.count)
        for r in 0..<shape[0] {
            for c in indices { result.append(scalars[r * width + c]) }
        }
        return Tensor(shape: [shape[0], indices.count], scalars: result)
    }

    /// The transpose of a matrix (blocked copy, cache friendly).
    public var transposed: Tensor {
        precondition(rank == 2, "Tensor.transposed: needs a matrix, shape is \(shape)")
        let (m, n) = (shape[0], shape[1])
        var result = [Scalar](repeating: 0, count: m * n)
        let block = 32
        scalars.withUnsafeBufferPointer { a in
            result.withUnsafeMutableBufferPointer { t in
                for i0 in stride(from: 0, to: m, by: block) {
                    for j0 in stride(from: 0, to: n, by: block) {
                        for i in i0..<min(i0 + block, m) {
                            for j in j0..<min(j0 + block, n) { t[j * m + i] = a[i * n + j] }
                        }
                    }
                }
            }
        }
        return Tensor(shape: [n, m], scalars: result)
    }

    /// Rows of this matrix followed by the rows of `other` (same row length).
    public func appendingRows(_ other: Tensor) -> Tensor {
        precondition(columns == other.columns, "Tensor.appendingRows: row lengths \(columns) and \(other.columns) differ")
        return Tensor(shape: [rows + other.rows] + shape.dropFirst(), scalars: scalars + other.scalars)
    }
}
