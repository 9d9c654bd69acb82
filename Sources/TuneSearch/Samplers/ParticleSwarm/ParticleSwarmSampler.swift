import TuneTensor

/// Particle-swarm optimisation (Kennedy & Eberhart 1995) as a sampler: `swarmSize` particles move
/// through the unit box of the search space, each pulled towards the best point it has found and
/// the best point the whole swarm has found (see ``ParticleMove`` for the update).
///
/// Trial `n` belongs to particle `n % swarmSize`, and evaluating it is that particle's next
/// position. The sampler keeps no state between trials: each trial's move is reconstructed from
/// the seed, the trial's number and the history (see ``SwarmMemory``), so several workers can
/// share a study and a resumed study continues exactly as an uninterrupted one. The search is
/// asynchronous: a particle moves as soon as its previous trial has its parameters (a still
/// RUNNING trial included — its position is known, only its value is not) and uses whatever the
/// others have found so far, with no generation barrier.
///
/// - Space: the parameters every finished trial shares (as TPE's multivariate mode), or the
///   `searchSpace` given at creation; any other parameter is drawn by ``RandomSampler``, and so is
///   everything until a first trial has finished.
/// - A particle's first position is uniform in the box.
/// - Categorical parameters are one-hot: the particle's coordinates for one are a probability
///   vector over its choices, and the trial's choice is *drawn* from that vector with the trial's
///   generator (not its argmax, which would never leave a choice once a particle had taken it,
///   since a stored position is the one-hot vector of the choice made). Integers and stepped
///   floats are rounded to their grid by ``SearchSpaceTransform``.
/// - Minimises or maximises according to the history's direction; only COMPLETE trials become
///   bests, never FAIL or PRUNED ones.
public struct ParticleSwarmSampler: Sampler {
    public let seed: UInt64
    /// The number of particles (trials `n`, `n + swarmSize`, … belong to one particle).
    public let swarmSize: Int
    public let inertia: InertiaWeight
    /// The pull towards the particle's own best (c1).
    public let cognitive: Double
    /// The pull towards the swarm's best (c2).
    public let social: Double
    /// The largest move along one coordinate per step, as a fraction of the box.
    public let vMax: Double
    /// The space the swarm moves in, when fixed at creation (otherwise the finished trials'
    /// intersection).
    public let searchSpace: SearchSpace?
    private let fallback: RandomSampler
    private let intersections = IntersectionCache()

    /// - Parameters:
    ///   - inertia: the constant inertia weight (Clerc & Kennedy's constriction value by default).
    ///   - inertiaSchedule: a linearly falling inertia weight instead of `inertia` (Shi &
    ///     Eberhart use `(start: 0.9, end: 0.4, overTrials:)` the study's length); when given,
    ///     `inertia` is not used.
    ///   - cognitive, social: c1 and c2 (both 1.49618 with the constriction inertia).
    ///   - vMax: the velocity clamp per coordinate, a fraction of the box in (0, 1].
    ///   - searchSpace: the space, when known before the first trial; its unconditional,
    ///     many-valued parameters move jointly (conditional ones are drawn at random, as
    ///     parameters outside the relative space always are).
    /// - Throws: ``StudyError/invalidSetting(_:)`` naming the option, for a swarm of fewer than 2,
    ///   a negative or non-finite weight, a vMax outside (0, 1], or a schedule over fewer than one
    ///   trial.
    public init(seed: UInt64 = 0, swarmSize: Int = 20, inertia: Double = 0.7298,
                inertiaSchedule: (start: Double, end: Double, overTrials: Int)? = nil,
                cognitive: Double = 1.49618, social: Double = 1.49618, vMax: Double = 0.2,
                searchSpace: SearchSpace? = nil) throws {
        func check(_ value: Double, _ name: String) throws {
            guard value.isFinite, value >= 0 else { throw StudyError.invalidSetting("\(name) must be a finite number >= 0, got \(value)") }
        }
        guard swarmSize >= 2 else { throw StudyError.invalidSetting("swarmSize must be >= 2, got \(swarmSize)") }
        try check(inertia, "inertia")
        try check(cognitive, "cognitive")
        try check(social, "social")
        guard vMax > 0, vMax <= 1 else { throw StudyError.invalidSetting("vMax must be in (0, 1] (a fraction of the box), got \(vMax)") }
        if let schedule = inertiaSchedule {
            try check(schedule.start, "inertiaSchedule.start")
            try check(schedule.end, "inertiaSchedule.end")
            guard schedule.overTrials >= 1 else {
                throw StudyError.invalidSetting("inertiaSchedule.overTrials must be >= 1, got \(schedule.overTrials)")
            }
            self.inertia = .linear(start: schedule.start, end: schedule.end, overTrials: schedule.overTrials)
        } else {
            self.inertia = .constant(inertia)
        }
        self.searchSpace = searchSpace?.jointlySampled
        self.seed = seed
        self.swarmSize = swarmSize
        self.cognitive = cognitive
        self.social = social
        self.vMax = vMax
        self.fallback = RandomSampler(seed: seed)
    }

