/// The inertia weight `w` of a particle-swarm move: how much of its last displacement a particle
/// keeps. A constant (Clerc & Kennedy's constriction value 0.7298 by default), or a weight falling
/// linearly with the trial number (Shi & Eberhart 1998: 0.9 → 0.4), so the swarm explores first
/// and settles later.
public enum InertiaWeight: Sendable, Equatable {
    case constant(Double)
    /// `start` at trial 0, falling linearly to `end` at trial `overTrials`, and `end` after it.
    case linear(start: Double, end: Double, overTrials: Int)

    /// The weight for the trial numbered `trialNumber`. A function of the number alone, so every
    /// worker and every resumed study uses the same weight for the same trial.
    public func weight(atTrial trialNumber: Int) -> Double {
        switch self {
        case .constant(let weight):
            return weight
        case let .linear(start, end, overTrials):
            let progress = min(max(Double(trialNumber) / Double(overTrials), 0), 1)
            return start + (end - start) * progress
        }
    }
}
