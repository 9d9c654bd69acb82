/// What one particle knows when its next trial starts, reconstructed from the study's history
/// rather than kept in the sampler: its current position, the position before it, its personal
/// best and the swarm's global best.
///
/// Keeping no state is what lets several workers share one study and a resumed study carry on:
/// the history holds every position a particle took (the parameters of its trials), so any
/// sampler instance given the same history, trial number and seed makes the same move.
///
/// - The particle of a trial is `number % swarmSize`; its trajectory is its trials in number order.
/// - Only trials numbered before the current one are read, so a history loaded a little later
///   (other workers having started trials since) gives the same memory.
/// - A trial is a position of the space when it has every parameter of the space with the space's
///   distribution, whatever its state: a RUNNING trial's position is known as soon as its
///   parameters are, so a particle moves on from it without waiting for its value, and a FAIL or
///   PRUNED trial is still a place the particle went.
/// - Positions are the trials' box coordinates (``SearchSpaceTransform`` with one-hot
///   categoricals). A categorical's probability vector is not stored, only the choice drawn from
///   it, so a stored position holds the one-hot vector of that choice.
/// - Only COMPLETE trials with a finite value become a best (the earliest among equals): a FAIL
///   trial has no value to compare, and a PRUNED trial's last intermediate value does not measure
///   the objective.
struct SwarmMemory: Sendable {
    /// The box coordinates of the particle's latest trial of the space, or nil (the particle has
    /// not been anywhere yet).
    var position: [Double]?
    /// The box coordinates of the particle's trial of the space before that one, or nil.
    var previousPosition: [Double]?
    /// The particle's best COMPLETE trial of the space.
    var personalBest: TrialRecord?
    /// The study's best COMPLETE trial of the space.
    var globalBest: TrialRecord?

    /// The memory of the particle that trial `trialNumber` belongs to.
    init(history: TrialHistory, transform: SearchSpaceTransform, swarmSize: Int, trialNumber: Int) {
        let particle = trialNumber % swarmSize
        let space = transform.space
        let direction = history.direction
        var latest: TrialRecord?, beforeLatest: TrialRecord?
        for trial in history.trials where trial.number < trialNumber {
            guard Self.values(of: trial, in: space) != nil else { continue }
            if Self.isBetterBest(trial, than: globalBest, direction: direction) { globalBest = trial }
            guard trial.number % swarmSize == particle else { continue }
            if Self.isBetterBest(trial, than: personalBest, direction: direction) { personalBest = trial }
            // Trials come in number order, so the last two seen are the latest two.
            beforeLatest = latest
            latest = trial
        }
        position = latest.map { transform.encode(Self.values(of: $0, in: space)!) }
        previousPosition = beforeLatest.map { transform.encode(Self.values(of: $0, in: space)!) }
    }

    /// The internal values of `space`'s parameters in `trial`, or nil when it lacks one or drew
    /// one from another distribution.
    static func values(of trial: TrialRecord, in space: SearchSpace) -> [String: Double]? {
        var values: [String: Double] = [:]
        for parameter in space.parameters {
            guard trial.distributions[parameter.name] == parameter.distribution,
                  let value = trial.internalParameters[parameter.name] else { return nil }
            values[parameter.name] = value
        }
        return values
    }

    /// Whether `trial` may be a best (COMPLETE with a finite value) and beats `incumbent`
    /// strictly, so the earliest of equal trials stays the best.
    static func isBetterBest(_ trial: TrialRecord, than incumbent: TrialRecord?, direction: StudyDirection) -> Bool {
        guard trial.state == .complete, let value = trial.value, value.isFinite else { return false }
        guard let incumbentValue = incumbent?.value else { return true }
        return direction.isBetter(value, than: incumbentValue)
    }
}
