import Foundation
import TuneTensor

/// The covariance matrix adaptation evolution strategy, (μ/μ_w, λ)-CMA-ES (Hansen, "The CMA
/// Evolution Strategy: A Tutorial", 2016), with the defaults of the `cmaes` package that Optuna's
/// `CmaEsSampler` uses: a strong optimiser for continuous and integer hyperparameters that learns
/// their scales and correlations from the trials.
///
/// **Space.** CMA-ES works in the unit box of ``SearchSpaceTransform`` (log parameters in log
/// space; integers and stepped floats decoded by the transform's rounding). It samples jointly the
/// numeric parameters of `searchSpace` when one is given (its unconditional, non-constant ones),
/// otherwise those every finished trial shares (the intersection, as Optuna). Categorical
/// parameters, and any parameter outside that space (conditional ones), are drawn independently
/// by a ``RandomSampler`` with the same seed. Until `startupTrials` trials have completed — and,
/// without a given space, until one has finished — trials are random. A run keeps the space it
/// started in; when the intersection shrinks (a conditional parameter), a new run starts there.
///
/// **Algorithm.** λ = 4 + ⌊3 ln d⌋ points per generation (`populationSize`), μ = ⌊λ/2⌋, log
/// weights with negative weights for the worse half, and the tutorial's learning rates (see
/// `CMAESState`). The search starts at the centre of the box (or at `x0`) with σ0 = 1/6 of the
/// box's width (Optuna's default, min range / 6). A point outside the box is drawn again, up to
/// 10·d times (Optuna's `n_max_resampling`), and the next draw is then clipped into the box.
/// With `.ipop`, a run that meets one of `cmaes`'s termination criteria (tolFun, tolX, divergence,
/// no effect, condition number) restarts from a random point with the population multiplied by
/// `factor` (IPOP-CMA-ES, Auger & Hansen 2005).
///
/// **Generations live in the history.** A sampler must be stateless across processes, so the
/// state of the search is never stored: ``claim(history:)`` — run atomically when the storage
/// creates a trial — tags each new trial with its run and generation (see `CMAESTag`), and a
/// generation's distribution is rebuilt by replaying the earlier generations from their
/// recorded members, the first λ COMPLETE trials of each (FAIL, PRUNED and still-running trials
/// do not count; more trials of the same generation are created until λ have completed). A
/// generation is told the points its trials were drawn from, recomputed from the seed and trial
/// number (the stored values when those do not reproduce, say under another seed). Replayed
/// states are cached, so a trial costs O(1) generations of replay and one read of the history; a
/// resumed study in a new process rebuilds the same states. Points are drawn with
/// ``TrialRandomness`` (seed, trial number), so a study is the same whatever order workers ask in.
/// With several workers, trials started while a generation fills are drawn from it; those that
/// complete after it is told are not told to any generation (as Optuna).
///
/// Maximised studies are minimised on negated values. A sampler instance serves one study.
public struct CMAESSampler: Sampler {
    /// Whether a run that has stopped making progress restarts.
    public enum RestartStrategy: Sendable, Equatable {
        /// One run for the whole study (as Optuna's default).
        case none
        /// IPOP-CMA-ES: restart from a random point with the population size multiplied by `factor`.
        case ipop(factor: Int = 2)
    }

    public let seed: UInt64
    /// λ of the first run; nil for 4 + ⌊3 ln d⌋.
    public let populationSize: Int?
    /// The initial step size, as a fraction of the unit box's width.
    public let sigma0: Double
    /// The first run's starting point (parameters it lacks start at the centre of their range).
    public let x0: [String: ParameterValue]?
    /// COMPLETE trials needed before CMA-ES starts (the ones before are random).
    public let startupTrials: Int
    public let restartStrategy: RestartStrategy
    /// The jointly sampled space when given up front (its numeric unconditional parameters).
    public let searchSpace: SearchSpace?
    private let fallback: RandomSampler
    /// Replayed states and known spaces, kept between trials.
    let cache = CMAESStateCache()

    /// - Throws: ``StudyError/invalidSetting(_:)`` for a population size below 2, a σ0 that is not
    ///   a positive number, a negative startup count, an IPOP factor below 2, or an `x0` value
    ///   outside its parameter's range in `searchSpace`.
    public init(seed: UInt64 = 0, populationSize: Int? = nil, sigma0: Double = 1.0 / 6, x0: [String: ParameterValue]? = nil,
                startupTrials: Int = 1, restartStrategy: RestartStrategy = .none, searchSpace: SearchSpace? = nil) throws {
        if let populationSize, populationSize < 2 {
            throw StudyError.invalidSetting("populationSize must be >= 2, got \(populationSize)")
        }
        guard sigma0 > 0, sigma0.isFinite else {
            throw StudyError.invalidSetting("sigma0 must be > 0 (a fraction of the unit box's width), got \(sigma0)")
        }
        guard startupTrials >= 0 else { throw StudyError.invalidSetting("startupTrials must be >= 0, got \(startupTrials)") }
        if case .ipop(let factor) = restartStrategy, factor < 2 {
            throw StudyError.invalidSetting("restartStrategy's IPOP factor must be >= 2, got \(factor)")
        }
        self.seed = seed
        self.populationSize = populationSize
        self.sigma0 = sigma0
        self.x0 = x0
        self.startupTrials = startupTrials
        self.restartStrategy = restartStrategy
        self.searchSpace = searchSpace.map { space in
            SearchSpace(validated: space.jointlySampled.parameters.filter { !$0.distribution.isCategorical })
        }
        self.fallback = RandomSampler(seed: seed)
        if let space = self.searchSpace { _ = try Self.startingPoint(x0, in: space) }
    }

    public var claimsTrials: Bool { true }

