import Foundation
import TuneTensor

/// The variation operators of ``GeneticSampler``: simulated binary crossover and polynomial
/// mutation for real-valued genes (Deb & Agrawal 1995; bounded forms as DEAP's
/// `cxSimulatedBinaryBounded` and `mutPolynomialBounded`, and pymoo's `SBX` and `PM`), uniform
/// crossover for integer and categorical genes, and a uniform redraw of another choice for
/// categorical mutation.
///
/// Genes live in the unit box of ``SearchSpaceTransform`` (log parameters in log space), so one
/// pair of bounds, `[0, 1]`, serves every numeric gene; a categorical gene is its choice index,
/// never box arithmetic, because choices have no order.
enum GeneticOperators {
    /// How a gene is recombined and mutated.
    enum GeneKind: Equatable, Sendable {
        /// A float parameter's unit coordinate: SBX and polynomial mutation.
        case continuous
        /// An integer parameter's unit coordinate: uniform crossover (decoding rounds it anyway)
        /// and polynomial mutation.
        case integer
        /// A categorical parameter's choice index: uniform crossover and a redraw of another choice.
        case categorical(count: Int)

        init(_ distribution: ParameterDistribution) {
            switch distribution {
            case .float: self = .continuous
            case .int: self = .integer
            case .categorical(let choices): self = .categorical(count: choices.count)
            }
        }
    }

    /// Bounded simulated binary crossover of one gene in `[0, 1]` for the uniform draw `u`
    /// (DEAP's `cxSimulatedBinaryBounded`): the two children, the one nearer the smaller parent
    /// first. The spread factor's distribution is truncated at each bound, so both children stay
    /// in `[0, 1]` (the final clamp only absorbs rounding). A larger `eta` keeps children nearer
    /// their parents.
    /// - Precondition: `a != b` (equal parents give equal children; callers skip them).
    static func simulatedBinaryCrossover(_ a: Double, _ b: Double, eta: Double, u: Double) -> (Double, Double) {
        let x1 = min(a, b), x2 = max(a, b)
        let exponent = 1 / (eta + 1)
        func spread(_ beta: Double) -> Double {
            let alpha = 2 - pow(beta, -(eta + 1))
            return u <= 1 / alpha ? pow(u * alpha, exponent) : pow(1 / (2 - u * alpha), exponent)
        }
        let lowerSpread = spread(1 + 2 * (x1 - 0) / (x2 - x1))
        let upperSpread = spread(1 + 2 * (1 - x2) / (x2 - x1))
        let c1 = 0.5 * (x1 + x2 - lowerSpread * (x2 - x1))
        let c2 = 0.5 * (x1 + x2 + upperSpread * (x2 - x1))
        return (min(max(c1, 0), 1), min(max(c2, 0), 1))
    }

    /// Bounded polynomial mutation of one gene `x` in `[0, 1]` for the uniform draw `u` (DEAP's
    /// `mutPolynomialBounded`): `u < ½` moves down, otherwise up, by a perturbation whose
    /// distribution is scaled to the distance to that bound, so the result stays in `[0, 1]`.
    static func polynomialMutation(_ x: Double, eta: Double, u: Double) -> Double {
        let exponent = 1 / (eta + 1)
        let delta: Double
        if u < 0.5 {
            let value = 2 * u + (1 - 2 * u) * pow(1 - x, eta + 1)
            delta = pow(value, exponent) - 1
        } else {
            let value = 2 * (1 - u) + 2 * (u - 0.5) * pow(x, eta + 1)
            delta = 1 - pow(value, exponent)
        }
        return min(max(x + delta, 0), 1)
    }

    /// One child of `first` and `second` (genomes of the kinds `kinds`): with probability
    /// `crossoverRate` a crossover — each continuous gene, with probability ½, by SBX (the child
    /// takes either SBX child), each integer and categorical gene from either parent with
    /// probability ½ — otherwise a copy of `first`; then each gene mutated with probability
    /// `mutationRate`.
    static func offspring(
        _ first: [Double], _ second: [Double], kinds: [GeneKind], crossoverRate: Double, mutationRate: Double,
        sbxEta: Double, mutationEta: Double, using generator: inout SeededGenerator
    ) -> [Double] {
        var child = first
        if generator.uniform() < crossoverRate {
            for index in kinds.indices {
                switch kinds[index] {
                case .continuous:
                    guard generator.uniform() < 0.5, abs(first[index] - second[index]) > 1e-14 else { continue }
                    let (c1, c2) = simulatedBinaryCrossover(first[index], second[index], eta: sbxEta, u: generator.uniform())
                    child[index] = generator.uniform() < 0.5 ? c1 : c2
                case .integer, .categorical:
                    if generator.uniform() < 0.5 { child[index] = second[index] }
                }
            }
        }
        for index in kinds.indices where generator.uniform() < mutationRate {
            switch kinds[index] {
            case .continuous, .integer:
                child[index] = polynomialMutation(child[index], eta: mutationEta, u: generator.uniform())
            case .categorical(let count):
                guard count > 1 else { continue }
                // Uniform among the other choices.
                let current = Int(child[index])
                let drawn = generator.integer(in: 0..<(count - 1))
                child[index] = Double(drawn >= current ? drawn + 1 : drawn)
            }
        }
        return child
    }
}
