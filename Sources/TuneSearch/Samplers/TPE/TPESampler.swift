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
    /// Observations of finished trials, kept between trials (a sampler serves one study).
    private let cache = TPEObservationCache()
    private let intersections = IntersectionCache()

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
        let trials = history.trials
        var count = 0
        for index in trials.indices where (trials[index].state == .complete || trials[index].state == .pruned)
            && trials[index].number != number {
            count += 1
        }
        return count
    }

    public func relativeSearchSpace(history: TrialHistory, trial: TrialRecord) -> SearchSpace {
        guard multivariate, finishedCount(history, excluding: trial.number) >= startupTrials else { return SearchSpace(validated: []) }
        return intersections.intersection(of: history)
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
        let (good, bad) = split(observations(history, space: space, current: trial.number))
        let dimensions = space.parameters.map { Self.dimension(of: $0.distribution) }
        func estimator(_ group: [TPEObservation]) -> ParzenEstimator {
            ParzenEstimator(observations: group.map(\.coordinates), observationWeights: Self.observationWeights(group.count),
                            dimensions: dimensions, priorWeight: priorWeight)
        }
        let below = estimator(good), above = estimator(bad)
        var generator = TrialRandomness.generator(seed: seed, trialNumber: trial.number, label: "tpe:" + space.names.joined(separator: ","))
        let points = (0..<candidates).map { _ in below.sample(using: &generator) }
        let scores = zip(below.logDensities(points), above.logDensities(points)).map { $0 - $1 }
        // The first of the best, as NumPy's argmax.
        let chosen = scores.indices.max { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) }!
        var values: [String: Double] = [:]
        for (parameter, coordinate) in zip(space.parameters, points[chosen]) {
            if case .categorical = parameter.distribution {
                values[parameter.name] = coordinate
            } else {
                values[parameter.name] = SearchSpaceTransform.internalValue(atUnitCoordinate: coordinate, of: parameter.distribution)
            }
        }
        return values
    }

    /// The trials (other than `current`) that have every parameter of `space` with the same
    /// distribution, as observations: finished ones from the cache (they never change), running
    /// ones (for the constant liar) read afresh.
    func observations(_ history: TrialHistory, space: SearchSpace, current: Int) -> [TPEObservation] {
        let trials = history.trials
        var running: [TPEObservation] = []
        let finished = cache.observations(space: space, direction: history.direction) { known in
            var added: [TPEObservation] = []
            for index in trials.indices where trials[index].state.isFinished && !known.contains(trials[index].number) {
                known.insert(trials[index].number)
                if let observation = Self.observation(trials[index], space: space, direction: history.direction) {
                    added.append(observation)
                }
            }
            return added
        }
        if constantLiar {
            for index in trials.indices where trials[index].state == .running && trials[index].number != current {
                if let observation = Self.observation(trials[index], space: space, direction: history.direction) {
                    running.append(observation)
                }
            }
        }
        return finished.filter { $0.number != current } + running
    }

    /// `trial` as an observation of `space`, or nil when it lacks a parameter or drew one from
    /// another distribution.
    static func observation(_ trial: TrialRecord, space: SearchSpace, direction: StudyDirection) -> TPEObservation? {
        var coordinates: [Double] = []
        for parameter in space.parameters {
            guard trial.distributions[parameter.name] == parameter.distribution,
                  let value = trial.internalParameters[parameter.name] else { return nil }
            coordinates.append(coordinate(value, parameter.distribution))
        }
        let sign = direction == .minimize ? 1.0 : -1.0
        let rank: TPEObservation.Rank
        switch trial.state {
        case .complete:
            guard let value = trial.value else { return nil }
            rank = .completed(loss: sign * value)
        case .pruned:
            let value = trial.lastStep.flatMap { trial.intermediateValues[$0] } ?? .nan
            rank = .pruned(step: trial.lastStep ?? -1, loss: value.isNaN ? .infinity : sign * value)
        case .fail, .running, .waiting:
            rank = .bad
        }
        return TPEObservation(number: trial.number, rank: rank, coordinates: coordinates)
    }

    /// The good group — the best `γ(n)` of the n COMPLETE and PRUNED observations (COMPLETE by
    /// loss first, then PRUNED by how far they got and their last loss) — and the bad group (the
    /// rest, FAIL and RUNNING), each in trial-number order.
    func split(_ observations: [TPEObservation]) -> (good: [TPEObservation], bad: [TPEObservation]) {
        var ranked: [TPEObservation] = [], bad: [TPEObservation] = []
        for observation in observations {
            if case .bad = observation.rank { bad.append(observation) } else { ranked.append(observation) }
        }
        ranked.sort { $0.rank.precedes($1.rank) || (!$1.rank.precedes($0.rank) && $0.number < $1.number) }
        let goodCount = min(Self.goodCount(ranked.count), ranked.count)
        let byNumber: (TPEObservation, TPEObservation) -> Bool = { $0.number < $1.number }
        return (ranked.prefix(goodCount).sorted(by: byNumber), (ranked.dropFirst(goodCount) + bad).sorted(by: byNumber))
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

/// One trial as the TPE models it: its coordinates in the unit box and how it ranks.
struct TPEObservation: Sendable {
    enum Rank: Sendable {
        case completed(loss: Double)
        case pruned(step: Int, loss: Double)
        /// FAIL, or RUNNING under the constant liar: worse than every completed trial.
        case bad

        /// Whether this rank is strictly better than `other` (both completed or pruned).
        func precedes(_ other: Rank) -> Bool {
            switch (self, other) {
            case let (.completed(a), .completed(b)): return a < b
            case (.completed, _): return true
            case (.pruned, .completed): return false
            case let (.pruned(stepA, lossA), .pruned(stepB, lossB)): return stepA != stepB ? stepA > stepB : lossA < lossB
            default: return false
            }
        }
    }

    var number: Int
    var rank: Rank
    var coordinates: [Double]
}

/// The observations of finished trials per jointly modelled space, so each trial is read once
/// rather than at every sampling call (finished trials never change).
private final class TPEObservationCache: @unchecked Sendable {
    private struct Column {
        var direction: StudyDirection
        var known: Set<Int> = []
        var observations: [TPEObservation] = []
    }

    private let lock = NSLock()
    private var columns: [SearchSpace: Column] = [:]

    /// The cached observations of `space`, after adding those `addNew` finds among the trials
    /// whose numbers are not yet known (it inserts the numbers it looked at).
    func observations(space: SearchSpace, direction: StudyDirection,
                      addNew: (inout Set<Int>) -> [TPEObservation]) -> [TPEObservation] {
        lock.lock()
        defer { lock.unlock() }
        var column = columns[space].flatMap { $0.direction == direction ? $0 : nil } ?? Column(direction: direction)
        column.observations += addNew(&column.known)
        columns[space] = column
        return column.observations
    }
}
