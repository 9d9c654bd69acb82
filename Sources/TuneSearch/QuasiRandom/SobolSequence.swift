import TuneTensor

/// How Sobol points are randomised. Scrambling keeps the points' low discrepancy (and their net
/// structure) while making them an unbiased random sample, so repeated studies differ.
public enum SobolScrambling: String, Sendable, CaseIterable {
    /// Plain Sobol points (the first is the origin).
    case none
    /// Each coordinate XORed with a random word (a random digital shift).
    case digitalShift
    /// Matoušek's (1998) linear matrix scramble — a random lower-triangular binary matrix applied
    /// to each dimension's direction numbers — followed by a digital shift: the Owen-type
    /// scrambling of scipy's `Sobol(scramble=True)`.
    case linearMatrixWithShift
}

/// Sobol's low-discrepancy sequence (Sobol 1967) with Joe & Kuo's (2008) direction numbers, in up
/// to 64 dimensions, with random access to any point.
///
/// Unscrambled, point `n` is the XOR of the direction numbers selected by the bits of the Gray
/// code of `n` — the order scipy's `qmc.Sobol` generates, whose points these equal.
public struct SobolSequence: Sendable {
    /// Bits per coordinate (scipy's default).
    static let bits = 30

    /// The number of coordinates of each point.
    public let dimension: Int
    /// Direction numbers, `directions[d][j]` for bit j (most significant first), scaled to `bits`.
    private let directions: [[UInt32]]
    private let shifts: [UInt32]

    /// - Throws: ``QuasiRandomError`` for a dimension outside 1...64.
    public init(dimension: Int, scrambling: SobolScrambling = .linearMatrixWithShift, seed: UInt64 = 0) throws {
        let maximum = SobolDirectionNumbers.polynomials.count
        guard (1...maximum).contains(dimension) else {
            throw QuasiRandomError(description: "Sobol dimension must be in 1...\(maximum), got \(dimension)")
        }
        self.dimension = dimension
        var directions = (0..<dimension).map(Self.directionNumbers)
        var generator = SeededGenerator(seed: seed)
        if scrambling == .linearMatrixWithShift {
            directions = directions.map { Self.linearMatrixScramble($0, using: &generator) }
        }
        self.directions = directions
        self.shifts = scrambling == .none ? Array(repeating: 0, count: dimension)
            : (0..<dimension).map { _ in UInt32(truncatingIfNeeded: generator.next() >> (64 - Self.bits)) }
    }

    /// Dimension `d`'s direction numbers, by the recurrence of its primitive polynomial.
    private static func directionNumbers(_ d: Int) -> [UInt32] {
        var numbers = [UInt32](repeating: 1, count: bits)
        if d > 0 {
            let polynomial = SobolDirectionNumbers.polynomials[d]
            let degree = UInt32.bitWidth - polynomial.leadingZeroBitCount - 1
            let initial = SobolDirectionNumbers.initialNumbers[d]
            for j in 0..<degree { numbers[j] = initial[j] }
            for j in degree..<bits {
                var value = numbers[j - degree]
                var power: UInt32 = 1
                for k in 0..<degree {
                    power <<= 1
                    if (polynomial >> (degree - 1 - k)) & 1 == 1 { value ^= power &* numbers[j - k - 1] }
                }
                numbers[j] = value
            }
        }
        // m_j / 2^j as a `bits`-bit fraction: shift m_j left by bits - 1 - j.
        return numbers.enumerated().map { $0.element << UInt32(bits - 1 - $0.offset) }
    }

    /// `numbers` multiplied by a random lower-triangular binary matrix with unit diagonal, acting
    /// on each number's bits from the most significant.
    private static func linearMatrixScramble(_ numbers: [UInt32], using generator: inout SeededGenerator) -> [UInt32] {
        // Row r of the matrix, as a mask over bit positions (bit `bits - 1` is the first).
        let rows: [UInt32] = (0..<bits).map { row in
            var mask: UInt32 = 1 << UInt32(bits - 1 - row)
            for column in 0..<row where generator.next() & 1 == 1 { mask |= 1 << UInt32(bits - 1 - column) }
            return mask
        }
        return numbers.map { number in
            var scrambled: UInt32 = 0
            for (row, mask) in rows.enumerated() where (mask & number).nonzeroBitCount % 2 == 1 {
                scrambled |= 1 << UInt32(bits - 1 - row)
            }
            return scrambled
        }
    }

    /// Point `index` (0, 1, 2, …) in `[0, 1)^dimension`.
    public func point(at index: Int) -> [Double] {
        precondition(index >= 0 && index < 1 << Self.bits, "Sobol index must be in 0..<2^\(Self.bits), got \(index)")
        let gray = index ^ (index >> 1)
        let scale = 1.0 / Double(1 << Self.bits)
        return (0..<dimension).map { d in
            var value = shifts[d]
            var remaining = gray
            var bit = 0
            while remaining != 0 {
                if remaining & 1 == 1 { value ^= directions[d][bit] }
                remaining >>= 1
                bit += 1
            }
            return Double(value) * scale
        }
    }

    /// Points `start`, `start + 1`, … (`count` of them).
    public func points(_ count: Int, from start: Int = 0) -> [[Double]] {
        (start..<start + count).map(point(at:))
    }
}
