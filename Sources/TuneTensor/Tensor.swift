/// A dense, row-major, n-dimensional array of `Float` or `Double` with value semantics.
///
/// Copies are cheap and share storage until one of them is mutated (copy-on-write through the
/// underlying `Array`). Matrix operations run through BLAS and LAPACK; every operation that a
/// training loop repeats has a form that writes into preallocated storage (`into:` or a
/// `mutating` method), so a loop need allocate nothing per batch.
///
/// Shape errors (multiplying a 3×4 by a 5×2) are programming errors and stop the program with a
/// message naming both shapes, as NumPy raises; numerical failures from LAPACK are thrown as
/// ``LinearAlgebraError``.
public struct Tensor<Scalar: TensorScalar>: Sendable {
    /// The extent of each dimension; `[rows, columns]` for a matrix.
    public internal(set) var shape: [Int]
    /// The elements in row-major order. Mutate through a subscript or
    /// ``withUnsafeMutableBufferPointer(_:)``, which keep the count fixed.
    public internal(set) var scalars: [Scalar] {
        @inlinable get { storage }
        @inlinable _modify { yield &storage }
    }

    /// The stored elements; `@usableFromInline` so the hot loops below inline into (and
    /// specialise for `Float` in) the modules that call them.
    @usableFromInline var storage: [Scalar]

    /// A tensor of the given shape holding `scalars` in row-major order.
    public init(shape: [Int], scalars: [Scalar]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor: negative dimension in shape \(shape)")
        let count = shape.reduce(1, *)
        precondition(
            count == scalars.count, "Tensor: shape \(shape) needs \(count) scalars, got \(scalars.count)")
        self.shape = shape
        self.storage = scalars
    }

    /// A tensor of the given shape with every element equal to `value`.
    public init(repeating value: Scalar, shape: [Int]) {
        self.init(shape: shape, scalars: Array(repeating: value, count: shape.reduce(1, *)))
    }

    /// A tensor of zeros.
    public init(zeros shape: [Int]) {
        self.init(repeating: 0, shape: shape)
    }

    /// A matrix from nested rows, which must all have the same length.
    public init(rows: [[Scalar]]) {
        let columns = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == columns }, "Tensor: ragged rows")
        self.init(shape: [rows.count, columns], scalars: rows.flatMap { $0 })
    }

    /// A one-dimensional tensor.
    public init(vector: [Scalar]) {
        self.init(shape: [vector.count], scalars: vector)
    }

    /// The `n × n` identity matrix.
    public static func identity(_ n: Int) -> Tensor {
        var result = Tensor(zeros: [n, n])
        for i in 0..<n { result.scalars[i * n + i] = 1 }
        return result
    }

    /// The number of dimensions.
    public var rank: Int { shape.count }
    /// The number of elements.
    @inlinable public var count: Int { storage.count }
    /// The first dimension (1 for a scalar tensor).
    @inlinable public var rows: Int { shape.first ?? 1 }
    /// The product of all dimensions after the first: the row length of the row-major layout.
    @inlinable public var columns: Int { shape.count == 2 ? shape[1] : shape.dropFirst().reduce(1, *) }

    /// The element at a row and column of a matrix.
    public subscript(row: Int, column: Int) -> Scalar {
        get {
            precondition(rank == 2, "Tensor: [row, column] needs a matrix, shape is \(shape)")
            precondition(row >= 0 && row < shape[0] && column >= 0 && column < shape[1],
                "Tensor: index [\(row), \(column)] out of range for shape \(shape)")
            return scalars[row * shape[1] + column]
        }
        set {
            precondition(rank == 2, "Tensor: [row, column] needs a matrix, shape is \(shape)")
            precondition(row >= 0 && row < shape[0] && column >= 0 && column < shape[1],
                "Tensor: index [\(row), \(column)] out of range for shape \(shape)")
            scalars[row * shape[1] + column] = newValue
        }
    }

    /// The element at a row-major offset, whatever the rank.
    @inlinable public subscript(offset offset: Int) -> Scalar {
        get { storage[offset] }
        set { storage[offset] = newValue }
    }

    /// The same elements under a new shape with the same element count; one dimension may be -1
    /// and is then inferred.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        var resolved = newShape
        if let inferred = newShape.firstIndex(of: -1) {
            let known = newShape.enumerated().filter { $0.offset != inferred }.reduce(1) { $0 * $1.element }
            precondition(known > 0 && count % known == 0, "Tensor: cannot reshape \(shape) to \(newShape)")
            resolved[inferred] = count / known
        }
        precondition(resolved.reduce(1, *) == count, "Tensor: cannot reshape \(shape) to \(newShape)")
        return Tensor(shape: resolved, scalars: scalars)
    }

    /// Calls `body` with a read-only pointer to the elements.
    @inlinable
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Scalar>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with a mutable pointer to the elements (copying first if storage is shared).
    @inlinable
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (inout UnsafeMutableBufferPointer<Scalar>) throws -> R
    ) rethrows -> R {
        try storage.withUnsafeMutableBufferPointer(body)
    }

    /// The tensor converted element by element to another precision.
    public func converted<Other: TensorScalar>(to _: Other.Type = Other.self) -> Tensor<Other> {
        Tensor<Other>(shape: shape, scalars: scalars.map { Other($0) })
    }
}

extension Tensor: Equatable {}
extension Tensor: Codable {
    enum CodingKeys: String, CodingKey {
        case shape
        case storage = "scalars"
    }
}

extension Tensor: CustomStringConvertible {
    public var description: String {
        guard rank == 2 else { return "Tensor(shape: \(shape), scalars: \(scalars))" }
        let body = (0..<shape[0]).map { r in
            "[" + (0..<shape[1]).map { "\(scalars[r * shape[1] + $0])" }.joined(separator: ", ") + "]"
        }
        return "Tensor(\(shape[0])×\(shape[1]))[" + body.joined(separator: ", ") + "]"
    }
}
