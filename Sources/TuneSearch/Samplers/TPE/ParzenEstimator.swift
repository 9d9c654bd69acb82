import Foundation
import TuneTensor

/// A Parzen estimator: a weighted mixture of kernels, one per observation plus a prior kernel,
/// over the unit box of some parameters (Bergstra et al. 2011; the bandwidths, magic clip and
/// prior of Optuna 5.0's `_ParzenEstimator`, see Watanabe 2023).
///
/// Numeric coordinates live in `[0, 1]` (``SearchSpaceTransform``'s layout: log parameters in log
/// space, an affine image of the space Optuna models them in, so density ratios are the same); a
/// continuous coordinate's kernel is a normal truncated to `[0, 1]`, a discrete one's (integers,
/// stepped floats) the mass that normal puts on the value's cell (in log space for log integers).
/// A categorical coordinate holds a choice index; its kernel puts weight 1 on the observed choice
/// plus the prior weight spread evenly.
struct ParzenEstimator {
    /// How one coordinate is modelled.
    enum Dimension: Equatable {
        case continuous
        /// The values of an integer or stepped distribution, each owning the cell from half a
        /// step below it to half a step above.
        case discrete(ParameterDistribution)
        case categorical(count: Int)
    }

    let dimensions: [Dimension]
    /// log of each component's normalised weight (observations first, the prior last).
    let logWeights: [Double]
    private let weights: [Double]
    /// Per dimension, per component: the kernel centre and bandwidth (numeric dimensions).
    let centres: [[Double]]
    let bandwidths: [[Double]]
    /// Per dimension, per component: log of the truncation mass, subtracted from every density.
    private let logNormalizers: [[Double]]
    /// Per dimension, per component, per choice: log probability (categorical dimensions).
    let categoryLogProbabilities: [[[Double]]]
    /// Per continuous dimension, per component: 1/σ, and −log σ − log √(2π) − log(truncation mass),
    /// so a density costs one multiply-add and a square.
    private let inverseBandwidths: [[Double]]
    private let continuousOffsets: [[Double]]
    /// Per categorical dimension: log probabilities laid out choice-major (`[choice][component]`).
    private let choiceMajorLogProbabilities: [[[Double]]]

    /// - Parameters:
    ///   - observations: one row per observation, a coordinate per dimension.
    ///   - observationWeights: one per observation (Optuna's `weights` function of their count).
    init(observations: [[Double]], observationWeights: [Double], dimensions: [Dimension],
         priorWeight: Double = 1, magicClip: Bool = true, considerEndpoints: Bool = false) {
        precondition(observations.count == observationWeights.count, "one weight per observation")
        self.dimensions = dimensions
        let count = observations.count
        let rawWeights = observationWeights + [priorWeight]
        let total = rawWeights.reduce(0, +)
        weights = rawWeights.map { $0 / total }
        logWeights = weights.map { log($0) }

        var centres: [[Double]] = [], bandwidths: [[Double]] = [], normalizers: [[Double]] = []
        var categories: [[[Double]]] = []
        for (d, dimension) in dimensions.enumerated() {
            let column = observations.map { $0[d] }
            switch dimension {
            case .continuous, .discrete:
                let sigmas = Self.numericBandwidths(column, magicClip: magicClip, considerEndpoints: considerEndpoints)
                let mus = column + [0.5]
                centres.append(mus)
                bandwidths.append(sigmas)
                normalizers.append(zip(mus, sigmas).map { mu, sigma in
                    NormalDistribution.logMass((0 - mu) / sigma, (1 - mu) / sigma)
                })
                categories.append([])
            case .categorical(let choiceCount):
                let kernels = Double(count + 1)
                var rows = [[Double]](repeating: [Double](repeating: priorWeight / kernels, count: choiceCount), count: count + 1)
                for (row, value) in column.enumerated() { rows[row][Int(value)] += 1 }
                categories.append(rows.map { row in
                    let sum = row.reduce(0, +)
                    return row.map { log($0 / sum) }
                })
                centres.append([])
                bandwidths.append([])
                normalizers.append([])
            }
        }
        self.centres = centres
        self.bandwidths = bandwidths
        self.logNormalizers = normalizers
        self.categoryLogProbabilities = categories
        inverseBandwidths = bandwidths.map { $0.map { 1 / $0 } }
        continuousOffsets = zip(bandwidths, normalizers).map { sigmas, logMasses in
            zip(sigmas, logMasses).map { -log($0) - NormalDistribution.logSquareRootTwoPi - $1 }
        }
        choiceMajorLogProbabilities = zip(dimensions, categories).map { dimension, rows in
            guard case .categorical(let choiceCount) = dimension else { return [] }
            return (0..<choiceCount).map { choice in rows.map { $0[choice] } }
        }
    }

