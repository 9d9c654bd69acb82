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

        /// Whether the rank competes for the good group (COMPLETE and PRUNED trials).
        var isRanked: Bool {
            if case .bad = self { return false }
            return true
        }
    }

    var number: Int
    var rank: Rank
    /// One per parameter of the modelled space, in its order (see ``TPESampler/coordinate(_:_:)``).
    var coordinates: [Double]

    /// `trial` as an observation of `space`, or nil when it lacks a parameter or drew one from
    /// another distribution (or is COMPLETE without a value).
    init?(_ trial: TrialRecord, space: SearchSpace, direction: StudyDirection) {
        var coordinates: [Double] = []
        coordinates.reserveCapacity(space.count)
        for parameter in space.parameters {
            guard trial.distributions[parameter.name] == parameter.distribution,
                  let value = trial.internalParameters[parameter.name] else { return nil }
            coordinates.append(TPESampler.coordinate(value, parameter.distribution))
        }
        let sign = direction == .minimize ? 1.0 : -1.0
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
        self.number = trial.number
        self.coordinates = coordinates
    }
}
