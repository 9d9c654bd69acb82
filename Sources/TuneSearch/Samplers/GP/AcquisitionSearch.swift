import Foundation
import TuneTensor

/// Maximises an acquisition function of a fitted Gaussian process over the unit box of a search
/// space, as Optuna's `optimize_acqf_mixed` does: the acquisition is evaluated on quasi-random
/// candidates (one batched posterior); the best candidate, others drawn with probability
/// proportional to their acquisition value (so the refinements do not all start in one basin) and
/// the given starting points (the best observed trial) are refined by bounded L-BFGS along the
/// numeric coordinates, preconditioned by the kernel's length scales (it works in units of
/// `x/ℓ`, where the acquisition is equally curved in every direction); categorical parameters are
/// then improved by trying every other choice, one parameter at a time. Every point is snapped
/// to a valid setting (integers rounded, one choice per categorical) before it is scored, so the
/// point returned is the best real setting found, not a relaxation of one.
struct AcquisitionSearch {
    let process: GaussianProcess
    let acquisition: GPAcquisition
    /// The best observed (standardised, maximised) value, for expected improvement.
    let best: Double
    let transform: SearchSpaceTransform
    /// Settings already evaluated or running (box coordinates of valid settings): scored −∞, so
    /// a deterministic objective is never asked the same question twice, unless every setting
    /// the search reaches has been asked already.
    var excluded: Set<[Double]> = []
    /// How many candidates are refined by gradient steps (the best and a roulette draw).
    var localSearches = 9

    /// The best point found from `candidates` and `starts`, with its acquisition value.
    func maximize(candidates: [[Double]], starts: [[Double]], using generator: inout SeededGenerator) -> (point: [Double], value: Double) {
        let found = maximizeOnce(candidates: candidates, starts: starts, using: &generator)
        guard found.value == -.infinity, !excluded.isEmpty else { return found }
        var repeating = self
        repeating.excluded = []
        return repeating.maximizeOnce(candidates: candidates, starts: starts, using: &generator)
    }

    private func maximizeOnce(candidates: [[Double]], starts: [[Double]], using generator: inout SeededGenerator) -> (point: [Double], value: Double) {
        let snapped = candidates.map(snap)
        let values = scores(snapped)
        let bestIndex = values.indices.max { values[$0] < values[$1] }!
        var best = (point: snapped[bestIndex], value: values[bestIndex])
        let chosen = [bestIndex] + Self.rouletteDraws(values, excluding: bestIndex, count: localSearches - 1, using: &generator)
        let refined = (chosen.map { snapped[$0] } + starts.map(snap)).map(refine).map(snap)
        for (point, value) in zip(refined, scores(refined)) where value > best.value {
            best = (point, value)
        }
        return improveCategoricals(best)
    }

    /// Up to `count` distinct indices other than `excluded`, drawn without replacement with
    /// probability proportional to `exp(value − max)`.
    static func rouletteDraws(_ values: [Double], excluding excluded: Int, count: Int, using generator: inout SeededGenerator) -> [Int] {
        let top = values[excluded]
        guard top.isFinite else { return [] }
        var weights = values.map { exp($0 - top) }
        weights[excluded] = 0
        var drawn: [Int] = []
        while drawn.count < count {
            let total = weights.reduce(0, +)
            guard total > 0, total.isFinite else { break }
            var target = Double.random(in: 0..<total, using: &generator)
            var index = weights.count - 1
            for (candidate, weight) in weights.enumerated() where weight > 0 {
                if target < weight { index = candidate; break }
                target -= weight
            }
            guard weights[index] > 0 else { break }
            drawn.append(index)
            weights[index] = 0
        }
        return drawn
    }

    /// The point's valid setting, back in box coordinates.
    private func snap(_ point: [Double]) -> [Double] {
        transform.encode(transform.decode(point))
    }

    private func scores(_ points: [[Double]]) -> [Double] {
        guard !points.isEmpty else { return [] }
        let (means, variances) = process.posterior(points.flatMap { $0 })
        return points.indices.map { index in
            excluded.contains(points[index]) ? -.infinity : acquisition.evaluate(mean: means[index], variance: variances[index], best: best).value
        }
    }

    /// The coordinates of the numeric parameters (categorical ones stay fixed while refining).
    private var numericCoordinates: [Int] {
        transform.space.parameters.indices.filter { !transform.space.parameters[$0].distribution.isCategorical }
            .flatMap { Array(transform.coordinates(ofParameterAt: $0)) }
    }

    /// L-BFGS on the numeric coordinates in units of the length scales, `z = x·√η` within
    /// `[0, √η]`, stopping when the projected gradient falls below 1e-2 there (Optuna's setting).
    private func refine(_ start: [Double]) -> [Double] {
        let free = numericCoordinates
        guard !free.isEmpty else { return start }
        let scales = free.map { process.kernel.inverseSquaredLengthScales[$0].squareRoot() }
        let minimizer = BoundedLBFGS(maximumIterations: 200, gradientTolerance: 1e-2, bounds: scales.map { (0, $0) })
        var point = start
        let result = minimizer.minimize(from: free.indices.map { start[free[$0]] * scales[$0] }) { z in
            for (k, coordinate) in free.enumerated() { point[coordinate] = z[k] / scales[k] }
            let posterior = process.posteriorWithGradient(point)
            let (value, dMean, dVariance) = acquisition.evaluate(mean: posterior.mean, variance: posterior.variance, best: best)
            let gradient = free.indices.map { k in
                -(dMean * posterior.meanGradient[free[k]] + dVariance * posterior.varianceGradient[free[k]]) / scales[k]
            }
            return (-value, gradient)
        }
        for (k, coordinate) in free.enumerated() { point[coordinate] = min(max(result.point[k] / scales[k], 0), 1) }
        return point
    }

    /// Coordinate ascent over the categorical parameters: each round tries every other choice of
    /// every categorical parameter and keeps the best change, until none helps.
    private func improveCategoricals(_ start: (point: [Double], value: Double)) -> (point: [Double], value: Double) {
        var current = start
        let categorical = transform.space.parameters.enumerated().compactMap { index, parameter -> Range<Int>? in
            parameter.distribution.isCategorical && transform.categoricalEncoding == .oneHot ? transform.coordinates(ofParameterAt: index) : nil
        }
        guard !categorical.isEmpty else { return current }
        for _ in 0..<categorical.count {
            var neighbours: [[Double]] = []
            for coordinates in categorical {
                for choice in coordinates where current.point[choice] != 1 {
                    var neighbour = current.point
                    for coordinate in coordinates { neighbour[coordinate] = coordinate == choice ? 1 : 0 }
                    neighbours.append(neighbour)
                }
            }
            let values = scores(neighbours)
            guard let index = values.indices.max(by: { values[$0] < values[$1] }), values[index] > current.value else { break }
            current = (neighbours[index], values[index])
        }
        return current
    }
}
