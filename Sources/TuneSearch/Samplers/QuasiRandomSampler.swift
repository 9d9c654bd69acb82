import Foundation

/// Quasi-random search: trial k evaluates point k of a scrambled low-discrepancy sequence (Sobol
/// or Halton) over the unit box of the search space, which covers the space more evenly than
/// random points (the exploration phase of the Deep Learning Tuning Playbook).
///
/// The jointly sampled space is `searchSpace` when given (a CLI space file or a model's default
/// space, so every trial is quasi-random from the first), otherwise the space of the study's first
/// finished trial, fixed from then on (as Optuna's `QMCSampler`), in which case the trials before
/// it are random.
/// Parameters outside that space — conditional ones — are drawn at random.
public struct QuasiRandomSampler: Sampler {
    /// The low-discrepancy sequence.
    public enum Sequence: String, Sendable, CaseIterable {
        case sobol, halton
    }

    public let sequence: Sequence
    /// Whether points are scrambled (randomised while keeping their low discrepancy).
    public let scrambled: Bool
    public let seed: UInt64
    public let searchSpace: SearchSpace?
    private let fallback: RandomSampler
    private let sequences = SequenceCache()
    private let inferredSpace = InferredSpace()

    public init(sequence: Sequence = .sobol, scrambled: Bool = true, seed: UInt64 = 0, searchSpace: SearchSpace? = nil) {
        self.sequence = sequence
        self.scrambled = scrambled
        self.seed = seed
        self.searchSpace = searchSpace?.jointlySampled
        self.fallback = RandomSampler(seed: seed)
    }

    public func relativeSearchSpace(history: TrialHistory, trial: TrialRecord) -> SearchSpace {
        if let searchSpace { return searchSpace }
        return inferredSpace.space {
            guard let first = history.trials.first(where: { $0.state == .complete || $0.state == .pruned }) else { return nil }
            return .intersection(of: TrialHistory(direction: history.direction, trials: [first]))
        } ?? SearchSpace(validated: [])
    }

    public func sampleRelative(
        history: TrialHistory, trial: TrialRecord, searchSpace: SearchSpace
    ) throws -> [String: Double] {
        guard !searchSpace.isEmpty else { return [:] }
        let transform = SearchSpaceTransform(searchSpace, categoricalEncoding: .ordinal)
        // Unscrambled sequences start at the origin, a corner of the box: skip it.
        let index = trial.number + (scrambled ? 0 : 1)
        let point = try sequences.points(dimension: transform.dimension) {
            switch sequence {
            case .sobol:
                let points = try SobolSequence(dimension: $0, scrambling: scrambled ? .linearMatrixWithShift : .none, seed: seed)
                return points.point(at:)
            case .halton:
                return try HaltonSequence(dimension: $0, scrambled: scrambled, seed: seed).point(at:)
            }
        }(index)
        return transform.decode(point)
    }

    public func sampleIndependent(
        history: TrialHistory, trial: TrialRecord, name: String, distribution: ParameterDistribution
    ) throws -> Double {
        try fallback.sampleIndependent(history: history, trial: trial, name: name, distribution: distribution)
    }
}

/// The sequences a quasi-random sampler has built, by dimension (scrambling matrices are drawn
/// once, not per trial).
private final class SequenceCache: @unchecked Sendable {
    private let lock = NSLock()
    private var byDimension: [Int: @Sendable (Int) -> [Double]] = [:]

    func points(dimension: Int, make: (Int) throws -> @Sendable (Int) -> [Double]) throws -> @Sendable (Int) -> [Double] {
        lock.lock()
        defer { lock.unlock() }
        if let cached = byDimension[dimension] { return cached }
        let made = try make(dimension)
        byDimension[dimension] = made
        return made
    }
}

/// The space a quasi-random sampler settled on, once a trial has finished.
private final class InferredSpace: @unchecked Sendable {
    private let lock = NSLock()
    private var settled: SearchSpace?

    func space(inferring infer: () -> SearchSpace?) -> SearchSpace? {
        lock.lock()
        defer { lock.unlock() }
        if settled == nil { settled = infer() }
        return settled
    }
}
