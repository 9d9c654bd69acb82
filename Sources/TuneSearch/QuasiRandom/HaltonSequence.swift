import Foundation
import TuneTensor

/// Halton's low-discrepancy sequence (Halton 1960): coordinate k of point n is the radical inverse
/// of n in the k-th prime base. Scrambled, each digit position of each base has its own random
/// permutation of the digits (Braaten–Weller-style permutation scrambling, as scipy's
/// `Halton(scramble=True)`), which removes the correlation between high dimensions.
public struct HaltonSequence: Sendable {
    /// The number of coordinates of each point.
    public let dimension: Int
    /// Whether digits are permuted (see the type's description).
    public let scrambled: Bool
    private let bases: [Int]
    /// Scrambled digits per base (enough to resolve a `Double`).
    private let digitCounts: [Int]
    /// `permutations[k][position]` permutes the digits of base `bases[k]` at that position.
    private let permutations: [[[Int]]]

    /// - Throws: ``QuasiRandomError`` for a dimension outside 1...64.
    public init(dimension: Int, scrambled: Bool = true, seed: UInt64 = 0) throws {
        guard (1...64).contains(dimension) else {
            throw QuasiRandomError(description: "Halton dimension must be in 1...64, got \(dimension)")
        }
        self.dimension = dimension
        self.scrambled = scrambled
        bases = Self.primes(dimension)
        digitCounts = bases.map(Self.digitCount)
        var generator = SeededGenerator(seed: seed)
        permutations = scrambled ? bases.map { base in
            (0..<Self.digitCount(base)).map { _ in generator.permutation(base) }
        } : []
    }

    /// Digits that resolve a double: ⌈52 / log2(base)⌉.
    private static func digitCount(_ base: Int) -> Int {
        Int((52 / log2(Double(base))).rounded(.up))
    }

    private static func primes(_ count: Int) -> [Int] {
        var found: [Int] = []
        var candidate = 2
        while found.count < count {
            if found.allSatisfy({ candidate % $0 != 0 }) { found.append(candidate) }
            candidate += 1
        }
        return found
    }

    /// Point `index` (0, 1, 2, …) in `[0, 1)^dimension`.
    public func point(at index: Int) -> [Double] {
        precondition(index >= 0, "Halton index must be >= 0, got \(index)")
        return bases.indices.map { k in
            let base = bases[k]
            var remaining = index
            var value = 0.0
            var factor = 1.0 / Double(base)
            if scrambled {
                // Every position is permuted, including the zero digits beyond n's length.
                for position in 0..<digitCounts[k] {
                    value += Double(permutations[k][position][remaining % base]) * factor
                    remaining /= base
                    factor /= Double(base)
                }
            } else {
                while remaining > 0 {
                    value += Double(remaining % base) * factor
                    remaining /= base
                    factor /= Double(base)
                }
            }
            return min(value, 1.0.nextDown)
        }
    }

    /// Points `start`, `start + 1`, … (`count` of them).
    public func points(_ count: Int, from start: Int = 0) -> [[Double]] {
        (start..<start + count).map(point(at:))
    }
}
