/// Quasi-random search: trial k evaluates point k of a scrambled low-discrepancy sequence (Sobol
/// or Halton) over the unit box of the search space, which covers the space more evenly than
/// random points (the exploration phase of the Deep Learning Tuning Playbook).
///
/// The jointly sampled space is `searchSpace` when given (a CLI space file or a model's default
/// space, so every trial is quasi-random from the first), otherwise the intersection of the
/// finished trials' spaces (Optuna's `QMCSampler`), in which case the first trial is random.
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

    public init(sequence: Sequence = .sobol, scrambled: Bool = true, seed: UInt64 = 0, searchSpace: SearchSpace? = nil) {
        self.sequence = sequence
        self.scrambled = scrambled
        self.seed = seed
        self.searchSpace = searchSpace.map { space in
            SearchSpace(validated: space.parameters.filter { $0.condition == nil && !$0.distribution.isSingleValue })
        }
        self.fallback = RandomSampler(seed: seed)
    }

    public func relativeSearchSpace(history: TrialHistory, trial: TrialRecord) -> SearchSpace {
        searchSpace ?? .intersection(of: history)
    }

    public func sampleRelative(
        history: TrialHistory, trial: TrialRecord, searchSpace: SearchSpace
    ) throws -> [String: Double] {
        guard !searchSpace.isEmpty else { return [:] }
        let transform = SearchSpaceTransform(searchSpace, categoricalEncoding: .ordinal)
        // Unscrambled sequences start at the origin, a corner of the box: skip it.
        let index = trial.number + (scrambled ? 0 : 1)
        let point: [Double]
        switch sequence {
        case .sobol:
            let generator = try SobolSequence(
                dimension: transform.dimension, scrambling: scrambled ? .linearMatrixWithShift : .none, seed: seed)
            point = generator.point(at: index)
        case .halton:
            point = try HaltonSequence(dimension: transform.dimension, scrambled: scrambled, seed: seed).point(at: index)
        }
        return transform.decode(point)
    }

    public func sampleIndependent(
        history: TrialHistory, trial: TrialRecord, name: String, distribution: ParameterDistribution
    ) throws -> Double {
        try fallback.sampleIndependent(history: history, trial: trial, name: name, distribution: distribution)
    }
}
