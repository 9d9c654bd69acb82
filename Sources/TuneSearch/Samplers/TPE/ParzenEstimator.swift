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
///
/// Everything is laid out per dimension, per component (observations first, the prior last), in
/// contiguous arrays, so scoring a candidate is a few passes of multiply-adds over the components.
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
    /// Each component's normalised weight, and its log.
    private let weights: [Double]
    private let logWeights: [Double]
    /// Per numeric dimension, per component: the kernel's centre, bandwidth σ and 1/σ (empty for
    /// categorical dimensions).
    private let centres: [[Double]]
    private let bandwidths: [[Double]]
    private let inverseBandwidths: [[Double]]
    /// Per numeric dimension, per component: log of the truncation mass (subtracted from a
    /// discrete cell's log mass) and −log σ − log √(2π) − log(truncation mass) (a continuous
    /// density's offset, so a density costs one multiply-add and a square).
    private let logNormalizers: [[Double]]
    private let continuousOffsets: [[Double]]
    /// Per categorical dimension, per choice, per component: the log probability (empty for
    /// numeric dimensions).
    private let choiceLogProbabilities: [[[Double]]]
    /// Where the kernels' constants and cell masses are remembered, and each component's key
    /// there (the prior's is -1; every key is -1 when the caller gave no memo).
    private let memo: ParzenKernelMemo
    private let memoKeys: [Int]

    /// - Parameters:
    ///   - weights: the components' weights (``ParzenWeights`` of the observations' count).
    ///   - priorWeight: the prior's weight in categorical kernels.
    ///   - memo: remembers kernel constants between estimators under the observations' keys; nil
    ///     computes them all afresh.
    init(_ observations: ParzenObservations, weights: ParzenWeights, dimensions: [Dimension],
         priorWeight: Double = 1, magicClip: Bool = true, considerEndpoints: Bool = false, memo: ParzenKernelMemo? = nil) {
        precondition(observations.count == weights.observationCount, "one weight per observation")
        self.dimensions = dimensions
        self.weights = weights.weights
        logWeights = weights.logWeights

        let memoKeys = memo == nil
            ? [Int](repeating: -1, count: observations.count + 1) : observations.memoKeys + [-1]
        let memo = memo ?? ParzenKernelMemo(dimensions: dimensions.count)
        var centres: [[Double]] = [], bandwidths: [[Double]] = [], inverses: [[Double]] = []
        var normalizers: [[Double]] = [], offsets: [[Double]] = [], categories: [[[Double]]] = []
        for (d, dimension) in dimensions.enumerated() {
            let column = observations.columns[d]
            switch dimension {
            case .continuous, .discrete:
                var mus: [Double] = []
                mus.reserveCapacity(column.count + 1)
                mus += column
                mus.append(0.5)
                let sigmas = Self.numericBandwidths(column, order: observations.coordinateOrders[d],
                                                    magicClip: magicClip, considerEndpoints: considerEndpoints)
                let constants = memo.constants(dimension: d, centres: mus, bandwidths: sigmas, keys: memoKeys)
                normalizers.append(constants.logMasses)
                offsets.append(constants.continuousOffsets)
                centres.append(mus)
                bandwidths.append(sigmas)
                inverses.append(sigmas.map { 1 / $0 })
                categories.append([])
            case .categorical(let choiceCount):
                categories.append(Self.choiceLogProbabilities(column, choiceCount: choiceCount, priorWeight: priorWeight))
                centres.append([])
                bandwidths.append([])
                inverses.append([])
                normalizers.append([])
                offsets.append([])
            }
        }
        self.centres = centres
        self.bandwidths = bandwidths
        inverseBandwidths = inverses
        logNormalizers = normalizers
        continuousOffsets = offsets
        choiceLogProbabilities = categories
        self.memo = memo
        self.memoKeys = memoKeys
    }

    /// The bandwidth of each observation's kernel — the distance to its farther neighbour among
    /// the sorted observations, with the box's ends as outer neighbours, clipped to
    /// `[1/min(100, n + 2), 1]` (the "magic clip") — and of the prior's (1, the last).
    /// - Parameter order: the observations' indices by increasing value, ties by index.
    static func numericBandwidths(_ observations: [Double], order: [Int], magicClip: Bool, considerEndpoints: Bool) -> [Double] {
        let count = observations.count
        // The sorted values with the box's ends around them.
        let sorted = [Double](unsafeUninitializedCapacity: count + 2) { sorted, initialized in
            sorted[0] = 0
            for rank in 0..<count { sorted[rank + 1] = observations[order[rank]] }
            sorted[count + 1] = 1
            initialized = count + 2
        }
        let minimum = magicClip ? 1 / min(100, 2 + Double(count)) : 1e-12
        var sigmas = [Double](repeating: 1, count: count + 1)
        sorted.withUnsafeBufferPointer { sorted in
            for rank in 1..<count + 1 {
                let sigma: Double
                if !considerEndpoints, count >= 2, rank == 1 {
                    sigma = sorted[2] - sorted[1]
                } else if !considerEndpoints, count >= 2, rank == count {
                    sigma = sorted[count] - sorted[count - 1]
                } else {
                    sigma = max(sorted[rank] - sorted[rank - 1], sorted[rank + 1] - sorted[rank])
                }
                sigmas[order[rank - 1]] = min(max(sigma, minimum), 1)
            }
        }
        return sigmas
    }

    /// Per choice, per component, the log probability of a categorical dimension whose
    /// observations took the choices `column`: each observation's kernel is its choice with
    /// weight 1 plus `priorWeight / (n + 1)` on every choice, normalised; the prior's is uniform.
    /// An observation's row depends only on its choice, so each distinct row is computed once
    /// (summed left to right, as the row's own sum).
    static func choiceLogProbabilities(_ column: [Double], choiceCount: Int, priorWeight: Double) -> [[Double]] {
        let share = priorWeight / Double(column.count + 1)
        var logHit = [Double](), logMiss = [Double]()
        for observed in 0..<choiceCount {
            var sum = 0.0
            for choice in 0..<choiceCount { sum += choice == observed ? share + 1 : share }
            logHit.append(log((share + 1) / sum))
            logMiss.append(log(share / sum))
        }
        var priorSum = 0.0
        for _ in 0..<choiceCount { priorSum += share }
        let logPrior = log(share / priorSum)
        // Per observation: its choice.
        let observed = column.map { Int($0) }
        precondition(observed.allSatisfy { (0..<choiceCount).contains($0) }, "a choice index out of range")
        return logHit.withUnsafeBufferPointer { logHit in
            logMiss.withUnsafeBufferPointer { logMiss in
                observed.withUnsafeBufferPointer { observed in
                    (0..<choiceCount).map { choice in
                        [Double](unsafeUninitializedCapacity: observed.count + 1) { row, initialized in
                            for k in observed.indices {
                                row[k] = observed[k] == choice ? logHit[choice] : logMiss[observed[k]]
                            }
                            row[observed.count] = logPrior
                            initialized = observed.count + 1
                        }
                    }
                }
            }
        }
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

    /// log Σ exp(terms), skipping terms more than 40 below the largest (each adds under e⁻⁴⁰
    /// relative, below what the sum can resolve once there are a few dozen terms). The terms are
    /// overwritten (scratch).
    static func logSumExp(_ terms: UnsafeMutableBufferPointer<Double>) -> Double {
        // The largest term, over four lanes (the maximum does not depend on the order).
        var lanes = (-Double.infinity, -Double.infinity, -Double.infinity, -Double.infinity)
        var k = 0
        while k + 4 <= terms.count {
            lanes.0 = terms[k] > lanes.0 ? terms[k] : lanes.0
            lanes.1 = terms[k + 1] > lanes.1 ? terms[k + 1] : lanes.1
            lanes.2 = terms[k + 2] > lanes.2 ? terms[k + 2] : lanes.2
            lanes.3 = terms[k + 3] > lanes.3 ? terms[k + 3] : lanes.3
            k += 4
        }
        var largest = max(max(lanes.0, lanes.1), max(lanes.2, lanes.3))
        for term in terms[k...] where term > largest { largest = term }
        guard largest.isFinite else { return largest }
        // Gather the differences that count, in order and without branches, then add their
        // exponentials in that order.
        var counted = 0
        for k in terms.indices {
            let difference = terms[k] - largest
            terms[counted] = difference
            counted += difference > -40 ? 1 : 0
        }
        var sum = 0.0
        for k in 0..<counted { sum += exp(terms[k]) }
        return largest + log(sum)
    }

    /// log of the mixture's density (probability, for discrete and categorical coordinates) at
    /// each point. Equal points are evaluated once (candidates of a discrete or categorical
    /// parameter modelled alone often coincide), and so are the cell masses of a discrete
    /// coordinate for each distinct value.
    func logDensities(_ points: [[Double]]) -> [Double] {
        // A few dozen candidates: a linear search finds the equal ones sooner than hashing them.
        var distinct: [[Double]] = []
        let indices = points.map { point in
            if let index = distinct.firstIndex(of: point) { return index }
            distinct.append(point)
            return distinct.count - 1
        }
        let densities = distinctLogDensities(distinct)
        return indices.map { densities[$0] }
    }

    /// ``logDensities(_:)`` of points that differ.
    private func distinctLogDensities(_ points: [[Double]]) -> [Double] {
        // Per discrete dimension, the log masses of each component on each distinct cell the points
        // fall in (one row per cell, all dimensions' rows in one list), and per point its row.
        var cellRows: [[Double]] = []
        let rowOfPoint: [[Int]] = dimensions.indices.map { d in
            guard case .discrete(let distribution) = dimensions[d] else { return [] }
            var cells: [Double] = []
            let firstRow = cellRows.count
            return points.map { point in
                if let cell = cells.firstIndex(of: point[d]) { return firstRow + cell }
                cells.append(point[d])
                cellRows.append(cellLogMasses(at: point[d], dimension: d, distribution: distribution))
                return cellRows.count - 1
            }
        }
        // One point at a time: each component's log weight plus its log kernel in each dimension
        // (in dimension order), then the log-sum over components.
        var components = logWeights
        return points.indices.map { p in
            components.withUnsafeMutableBufferPointer { total in
                _ = total.update(fromContentsOf: logWeights)
                for (d, dimension) in dimensions.enumerated() {
                    let x = points[p][d]
                    switch dimension {
                    case .continuous:
                        centres[d].withUnsafeBufferPointer { mus in
                            inverseBandwidths[d].withUnsafeBufferPointer { inverses in
                                continuousOffsets[d].withUnsafeBufferPointer { offsets in
                                    for k in total.indices {
                                        let z = (x - mus[k]) * inverses[k]
                                        total[k] += offsets[k] - 0.5 * z * z
                                    }
                                }
                            }
                        }
                    case .discrete:
                        Self.add(cellRows[rowOfPoint[d][p]], to: total)
                    case .categorical:
                        Self.add(choiceLogProbabilities[d][Int(x)], to: total)
                    }
                }
                return Self.logSumExp(total)
            }
        }
    }

    /// `total[k] += terms[k]` for every component k.
    private static func add(_ terms: [Double], to total: UnsafeMutableBufferPointer<Double>) {
        terms.withUnsafeBufferPointer { terms in
            for k in total.indices { total[k] += terms[k] }
        }
    }

    /// Each component's log mass on the cell of the discrete value at `x`.
    private func cellLogMasses(at x: Double, dimension d: Int, distribution: ParameterDistribution) -> [Double] {
        let (left, right) = Self.cell(at: x, of: distribution)
        return centres[d].withUnsafeBufferPointer { mus in
            inverseBandwidths[d].withUnsafeBufferPointer { inverses in
                logNormalizers[d].withUnsafeBufferPointer { normalizers in
                    memo.cellLogMasses(dimension: d, cell: x, bandwidths: bandwidths[d], keys: memoKeys) { k in
                        let a = (left - mus[k]) * inverses[k], b = (right - mus[k]) * inverses[k]
                        // A cell more than 38.5σ from a kernel gets mass below e⁻⁷⁴⁰; the prior
                        // kernel (σ = 1) always gives the cell far more, so the log-sum never sees
                        // the difference between this bound and the exact tail mass.
                        if b < -38.5 { return -0.5 * b * b }
                        if a > 38.5 { return -0.5 * a * a }
                        return NormalDistribution.logMass(a, b) - normalizers[k]
                    }
                }
            }
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
                let probabilities = choiceLogProbabilities[d].map { exp($0[component]) }
                return Double(generator.weightedIndex(probabilities))
            }
        }
    }
}
