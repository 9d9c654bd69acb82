import TuneTensor

/// A genetic algorithm: a steady-state (μ + 1) GA with tournament selection, simulated binary
/// crossover and polynomial mutation (Deb & Agrawal 1995; the bounded operators of DEAP and
/// pymoo), for float, integer and categorical parameters alike.
///
/// **What it does.** The first `populationSize` trials (until that many have COMPLETED) are drawn
/// at random, the first generation. After that, every new trial is one child: the population μ is
/// the best `populationSize` COMPLETE trials of the evolved space; two parents are picked by
/// tournaments of `tournamentSize`; with probability `crossoverRate` they are crossed (SBX on
/// float genes in the unit box of ``SearchSpaceTransform``, so log parameters cross in log space;
/// uniform crossover of integer and categorical genes, categorical ones by choice index); each
/// gene then mutates with probability `mutationRate` (1/d by default, d the number of genes):
/// polynomial mutation for numeric genes, another choice drawn uniformly for categorical ones.
/// The transform's decoding rounds integers and steps and clamps to the bounds.
///
/// **Why steady-state.** A generational GA must remember which trials belong to which
/// generation; here the population is simply "the best μ finished trials so far", rebuilt from
/// the history at each trial, and every random draw comes from the seed and the trial's number
/// (``TrialRandomness``). The sampler thus keeps no generation bookkeeping: it is safe with
/// concurrent workers (each child is bred from whatever has finished; no generation waits for
/// stragglers) and with resumed studies (a reloaded history gives the same population), and a
/// sequential run is reproducible from its seed. It is elitist by construction: a child displaces
/// a member only by beating it, so the best trials are never lost — which is why `elites` needs no
/// mechanism of its own.
///
/// **Which parameters.** It evolves the unconditional, non-single-valued parameters of
/// `searchSpace` when one is given (so the first generation already covers the known space), or
/// else the parameters every finished trial shares. Others — conditional parameters among them —
/// are drawn at random. FAIL and PRUNED trials are never parents (see ``GeneticPopulation``), nor
/// are RUNNING ones.
public struct GeneticSampler: Sampler {
    public let seed: UInt64
    /// μ: the number of best COMPLETE trials parents are picked from, and the size of the random
    /// first generation.
    public let populationSize: Int
    /// How many members a tournament compares (1: no selection pressure).
    public let tournamentSize: Int
    /// The probability that a child is a crossover of its parents rather than a copy of one.
    public let crossoverRate: Double
    /// The probability that a gene mutates; nil means 1/d for d genes.
    public let mutationRate: Double?
    /// SBX's distribution index: larger keeps children nearer their parents.
    public let sbxEta: Double
    /// Polynomial mutation's distribution index: larger makes smaller moves.
    public let mutationEta: Double
    /// The best trials always kept in the population. Documentation only: a steady-state GA keeps
    /// the best μ trials, so every elite survives whatever this is.
    public let elites: Int
    /// The evolved space when given up front (its unconditional, non-single-valued parameters).
    public let searchSpace: SearchSpace?
    private let fallback: RandomSampler
    private let intersections = IntersectionCache()