    /// The bandwidth of each observation's kernel — the distance to its farther neighbour among
    /// the sorted observations, with the box's ends as outer neighbours, clipped to
    /// `[1/min(100, n + 2), 1]` (the "magic clip") — and of the prior's (1, the last).
    static func numericBandwidths(_ observations: [Double], magicClip: Bool, considerEndpoints: Bool) -> [Double] {
        let order = observations.indices.sorted { observations[$0] < observations[$1] }
        let sorted = [0.0] + order.map { observations[$0] } + [1.0]
        var sortedSigmas: [Double] = []
        for rank in 1..<sorted.count - 1 {
            let left: Double = sorted[rank] - sorted[rank - 1]
            let right: Double = sorted[rank + 1] - sorted[rank]
            sortedSigmas.append(max(left, right))
        }
        if !considerEndpoints, sorted.count >= 4 {
            sortedSigmas[0] = sorted[2] - sorted[1]
            sortedSigmas[sortedSigmas.count - 1] = sorted[sorted.count - 2] - sorted[sorted.count - 3]
        }
        var sigmas = [Double](repeating: 0, count: observations.count)
        for (rank, index) in order.enumerated() { sigmas[index] = sortedSigmas[rank] }
        let minimum = magicClip ? 1 / min(100, 2 + Double(observations.count)) : 1e-12
        return sigmas.map { min(max($0, minimum), 1) } + [1]
    }

    /// The unit-box cell of the discrete value at coordinate `x`.
    static func cell(at x: Double, of distribution: ParameterDistribution) -> (Double, Double) {
        let value = SearchSpaceTransform.internalValue(atUnitCoordinate: x, of: distribution)
        let halfStep: Double
        switch distribution {
        case .int(_, _, _, let step): halfStep = Double(step) / 2
        case .float(_, _, _, let step): halfStep = (step ?? 0) / 2
        case .categorical: halfStep = 0.5
        }
        return (SearchSpaceTransform.unitCoordinate(ofInternalValue: value - halfStep, in: distribution),
                SearchSpaceTransform.unitCoordinate(ofInternalValue: value + halfStep, in: distribution))
    }

    /// `x` moved to the coordinate of the nearest discrete value.
    static func snap(_ x: Double, to distribution: ParameterDistribution) -> Double {
        let value = SearchSpaceTransform.internalValue(atUnitCoordinate: x, of: distribution)
        return SearchSpaceTransform.unitCoordinate(ofInternalValue: value, in: distribution)
    }

    /// log of each component's kernel at `point`, summed over dimensions.
    private func componentLogDensities(_ point: [Double]) -> [Double] {
        var total = logWeights
        for d in dimensions.indices { addContribution(of: d, at: point[d], to: &total) }
        return total
    }

    /// Adds each component's log kernel in dimension `d` at coordinate `x` to `total`.
    private func addContribution(of d: Int, at x: Double, to total: inout [Double]) {
        switch dimensions[d] {
        case .continuous:
            total.withUnsafeMutableBufferPointer { total in
                centres[d].withUnsafeBufferPointer { mus in
                    inverseBandwidths[d].withUnsafeBufferPointer { inverses in
                        continuousOffsets[d].withUnsafeBufferPointer { offsets in
                            for k in 0..<total.count {
                                let z = (x - mus[k]) * inverses[k]
                                total[k] += offsets[k] - 0.5 * z * z
                            }
                        }
                    }
                }
            }
        case .discrete(let distribution):
            let masses = discreteLogMasses(at: x, dimension: d, distribution: distribution)
            for k in total.indices { total[k] += masses[k] }
        case .categorical:
            total.withUnsafeMutableBufferPointer { total in
                choiceMajorLogProbabilities[d][Int(x)].withUnsafeBufferPointer { logProbabilities in
                    for k in 0..<total.count { total[k] += logProbabilities[k] }
                }
            }
        }
    }

