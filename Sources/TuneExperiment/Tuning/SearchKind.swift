import TuneSearch

/// The searches `tune-train --search` can run. Adding a case enrols it in the CLI and in the
/// sampler conformance tests.
public enum SearchKind: String, CaseIterable, Codable, Sendable {
    /// Every combination of the space's values (numeric ranges cut into a few points).
    case grid
    /// Independent uniform draws; over a space of lists only (every parameter categorical), draws
    /// without replacement, as scikit-learn's `RandomizedSearchCV` does, so no setting repeats.
    case random
    /// Scrambled Sobol points (quasi-random search).
    case qmc
    /// Tree-structured Parzen Estimator modelling the parameters all trials share jointly
    /// (Optuna 5.0's default).
    case tpe
    /// TPE modelling each parameter alone.
    case tpeIndependent = "tpe-independent"
    /// Bayesian optimisation with a Gaussian process (Matérn-5/2 kernel, log expected
    /// improvement) after quasi-random startup trials.
    case gp
    /// The covariance matrix adaptation evolution strategy (Hansen) over the numeric parameters,
    /// categorical ones drawn at random.
    case cmaes
    /// A steady-state genetic algorithm: tournament selection among the best completed trials,
    /// simulated binary crossover and polynomial mutation.
    case ga
    /// Particle-swarm optimisation over the unit box of the space.
    case pso
    /// The Tuning Playbook's two phases: scrambled Sobol exploration for the first part of the
    /// budget, then an exploiting sampler (TPE unless told otherwise) for the rest.
    case playbook
    /// Follows the exact gradient of the validation loss with respect to a differentiable
    /// hyperparameter (ridge's or logistic regression's `alpha`) instead of sampling; see ``isSampler``.
    case gradient

    /// Whether the search is a ``Sampler`` over arbitrary spaces (the gradient search is not: it
    /// needs a model whose hyperparameter it can differentiate).
    public var isSampler: Bool { self != .gradient }

    /// Whether the search handles parameters that exist only in some branches (a grid needs one
    /// fixed set of parameters).
    public var supportsConditionalParameters: Bool { self != .grid }

    /// The searches that can exploit what a playbook search explored.
    public static let exploiting: [SearchKind] = [.tpe, .tpeIndependent, .gp, .cmaes]

    /// The sampler for `space`, seeded.
    /// - Parameters:
    ///   - gridPoints: values per numeric range for a grid.
    ///   - budget: the trials the study should hold (a playbook search explores a third of them,
    ///     at least 10).
    ///   - exploit: what a playbook search exploits with, one of ``exploiting``.
    /// - Throws: ``SearchSpaceError`` when the space cannot be searched this way,
    ///   ``ParameterError`` for an `exploit` that cannot exploit.
    public func makeSampler(
        space: SearchSpace, seed: UInt64, gridPoints: Int = 5, budget: Int = 50, exploit: SearchKind = .tpe
    ) throws -> any Sampler {
        switch self {
        case .grid: return try GridSampler(space.gridValues(pointsPerRange: gridPoints), seed: seed)
        case .random:
            if space.parameters.allSatisfy({ $0.condition == nil && $0.distribution.isCategorical }) {
                // A grid visited in a seeded random order is sampling without replacement.
                // Its own order: a grid search with the same seed should not look like this one.
                return try GridSampler(space.gridValues(pointsPerRange: gridPoints), seed: seed ^ 0x5DEE_CE66_D1CE_5EED)
            }
            return RandomSampler(seed: seed)
        case .qmc: return QuasiRandomSampler(sequence: .sobol, scrambled: true, seed: seed, searchSpace: space)
        case .tpe: return try TPESampler(seed: seed)
        case .tpeIndependent: return try TPESampler(seed: seed, multivariate: false)
        case .gp: return try GPSampler(seed: seed, searchSpace: space)
        case .cmaes: return try CMAESSampler(seed: seed, startupTrials: 0, searchSpace: space)
        case .ga: return try GeneticSampler(seed: seed, searchSpace: space)
        case .pso: return try ParticleSwarmSampler(seed: seed, searchSpace: space)
        case .playbook:
            guard Self.exploiting.contains(exploit) else {
                throw ParameterError(message: "a playbook search exploits with one of \(Self.exploiting.map(\.rawValue).joined(separator: ", ")), not \(exploit.rawValue)")
            }
            return PlaybookSampler(
                explorationTrials: Self.explorationTrials(budget: budget),
                exploration: try SearchKind.qmc.makeSampler(space: space, seed: seed),
                exploitation: try exploit.makeSampler(space: space, seed: seed))
        // Its trials are enqueued with the values the gradient chose; the sampler draws nothing.
        case .gradient: return RandomSampler(seed: seed)
        }
    }

    /// How many trials of a `budget` a playbook search spends exploring: a third, at least 10
    /// (what a model-based sampler needs before its model means anything), never all of them.
    public static func explorationTrials(budget: Int) -> Int {
        min(max(10, (budget + 2) / 3), max(1, budget - 1))
    }
}