    /// - Throws: ``StudyError/invalidSetting(_:)`` naming the option for a population below 2, a
    ///   tournament size outside `1...populationSize`, a crossover or mutation rate outside
    ///   `0...1`, a negative or non-finite distribution index, elites outside
    ///   `0...populationSize`, or a `searchSpace` with nothing to evolve.
    public init(seed: UInt64 = 0, populationSize: Int = 20, tournamentSize: Int = 2, crossoverRate: Double = 0.9,
                mutationRate: Double? = nil, sbxEta: Double = 15, mutationEta: Double = 20, elites: Int = 1,
                searchSpace: SearchSpace? = nil) throws {
        guard populationSize >= 2 else { throw StudyError.invalidSetting("populationSize must be >= 2, got \(populationSize)") }
        guard (1...populationSize).contains(tournamentSize) else {
            throw StudyError.invalidSetting("tournamentSize must be in 1...populationSize (\(populationSize)), got \(tournamentSize)")
        }
        guard (0...1).contains(crossoverRate) else {
            throw StudyError.invalidSetting("crossoverRate must be in 0...1, got \(crossoverRate)")
        }
        if let mutationRate, !(0...1).contains(mutationRate) {
            throw StudyError.invalidSetting("mutationRate must be in 0...1 (or nil for 1/d), got \(mutationRate)")
        }
        guard sbxEta >= 0, sbxEta.isFinite else { throw StudyError.invalidSetting("sbxEta must be a finite number >= 0, got \(sbxEta)") }
        guard mutationEta >= 0, mutationEta.isFinite else {
            throw StudyError.invalidSetting("mutationEta must be a finite number >= 0, got \(mutationEta)")
        }
        guard (0...populationSize).contains(elites) else {
            throw StudyError.invalidSetting("elites must be in 0...populationSize (\(populationSize)), got \(elites)")
        }
        self.seed = seed
        self.populationSize = populationSize
        self.tournamentSize = tournamentSize
        self.crossoverRate = crossoverRate
        self.mutationRate = mutationRate
        self.sbxEta = sbxEta
        self.mutationEta = mutationEta
        self.elites = elites
        self.searchSpace = try searchSpace.map { space in
            let evolved = space.jointlySampled
            guard !evolved.isEmpty else {
                throw StudyError.invalidSetting("searchSpace has no unconditional parameter with more than one value to evolve")
            }
            return evolved
        }
        self.fallback = RandomSampler(seed: seed)
    }

    /// The given `searchSpace`, or the parameters every finished trial shares.
    public func relativeSearchSpace(history: TrialHistory, trial: TrialRecord) -> SearchSpace {
        searchSpace ?? intersections.intersection(of: history)
    }

    /// Random values during the first generation (or while no trial has every parameter of
    /// `searchSpace`), a child of the population afterwards.
    public func sampleRelative(history: TrialHistory, trial: TrialRecord, searchSpace: SearchSpace) throws -> [String: Double] {
        guard !searchSpace.isEmpty else { return [:] }
        let completed = history.trials.reduce(0) { $0 + ($1.state == .complete && $1.number != trial.number ? 1 : 0) }
        let population = completed >= populationSize
            ? GeneticPopulation(history: history, space: searchSpace, size: populationSize) : nil
        guard let population, !population.members.isEmpty else {
            var values: [String: Double] = [:]
            for parameter in searchSpace.parameters {
                values[parameter.name] = try fallback.sampleIndependent(
                    history: history, trial: trial, name: parameter.name, distribution: parameter.distribution)
            }
            return values
        }
        var generator = TrialRandomness.generator(
            seed: seed, trialNumber: trial.number, label: "genetic:" + searchSpace.names.joined(separator: ","))
        return breed(population, space: searchSpace, using: &generator)
    }

    /// A uniform draw (the first generation, and parameters outside the evolved space).
    public func sampleIndependent(
        history: TrialHistory, trial: TrialRecord, name: String, distribution: ParameterDistribution
    ) throws -> Double {
        try fallback.sampleIndependent(history: history, trial: trial, name: name, distribution: distribution)
    }

    /// Internal values of one child of `population` over `space`.
    func breed(_ population: GeneticPopulation, space: SearchSpace, using generator: inout SeededGenerator) -> [String: Double] {
        let transform = SearchSpaceTransform(space, categoricalEncoding: .ordinal)
        let kinds = space.parameters.map { GeneticOperators.GeneKind($0.distribution) }
        // Numeric genes are unit coordinates; categorical genes are choice indices.
        func genome(_ member: GeneticPopulation.Member) -> [Double] {
            var genes = transform.encode(member.internalValues)
            for (index, parameter) in space.parameters.enumerated() where parameter.distribution.isCategorical {
                genes[index] = member.internalValues[parameter.name]!
            }
            return genes
        }
        let first = population.tournament(size: tournamentSize, using: &generator)
        let second = population.tournament(size: tournamentSize, using: &generator)
        var child = GeneticOperators.offspring(
            genome(first), genome(second), kinds: kinds, crossoverRate: crossoverRate,
            mutationRate: mutationRate ?? 1 / Double(kinds.count), sbxEta: sbxEta, mutationEta: mutationEta,
            using: &generator)
        // Back to ordinal coordinates: choice k is the middle of its cell.
        for (index, kind) in kinds.enumerated() {
            if case .categorical(let count) = kind { child[index] = (child[index] + 0.5) / Double(count) }
        }
        return transform.decode(child)
    }
}