    public func relativeSearchSpace(history: TrialHistory, trial: TrialRecord) -> SearchSpace {
        searchSpace ?? intersections.intersection(of: history)
    }

    public func sampleRelative(history: TrialHistory, trial: TrialRecord, searchSpace: SearchSpace) throws -> [String: Double] {
        guard !searchSpace.isEmpty else { return [:] }
        let transform = SearchSpaceTransform(searchSpace, categoricalEncoding: .oneHot)
        let categoricalRanges = searchSpace.parameters.indices
            .filter { searchSpace.parameters[$0].distribution.isCategorical }
            .map { transform.coordinates(ofParameterAt: $0) }
        var generator = TrialRandomness.generator(
            seed: seed, trialNumber: trial.number, label: "pso:" + searchSpace.names.joined(separator: ","))
        let memory = SwarmMemory(history: history, transform: transform, swarmSize: swarmSize, trialNumber: trial.number)
        let position: [Double]
        if let current = memory.position {
            func coordinates(_ best: TrialRecord?) -> [Double]? {
                best.map { transform.encode(SwarmMemory.values(of: $0, in: searchSpace)!) }
            }
            let move = ParticleMove(inertia: inertia.weight(atTrial: trial.number), cognitive: cognitive, social: social, vMax: vMax)
            position = move.next(from: current, previous: memory.previousPosition, personalBest: coordinates(memory.personalBest),
                                 globalBest: coordinates(memory.globalBest), categoricalRanges: categoricalRanges, using: &generator)
        } else {
            position = Self.randomPosition(dimension: transform.dimension, categoricalRanges: categoricalRanges, using: &generator)
        }
        return Self.decode(position, transform: transform, using: &generator)
    }

    public func sampleIndependent(
        history: TrialHistory, trial: TrialRecord, name: String, distribution: ParameterDistribution
    ) throws -> Double {
        try fallback.sampleIndependent(history: history, trial: trial, name: name, distribution: distribution)
    }

    /// A uniform point of the box, each categorical's coordinates normalised to a probability
    /// vector.
    static func randomPosition(dimension: Int, categoricalRanges: [Range<Int>], using generator: inout SeededGenerator) -> [Double] {
        var point = (0..<dimension).map { _ in generator.uniform() }
        for range in categoricalRanges { ParticleMove.normalise(&point, range) }
        return point
    }

    /// The internal values at `position`: numeric parameters rounded to their grids by the
    /// transform, each categorical's choice drawn from its probability vector.
    static func decode(_ position: [Double], transform: SearchSpaceTransform, using generator: inout SeededGenerator) -> [String: Double] {
        var values: [String: Double] = [:]
        for (index, parameter) in transform.space.parameters.enumerated() {
            let range = transform.coordinates(ofParameterAt: index)
            if parameter.distribution.isCategorical {
                var weights = Array(position[range])
                if !(weights.reduce(0, +) > 0) { weights = [Double](repeating: 1, count: weights.count) }
                values[parameter.name] = Double(generator.weightedIndex(weights))
            } else {
                values[parameter.name] = SearchSpaceTransform.internalValue(atUnitCoordinate: position[range.lowerBound], of: parameter.distribution)
            }
        }
        return values
    }
}
