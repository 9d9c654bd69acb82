import TuneTensor

/// The parents a ``GeneticSampler`` breeds a new trial from: the best `size` COMPLETE trials that
/// have every parameter of the evolved space (drawn from the same distribution), best first, ties
/// broken by trial number.
///
/// It is rebuilt from the history at every trial rather than kept, so it depends only on the
/// finished trials: whichever worker or process asks, and in whatever order, sees the same
/// population for the same history. FAIL and PRUNED trials are never members — a failure has no
/// value and a pruned trial's value is that of an unfinished run, not comparable with completed
/// ones — and neither are RUNNING trials, whose values are not known yet.
struct GeneticPopulation: Sendable {
    struct Member: Sendable, Equatable {
        var number: Int
        var value: Double
        /// Internal values of the space's parameters.
        var internalValues: [String: Double]
    }

    /// Best first.
    let members: [Member]

    init(history: TrialHistory, space: SearchSpace, size: Int) {
        let sign = history.direction == .minimize ? 1.0 : -1.0
        var candidates: [Member] = []
        for trial in history.trials where trial.state == .complete {
            guard let value = trial.value, value.isFinite else { continue }
            var values: [String: Double] = [:]
            var complete = true
            for parameter in space.parameters {
                guard trial.distributions[parameter.name] == parameter.distribution,
                      let internalValue = trial.internalParameters[parameter.name] else {
                    complete = false
                    break
                }
                values[parameter.name] = internalValue
            }
            if complete { candidates.append(Member(number: trial.number, value: value, internalValues: values)) }
        }
        candidates.sort { sign * $0.value < sign * $1.value || ($0.value == $1.value && $0.number < $1.number) }
        members = Array(candidates.prefix(size))
    }

    /// The best of `size` members drawn uniformly with replacement (DEAP's `selTournament`).
    /// Members are sorted best first, so the winner is the smallest index drawn.
    /// - Precondition: the population is not empty and `size >= 1`.
    func tournament(size: Int, using generator: inout SeededGenerator) -> Member {
        var winner = generator.integer(in: 0..<members.count)
        for _ in 1..<max(size, 1) { winner = min(winner, generator.integer(in: 0..<members.count)) }
        return members[winner]
    }
}
