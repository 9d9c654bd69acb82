import Foundation
import TuneTensor

/// The Tree-structured Parzen Estimator (Bergstra et al. 2011), with the components and defaults
/// of Optuna's `TPESampler` as analysed by Watanabe (2023, "Tree-structured Parzen Estimator:
/// understanding its algorithm components").
///
/// After `startupTrials` finished trials drawn at random, the finished trials are ranked (COMPLETE
/// by value, then PRUNED by how far they got and their last value) and the best
/// `γ(n) = min(⌈0.1·n⌉, 25)` form the good group; the rest, every FAIL trial (worse than any
/// completed one, so the search steers away from divergent settings) and — with the constant liar —
/// every other RUNNING trial form the bad group. A Parzen estimator is fitted to each group
/// (older trials weighted down beyond the 25 newest); `candidates` points are drawn from the good
/// estimator and the one with the largest ratio l(x)/g(x) is chosen.
///
/// Independent mode models each parameter alone (conditional parameters work naturally: a
/// parameter is modelled from the trials that have it). Multivariate mode models the parameters
/// every finished trial shares jointly, and the others — conditional ones — independently.
public struct TPESampler: Sampler {
    public let seed: UInt64
    public let startupTrials: Int
    public let candidates: Int
    public let multivariate: Bool
    /// Whether RUNNING trials of other workers count as bad (so workers spread out).
    public let constantLiar: Bool
    public let priorWeight: Double
    private let fallback: RandomSampler

    /// - Throws: ``StudyError/invalidSetting(_:)`` for a negative startup count, fewer than one
    ///   candidate or a non-positive prior weight.
    public init(seed: UInt64 = 0, startupTrials: Int = 10, candidates: Int = 24, multivariate: Bool = false,
                constantLiar: Bool = true, priorWeight: Double = 1) throws {
        guard startupTrials >= 0 else { throw StudyError.invalidSetting("startupTrials must be >= 0, got \(startupTrials)") }
        guard candidates >= 1 else { throw StudyError.invalidSetting("candidates must be >= 1, got \(candidates)") }
        guard priorWeight > 0, priorWeight.isFinite else { throw StudyError.invalidSetting("priorWeight must be > 0, got \(priorWeight)") }
        self.seed = seed
        self.startupTrials = startupTrials
        self.candidates = candidates
        self.multivariate = multivariate
        self.constantLiar = constantLiar
        self.priorWeight = priorWeight
        self.fallback = RandomSampler(seed: seed)
    }

    /// γ(n) = min(⌈0.1·n⌉, 25), Optuna's default.
    static func goodCount(_ n: Int) -> Int { min(Int((0.1 * Double(n)).rounded(.up)), 25) }

    /// Weight 1 for the 25 newest observations, a linear ramp from 1/n for the older ones (in
    /// trial-number order), Optuna's default.
    static func observationWeights(_ n: Int) -> [Double] {
        guard n >= 25 else { return [Double](repeating: 1, count: n) }
        let rampCount = n - 25
        // NumPy's linspace(1/n, 1, n - 25): the last point is exactly 1.
        let ramp = (0..<rampCount).map { i in
            i == rampCount - 1 ? 1 : 1 / Double(n) + (1 - 1 / Double(n)) * Double(i) / Double(rampCount - 1)
        }
        return ramp + [Double](repeating: 1, count: 25)
    }

    private func finishedCount(_ history: TrialHistory, excluding number: Int) -> Int {
        history.trials.filter { ($0.state == .complete || $0.state == .pruned) && $0.number != number }.count
    }

    public func relativeSearchSpace(history: TrialHistory, trial: TrialRecord) -> SearchSpace {
        guard multivariate, finishedCount(history, excluding: trial.number) >= startupTrials else { return SearchSpace(validated: []) }
        return .intersection(of: history)
    }

    public func sampleRelative(history: TrialHistory, trial: TrialRecord, searchSpace: SearchSpace) throws -> [String: Double] {
        guard !searchSpace.isEmpty else { return [:] }
        return sample(searchSpace, history: history, trial: trial)
    }

