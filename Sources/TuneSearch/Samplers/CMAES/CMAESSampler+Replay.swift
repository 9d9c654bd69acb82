import TuneTensor

/// Rebuilding a generation's state from the history: the run's initial state, then one update
/// per earlier generation with the points and values of its recorded members.
extension CMAESSampler {
    /// The state run `slot.restart` has at generation `slot.generation`, from the newest cached
    /// state at or before it, replaying the generations in between from a ledger of those
    /// generations (`ledger` reads it from the history, only when the cache falls short).
    /// Replayed states up to generation `cachingThrough` are cached.
    /// - Throws: ``LinearAlgebraError`` when C cannot be decomposed; ``StudyError`` for an `x0`
    ///   outside the space.
    func state(of slot: CMAESLedger.Slot, space: SearchSpace, direction: StudyDirection,
               cachingThrough: Int = .max, ledger makeLedger: (ClosedRange<Int>) -> CMAESLedger) throws -> CMAESState {
        let run = CMAESStateCache.Run(space: space.names, restart: slot.restart)
        let cached = cache.state(run, atMost: slot.generation)
        if let cached, cached.generation == slot.generation { return cached.state }
        var (generation, state) = try cached ?? (0, initialState(restart: slot.restart, space: space))
        if cached == nil {
            _ = try state.eigenbasis()
            cache.store(state, run: run, generation: 0)
        }
        let ledger = makeLedger(generation...slot.generation)
        let transform = SearchSpaceTransform(space)
        let sign = direction == .minimize ? 1.0 : -1.0
        while generation < slot.generation {
            let members = ledger.members(of: CMAESLedger.Slot(restart: slot.restart, generation: generation),
                                         populationSize: state.populationSize)
            // Only an edited history lacks members of a generation that has a successor.
            guard members.count == state.populationSize else { break }
            var solutions: [(point: [Double], value: Double)] = []
            for member in members {
                solutions.append((try point(of: member, drawnFrom: &state, transform: transform), sign * member.value!))
            }
            try state.tell(solutions)
            _ = try state.eigenbasis()
            generation += 1
            if generation <= cachingThrough { cache.store(state, run: run, generation: generation) }
        }
        return state
    }

    /// Run `restart`'s first state: at `x0` (or the centre) for the first run, at a point drawn
    /// from the seed for later ones (as Optuna's IPOP); σ0; C = I.
    func initialState(restart: Int, space: SearchSpace) throws -> CMAESState {
        let mean: [Double]
        if restart == 0 {
            mean = try Self.startingPoint(x0, in: space)
        } else {
            var generator = TrialRandomness.generator(seed: seed, trialNumber: restart, label: "cmaes:restart")
            mean = space.parameters.map { _ in generator.uniform() }
        }
        return CMAESState(mean: mean, sigma: sigma0, populationSize: populationSize(restart: restart, dimension: space.count))
    }

    /// The unit-box point `trial` was drawn from at `state` — redrawn from the seed and its number
    /// — when it decodes to the trial's stored values; otherwise (another seed, or parameters the
    /// sampler did not choose) the stored values' coordinates. For continuous parameters the two
    /// agree; for integers the drawn point keeps what rounding lost.
    func point(of trial: TrialRecord, drawnFrom state: inout CMAESState, transform: SearchSpaceTransform) throws -> [Double] {
        var generator = pointGenerator(trialNumber: trial.number)
        let point = try state.ask(using: &generator, maxResampling: Self.maxResampling(dimension: state.dimension))
        let reproduces = transform.decode(point).allSatisfy { name, value in
            guard let stored = trial.internalParameters[name] else { return false }
            return abs(value - stored) <= 1e-12 * max(1, abs(stored))
        }
        return reproduces ? point : transform.encode(trial.internalParameters)
    }
}
