import Foundation

/// The draws the toolkit needs, implemented here rather than through the standard library's
/// `random(in:using:)` and `shuffle(using:)`, whose algorithms are not promised to stay the same
/// across Swift releases: a seed must give the same study next year.
extension SeededGenerator {
    /// A uniform `Double` in [0, 1) with 53 random bits.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform `Double` in `range`.
    public mutating func uniform(in range: Range<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * uniform()
    }

    /// A uniform `Float` in [0, 1) with 24 random bits.
    public mutating func uniformFloat() -> Float {
        Float(next() >> 40) * 0x1.0p-24
    }

    /// A standard normal draw (Box–Muller; both uniforms from this generator).
    public mutating func normal() -> Double {
        // 1 - uniform() lies in (0, 1], so the logarithm is finite.
        let u1 = 1 - uniform()
        let u2 = uniform()
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }

    /// A normal draw with the given mean and standard deviation.
    public mutating func normal(mean: Double, standardDeviation: Double) -> Double {
        mean + standardDeviation * normal()
    }

    /// A uniform integer in `range`, without modulo bias (Lemire's multiply-and-reject, 2019).
    public mutating func integer(in range: Range<Int>) -> Int {
        precondition(!range.isEmpty, "SeededGenerator.integer(in:): empty range \(range)")
        let span = UInt64(range.upperBound - range.lowerBound)
        var product = next().multipliedFullWidth(by: span)
        if product.low < span {
            let threshold = (0 &- span) % span
            while product.low < threshold {
                product = next().multipliedFullWidth(by: span)
            }
        }
        return range.lowerBound + Int(product.high)
    }

    /// A uniform integer in `range`.
    public mutating func integer(in range: ClosedRange<Int>) -> Int {
        integer(in: range.lowerBound..<(range.upperBound + 1))
    }

    /// Shuffles `elements` in place (Fisher–Yates).
    public mutating func shuffle<Element>(_ elements: inout [Element]) {
        guard elements.count > 1 else { return }
        for i in stride(from: elements.count - 1, to: 0, by: -1) {
            let j = integer(in: 0..<(i + 1))
            if i != j { elements.swapAt(i, j) }
        }
    }

    /// A random permutation of `0..<count`.
    public mutating func permutation(_ count: Int) -> [Int] {
        var indices = Array(0..<count)
        shuffle(&indices)
        return indices
    }

    /// `count` distinct indices from `0..<population`, in the order drawn (a partial Fisher–Yates
    /// shuffle, or Floyd's algorithm when the sample is small beside the population).
    public mutating func sample(_ count: Int, from population: Int) -> [Int] {
        precondition(count >= 0 && count <= population,
            "SeededGenerator.sample: cannot draw \(count) distinct values from \(population)")
        if count * 8 < population {
            var chosen = Set<Int>(minimumCapacity: count)
            var order: [Int] = []
            order.reserveCapacity(count)
            for j in (population - count)..<population {
                let t = integer(in: 0...j)
                let pick = chosen.contains(t) ? j : t
                chosen.insert(pick)
                order.append(pick)
            }
            return order
        }
        var indices = Array(0..<population)
        for i in 0..<count {
            let j = integer(in: i..<population)
            indices.swapAt(i, j)
        }
        return Array(indices[0..<count])
    }

    /// An index drawn with probability proportional to `weights` (non-negative, not all zero).
    public mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0 && weights.allSatisfy { $0 >= 0 }, "SeededGenerator.weightedIndex: bad weights")
        var target = uniform() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.lastIndex { $0 > 0 }!
    }
}

extension Tensor {
    /// A tensor of independent uniform draws in `range`.
    public static func uniform(
        shape: [Int], in range: Range<Double> = 0..<1, using generator: inout SeededGenerator
    ) -> Tensor {
        let count = shape.reduce(1, *)
        var scalars = [Scalar]()
        scalars.reserveCapacity(count)
        for _ in 0..<count { scalars.append(Scalar(generator.uniform(in: range))) }
        return Tensor(shape: shape, scalars: scalars)
    }

    /// A tensor of independent normal draws.
    public static func normal(
        shape: [Int], mean: Double = 0, standardDeviation: Double = 1, using generator: inout SeededGenerator
    ) -> Tensor {
        let count = shape.reduce(1, *)
        var scalars = [Scalar]()
        scalars.reserveCapacity(count)
        for _ in 0..<count { scalars.append(Scalar(generator.normal(mean: mean, standardDeviation: standardDeviation))) }
        return Tensor(shape: shape, scalars: scalars)
    }
}