    /// log of the mixture's density (probability, for discrete and categorical coordinates) at
    /// `point`.
    func logDensity(_ point: [Double]) -> Double {
        Self.logSumExp(componentLogDensities(point))
    }

    /// log Σ exp(terms), skipping terms more than 40 below the largest (each adds under e⁻⁴⁰
    /// relative, below what the sum can resolve once there are a few dozen terms).
    static func logSumExp(_ terms: [Double]) -> Double {
        let largest = terms.max() ?? -.infinity
        guard largest.isFinite else { return largest }
        let sum = terms.withUnsafeBufferPointer { terms in
            var sum = 0.0
            for term in terms where term - largest > -40 { sum += exp(term - largest) }
            return sum
        }
        return largest + log(sum)
    }

    /// ``logDensity(_:)`` of each point; the cell masses of a discrete coordinate are computed once
    /// per distinct value (candidates of a discrete parameter often share cells).
    func logDensities(_ points: [[Double]]) -> [Double] {
        var totals = [[Double]](repeating: logWeights, count: points.count)
        for (d, dimension) in dimensions.enumerated() {
            if case .discrete(let distribution) = dimension {
                var byCell: [Double: [Double]] = [:]
                for (index, point) in points.enumerated() {
                    let contribution = byCell[point[d]] ?? discreteLogMasses(at: point[d], dimension: d, distribution: distribution)
                    byCell[point[d]] = contribution
                    for k in contribution.indices { totals[index][k] += contribution[k] }
                }
            } else {
                for index in points.indices { addContribution(of: d, at: points[index][d], to: &totals[index]) }
            }
        }
        return totals.map(Self.logSumExp)
    }

    /// Each component's log mass on the cell of the discrete value at `x`.
    private func discreteLogMasses(at x: Double, dimension d: Int, distribution: ParameterDistribution) -> [Double] {
        let (left, right) = Self.cell(at: x, of: distribution)
        return (0..<logWeights.count).map { k in
            let inverse = inverseBandwidths[d][k], mu = centres[d][k]
            let a = (left - mu) * inverse, b = (right - mu) * inverse
            // A cell more than 38.5σ from a kernel gets mass below e⁻⁷⁴⁰; the prior kernel (σ = 1)
            // always gives the cell far more, so the log-sum never sees the difference between
            // this bound and the exact tail mass.
            if b < -38.5 { return -0.5 * b * b }
            if a > 38.5 { return -0.5 * a * a }
            return NormalDistribution.logMass(a, b) - logNormalizers[d][k]
        }
    }

    /// A point drawn from the mixture: a component by weight, then each coordinate from it.
    func sample(using generator: inout SeededGenerator) -> [Double] {
        let component = generator.weightedIndex(weights)
        return dimensions.enumerated().map { d, dimension in
            switch dimension {
            case .continuous, .discrete:
                let mu = centres[d][component], sigma = bandwidths[d][component]
                let lower = NormalDistribution.cdf((0 - mu) / sigma), upper = NormalDistribution.cdf((1 - mu) / sigma)
                let p = min(max(lower + generator.uniform() * (upper - lower), 1e-300), 1 - 1e-16)
                let x = min(max(mu + sigma * NormalDistribution.quantile(p), 0), 1)
                guard case .discrete(let distribution) = dimension else { return x }
                return Self.snap(x, to: distribution)
            case .categorical:
                let probabilities = categoryLogProbabilities[d][component].map { exp($0) }
                return Double(generator.weightedIndex(probabilities))
            }
        }
    }
}
