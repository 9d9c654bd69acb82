import TuneOptim

/// The schedules a user can name (`--param lr_schedule=cosine`), each with defaults derived from
/// the number of epochs; the learning rate changes once per epoch.
public enum LearningRateScheduleChoice: String, Codable, CaseIterable, Sendable {
    case constant
    /// ×0.1 every third of the epochs.
    case step
    /// ×0.95 per epoch.
    case exponential
    /// Cosine annealing to 0 over the epochs.
    case cosine
    /// Linear warm-up from 0.1× over the first 5% of epochs (at least one), then cosine.
    case warmupCosine = "warmup_cosine"

    /// The schedule for a run of `epochs` epochs.
    public func schedule(epochs: Int) -> LearningRateSchedule {
        switch self {
        case .constant: return .constant
        case .step: return .step(stepSize: max(1, epochs / 3), gamma: 0.1)
        case .exponential: return .exponential(gamma: 0.95)
        case .cosine: return .cosine(totalSteps: max(1, epochs), minimum: 0)
        case .warmupCosine:
            let warmup = max(1, epochs / 20)
            return .warmup(steps: warmup, startFactor: 0.1, then: .cosine(totalSteps: max(1, epochs - warmup), minimum: 0))
        }
    }
}
