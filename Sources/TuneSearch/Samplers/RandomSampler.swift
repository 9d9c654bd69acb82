import TuneTensor

/// Draws every parameter independently and uniformly (log-uniformly for log parameters; every
/// integer, step and choice equally likely): random search, the baseline every other sampler must
/// beat (Bergstra & Bengio 2012).
public struct RandomSampler: Sampler {
    public let seed: UInt64

    public init(seed: UInt64 = 0) {
        self.seed = seed
    }

    public func sampleIndependent(
        history: TrialHistory, trial: TrialRecord, name: String, distribution: ParameterDistribution
    ) throws -> Double {
        var generator = TrialRandomness.generator(seed: seed, trialNumber: trial.number, label: name)
        return Self.draw(distribution, using: &generator)
    }

    /// One uniform draw from `distribution` (in its transformed space), as an internal value.
    public static func draw(_ distribution: ParameterDistribution, using generator: inout SeededGenerator) -> Double {
        SearchSpaceTransform.internalValue(atUnitCoordinate: generator.uniform(), of: distribution)
    }
}
