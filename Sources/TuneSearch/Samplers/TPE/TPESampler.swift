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
/// Multivariate mode (the default, as in Optuna 5.0 for one objective) models the parameters every
/// finished trial shares jointly, and the others — conditional ones — independently. Independent
/// mode models each parameter alone (a parameter is modelled from the trials that have it).
///
/// One departure from Optuna: FAIL trials join the bad group (Optuna leaves them out), as the
/// Tuning Playbook asks of black-box optimisers, so settings near a divergent one are avoided.
public struct TPESampler: Sampler {
    public let seed: UInt64
    public let startupTrials: Int
    public let candidates: Int
    public let multivariate: Bool
    /// Whether RUNNING trials of other workers count as bad (so workers spread out).
    public let constantLiar: Bool
    public let priorWeight: Double
    private let fallback: RandomSampler
    /// The observations of finished trials per modelled space, kept between trials (a sampler
    /// serves one study).
    private let stores = TPEObservationStores()
    private let intersections = IntersectionCache()
    private let finishedTrials = CompletedOrPrunedCount()
    private let weightsCache: TPEWeightsCache

    /// - Throws: ``StudyError/invalidSetting(_:)`` for a negative startup count, fewer than one
    ///   candidate or a non-positive prior weight.
    public init(seed: UInt64 = 0, startupTrials: Int = 10, candidates: Int = 24, multivariate: Bool = true,
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
        weightsCache = TPEWeightsCache(priorWeight: priorWeight)
    }

    /// γ(n) = min(⌈0.1·n⌉, 25), Optuna's default.
    static func goodCount(_ n: Int) -> Int { min(Int((0.1 * Double(n)).rounded(.up)), 25) }

    /// Weight 1 for the 25 newest observations, a linear ramp from 1/n for the older ones (in
    /// trial-number order), Optuna's default.
    static func observationWeights(_ n: Int) -> [Double] {
        var weights = [Double](repeating: 1, count: n)
        guard n >= 25 else { return weights }
        let rampCount = n - 25
        // NumPy's linspace(1/n, 1, n - 25): a single point is the start, 1/n; otherwise the last
        // point is exactly 1.
        guard rampCount > 1 else {
            if rampCount == 1 { weights[0] = 1 / Double(n) }
            return weights
        }
        for i in 0..<rampCount - 1 {
            weights[i] = 1 / Double(n) + (1 - 1 / Double(n)) * Double(i) / Double(rampCount - 1)
        }
        return weights
    }

    public func relativeSearchSpace(history: TrialHistory, trial: TrialRecord) -> SearchSpace {
        guard multivariate, finishedTrials.count(in: history, excluding: trial.number) >= startupTrials else { return SearchSpace(validated: []) }
        return intersections.intersection(of: history)
    }

    public func sampleRelative(history: TrialHistory, trial: TrialRecord, searchSpace: SearchSpace) throws -> [String: Double] {
        guard !searchSpace.isEmpty else { return [:] }
        return sample(searchSpace, history: history, trial: trial)
    }

    public func sampleIndependent(
        history: TrialHistory, trial: TrialRecord, name: String, distribution: ParameterDistribution
    ) throws -> Double {
        guard finishedTrials.count(in: history, excluding: trial.number) >= startupTrials else {
            return try fallback.sampleIndependent(history: history, trial: trial, name: name, distribution: distribution)
        }
        return sample(SearchSpace(validated: [.init(name, distribution)]), history: history, trial: trial)[name]!
    }

    /// Internal values for `space` by the density ratio of the good and bad groups.
    func sample(_ space: SearchSpace, history: TrialHistory, trial: TrialRecord) -> [String: Double] {
        let store = stores.store(for: space, direction: history.direction)
        let point = store.withLock {
            let (good, bad) = store.groups(of: history, current: trial.number, constantLiar: constantLiar)
            func estimator(_ group: ParzenObservations) -> ParzenEstimator {
                ParzenEstimator(group, weights: weightsCache.weights(count: group.count),
                                dimensions: store.dimensions, priorWeight: priorWeight, memo: store.memo)
            }
            let below = estimator(good), above = estimator(bad)
            var generator = TrialRandomness.generator(seed: seed, trialNumber: trial.number, label: store.randomnessLabel)
            let points = (0..<candidates).map { _ in below.sample(using: &generator) }
            let scores = zip(below.logDensities(points), above.logDensities(points)).map { $0 - $1 }
            // The first of the best, as NumPy's argmax.
            let chosen = scores.indices.max { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) }!
            return points[chosen]
        }
        var values: [String: Double] = [:]
        for (parameter, coordinate) in zip(space.parameters, point) {
            if case .categorical = parameter.distribution {
                values[parameter.name] = coordinate
            } else {
                values[parameter.name] = SearchSpaceTransform.internalValue(atUnitCoordinate: coordinate, of: parameter.distribution)
            }
        }
        return values
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

/// The observation stores of a sampler, one per modelled space (and direction).
private final class TPEObservationStores: @unchecked Sendable {
    private let lock = NSLock()
    private var stores: [SearchSpace: TPEObservationStore] = [:]

    /// The store of `space`, new if none exists or the direction differs.
    func store(for space: SearchSpace, direction: StudyDirection) -> TPEObservationStore {
        lock.lock()
        defer { lock.unlock() }
        if let store = stores[space], store.direction == direction { return store }
        let store = TPEObservationStore(space: space, direction: direction)
        stores[space] = store
        return store
    }
}