    /// Tags the new trial with its run and generation: the latest generation while fewer than λ
    /// of its trials have completed, otherwise the next one (or, with IPOP, the first generation
    /// of a new run when the finished one meets a termination criterion), recording the λ trials
    /// that finished the previous generation. Untagged (random) during the startup trials.
    public func claim(history: TrialHistory) throws -> TrialClaim {
        let trials = history.trials
        let found = cache.withDigest { digest -> (space: SearchSpace, progress: CMAESHistoryDigest.Progress)? in
            let unsettled = digest.settle(trials)
            let view = digest.including(unsettled)
            guard view.completeCount >= startupTrials else { return nil }
            let space = searchSpace ?? view.sharedNumericSpace
            guard !space.isEmpty else { return nil }
            return (space, digest.progress(of: space, trials: trials, unsettled: unsettled))
        }
        guard let (space, progress) = found else { return .start(systemAttributes: [:]) }
        cache.store(space)
        let current = progress.latest ?? CMAESLedger.Slot(restart: 0, generation: 0)
        let size = populationSize(restart: current.restart, dimension: space.count)
        guard progress.completed.count >= size else {
            return .start(systemAttributes: CMAESTag(space: space.names, restart: current.restart, generation: current.generation).attributes)
        }
        let parents = Array(progress.completed.prefix(size))
        var next = CMAESLedger.Slot(restart: current.restart, generation: current.generation + 1)
        if case .ipop = restartStrategy {
            // The told state is not cached: this claim's transaction may still roll back.
            var state = try state(of: next, space: space, direction: history.direction, cachingThrough: current.generation) {
                CMAESLedger(trials: trials, space: space, restart: current.restart, generations: $0)
            }
            if try state.shouldStop() { next = CMAESLedger.Slot(restart: current.restart + 1, generation: 0) }
        }
        let tag = CMAESTag(space: space.names, restart: next.restart, generation: next.generation, parents: parents)
        return .start(systemAttributes: tag.attributes)
    }

    /// The space the trial was tagged with by ``claim(history:)``; empty for untagged trials.
    public func relativeSearchSpace(history: TrialHistory, trial: TrialRecord) -> SearchSpace {
        guard let tag = CMAESTag(trial.systemAttributes) else { return SearchSpace(validated: []) }
        return space(named: tag.space, history: history) ?? SearchSpace(validated: [])
    }

    /// A point of the trial's generation, drawn from the seed and the trial's number.
    public func sampleRelative(history: TrialHistory, trial: TrialRecord, searchSpace: SearchSpace) throws -> [String: Double] {
        guard !searchSpace.isEmpty, let tag = CMAESTag(trial.systemAttributes), tag.space == searchSpace.names else { return [:] }
        var state = try state(of: CMAESLedger.Slot(restart: tag.restart, generation: tag.generation), space: searchSpace,
                              direction: history.direction) {
            CMAESLedger(trials: history.trials, space: searchSpace, restart: tag.restart, generations: $0)
        }
        var generator = pointGenerator(trialNumber: trial.number)
        let point = try state.ask(using: &generator, maxResampling: Self.maxResampling(dimension: searchSpace.count))
        return SearchSpaceTransform(searchSpace).decode(point)
    }

    /// A uniform draw (the startup trials, categorical and conditional parameters).
    public func sampleIndependent(
        history: TrialHistory, trial: TrialRecord, name: String, distribution: ParameterDistribution
    ) throws -> Double {
        try fallback.sampleIndependent(history: history, trial: trial, name: name, distribution: distribution)
    }

    /// The space of `names`: the given one, a cached one, or the distributions the history's
    /// trials drew those names from (one name has one distribution per study).
    private func space(named names: [String], history: TrialHistory) -> SearchSpace? {
        if let cached = cache.space(named: names) { return cached }
        if let searchSpace, searchSpace.names == names { return searchSpace }
        let trials = history.trials
        var parameters: [SearchSpace.Parameter] = []
        for name in names {
            guard let distribution = trials.lazy.compactMap({ $0.distributions[name] }).first,
                  !distribution.isCategorical else { return nil }
            parameters.append(.init(name, distribution))
        }
        let space = SearchSpace(validated: parameters)
        cache.store(space)
        return space
    }

    /// Draws before a point outside the box is clipped into it (Optuna's `n_max_resampling`).
    static func maxResampling(dimension: Int) -> Int { 10 * dimension }

    /// The generator of trial `trialNumber`'s point.
    func pointGenerator(trialNumber: Int) -> SeededGenerator {
        TrialRandomness.generator(seed: seed, trialNumber: trialNumber, label: "cmaes")
    }

    /// λ of run `restart`: the first run's, times the IPOP factor per restart.
    func populationSize(restart: Int, dimension: Int) -> Int {
        var size = populationSize ?? CMAESState.defaultPopulationSize(dimension: dimension)
        if case .ipop(let factor) = restartStrategy {
            for _ in 0..<restart where size <= 1 << 40 { size *= factor }
        }
        return size
    }

    /// The unit-box coordinates of `x0` in `space` (the centre for parameters it lacks).
    /// - Throws: ``StudyError/invalidSetting(_:)`` for a value outside its parameter's range.
    static func startingPoint(_ x0: [String: ParameterValue]?, in space: SearchSpace) throws -> [Double] {
        try space.parameters.map { parameter in
            guard let value = x0?[parameter.name] else { return 0.5 }
            guard let internalValue = parameter.distribution.internalValue(value) else {
                throw StudyError.invalidSetting("x0's value \(value) for '\(parameter.name)' is not in \(parameter.distribution)")
            }
            return SearchSpaceTransform.unitCoordinate(ofInternalValue: internalValue, in: parameter.distribution)
        }
    }
}