    public func sampleIndependent(
        history: TrialHistory, trial: TrialRecord, name: String, distribution: ParameterDistribution
    ) throws -> Double {
        guard finishedCount(history, excluding: trial.number) >= startupTrials else {
            return try fallback.sampleIndependent(history: history, trial: trial, name: name, distribution: distribution)
        }
        return sample(SearchSpace(validated: [.init(name, distribution)]), history: history, trial: trial)[name]!
    }

    /// Internal values for `space` by the density ratio of the good and bad groups.
    func sample(_ space: SearchSpace, history: TrialHistory, trial: TrialRecord) -> [String: Double] {
        let (good, bad) = split(history, space: space, current: trial.number)
        let dimensions = space.parameters.map { Self.dimension(of: $0.distribution) }
        func estimator(_ trials: [TrialRecord]) -> ParzenEstimator {
            ParzenEstimator(
                observations: trials.map { trial in
                    space.parameters.map { Self.coordinate(trial.internalParameters[$0.name]!, $0.distribution) }
                },
                observationWeights: Self.observationWeights(trials.count), dimensions: dimensions,
                priorWeight: priorWeight)
        }
        let below = estimator(good), above = estimator(bad)
        var generator = TrialRandomness.generator(seed: seed, trialNumber: trial.number, label: "tpe:" + space.names.joined(separator: ","))
        var best: (score: Double, point: [Double])?
        for _ in 0..<candidates {
            let point = below.sample(using: &generator)
            let score = below.logDensity(point) - above.logDensity(point)
            if best == nil || score > best!.score { best = (score, point) }
        }
        var values: [String: Double] = [:]
        for (parameter, coordinate) in zip(space.parameters, best!.point) {
            if case .categorical = parameter.distribution {
                values[parameter.name] = coordinate
            } else {
                values[parameter.name] = SearchSpaceTransform.internalValue(atUnitCoordinate: coordinate, of: parameter.distribution)
            }
        }
        return values
    }

    /// The good and bad groups among the trials that have every parameter of `space` with the same
    /// distribution, each in trial-number order.
    func split(_ history: TrialHistory, space: SearchSpace, current: Int) -> (good: [TrialRecord], bad: [TrialRecord]) {
        let usable = history.trials.filter { trial in
            trial.number != current && space.parameters.allSatisfy { trial.distributions[$0.name] == $0.distribution }
        }
        let sign = history.direction == .minimize ? 1.0 : -1.0
        let completed = usable.filter { $0.state == .complete && $0.value != nil }
            .sorted { (sign * $0.value!, $0.number) < (sign * $1.value!, $1.number) }
        let pruned = usable.filter { $0.state == .pruned }.sorted { a, b in
            let (stepA, stepB) = (a.lastStep ?? -1, b.lastStep ?? -1)
            if stepA != stepB { return stepA > stepB }
            func loss(_ trial: TrialRecord) -> Double {
                let value = trial.lastStep.flatMap { trial.intermediateValues[$0] } ?? .nan
                return value.isNaN ? .infinity : sign * value
            }
            return (loss(a), a.number) < (loss(b), b.number)
        }
        let ranked = completed + pruned
        let goodCount = min(Self.goodCount(ranked.count), ranked.count)
        let failed = usable.filter { $0.state == .fail }
        let running = constantLiar ? usable.filter { $0.state == .running } : []
        let good = ranked.prefix(goodCount).sorted { $0.number < $1.number }
        let bad = (ranked.dropFirst(goodCount) + failed + running).sorted { $0.number < $1.number }
        return (Array(good), bad)
    }

    static func dimension(of distribution: ParameterDistribution) -> ParzenEstimator.Dimension {
        switch distribution {
        case .categorical(let choices): return .categorical(count: choices.count)
        case .int, .float(_, _, _, .some): return .discrete(distribution)
        case .float: return .continuous
        }
    }

    static func coordinate(_ value: Double, _ distribution: ParameterDistribution) -> Double {
        if case .categorical = distribution { return value }
        return SearchSpaceTransform.unitCoordinate(ofInternalValue: value, in: distribution)
    }
}
