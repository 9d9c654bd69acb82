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
        for (d, dimension) in dimensions.enumerated() {
            let x = point[d]
            switch dimension {
            case .continuous:
                for k in total.indices {
                    let sigma = bandwidths[d][k]
                    total[k] += NormalDistribution.logDensity((x - centres[d][k]) / sigma) - log(sigma) - logNormalizers[d][k]
                }
            case .discrete(let distribution):
                let (left, right) = Self.cell(at: x, of: distribution)
                for k in total.indices {
                    let sigma = bandwidths[d][k], mu = centres[d][k]
                    total[k] += NormalDistribution.logMass((left - mu) / sigma, (right - mu) / sigma) - logNormalizers[d][k]
                }
            case .categorical:
                for k in total.indices { total[k] += categoryLogProbabilities[d][k][Int(x)] }
            }
        }
        return total
    }

    /// log of the mixture's density (probability, for discrete and categorical coordinates) at
    /// `point`.
    func logDensity(_ point: [Double]) -> Double {
        let terms = componentLogDensities(point)
        let largest = terms.max() ?? -.infinity
        guard largest.isFinite else { return largest }
        return largest + log(terms.reduce(0) { $0 + exp($1 - largest) })
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
