/// Elementwise arithmetic between tensors of the same shape, and with scalars. The compound
/// assignment forms (`+=`, `*=`, ...) work in place and allocate nothing when storage is not
/// shared.
extension Tensor {
    /// A tensor of `transform` applied to every element.
    public func map(_ transform: (Scalar) throws -> Scalar) rethrows -> Tensor {
        Tensor(shape: shape, scalars: try scalars.map(transform))
    }

    /// Applies `transform` to every element in place.
    @inlinable
    public mutating func apply(_ transform: (Scalar) -> Scalar) {
        storage.withUnsafeMutableBufferPointer { p in
            for i in p.indices { p[i] = transform(p[i]) }
        }
    }

    /// Combines two same-shape tensors element by element.
    public func zipWith(_ other: Tensor, _ combine: (Scalar, Scalar) -> Scalar) -> Tensor {
        precondition(shape == other.shape, "Tensor: elementwise shapes \(shape) and \(other.shape) differ")
        var result = self
        result.combine(with: other, combine)
        return result
    }

    /// Combines `other` into this tensor element by element, in place.
    @inlinable
    public mutating func combine(with other: Tensor, _ combine: (Scalar, Scalar) -> Scalar) {
        precondition(shape == other.shape, "Tensor: elementwise shapes \(shape) and \(other.shape) differ")
        other.storage.withUnsafeBufferPointer { b in
            storage.withUnsafeMutableBufferPointer { a in
                for i in a.indices { a[i] = combine(a[i], b[i]) }
            }
        }
    }

    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipWith(rhs, +) }
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipWith(rhs, -) }
    /// The elementwise (Hadamard) product.
    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipWith(rhs, *) }
    public static func / (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipWith(rhs, /) }

    public static func += (lhs: inout Tensor, rhs: Tensor) { lhs.combine(with: rhs, +) }
    public static func -= (lhs: inout Tensor, rhs: Tensor) { lhs.combine(with: rhs, -) }
    public static func *= (lhs: inout Tensor, rhs: Tensor) { lhs.combine(with: rhs, *) }
    public static func /= (lhs: inout Tensor, rhs: Tensor) { lhs.combine(with: rhs, /) }

    public static func + (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.map { $0 + rhs } }
    public static func - (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.map { $0 - rhs } }
    public static func * (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.map { $0 * rhs } }
    public static func / (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.map { $0 / rhs } }
    public static func * (lhs: Scalar, rhs: Tensor) -> Tensor { rhs.map { lhs * $0 } }

    public static func += (lhs: inout Tensor, rhs: Scalar) { lhs.apply { $0 + rhs } }
    public static func -= (lhs: inout Tensor, rhs: Scalar) { lhs.apply { $0 - rhs } }
    public static func *= (lhs: inout Tensor, rhs: Scalar) { lhs.scale(by: rhs) }
    public static func /= (lhs: inout Tensor, rhs: Scalar) { lhs.scale(by: 1 / rhs) }

    public static prefix func - (operand: Tensor) -> Tensor { operand.map { -$0 } }

    /// Whether every element is finite (no NaN or infinity).
    public var isFinite: Bool { scalars.allSatisfy { $0.isFinite } }
}
