import Foundation

/// How the learning rate changes over training steps (or epochs: the unit is the caller's), as a
/// factor applied to the base rate. Closed forms of PyTorch's `StepLR`, `ExponentialLR`,
/// `CosineAnnealingLR` and `LinearLR` warm-up followed by another schedule (`SequentialLR`).
public indirect enum LearningRateSchedule: Codable, Sendable, Equatable {
    /// The base rate throughout.
    case constant
    /// The rate times `gamma` every `stepSize` steps.
    case step(stepSize: Int, gamma: Double)
    /// The rate times `gammaᵗ`.
    case exponential(gamma: Double)
    /// Half a cosine from the base rate down to `minimum` over `totalSteps`, then `minimum`
    /// (Loshchilov & Hutter 2017, without restarts).
    case cosine(totalSteps: Int, minimum: Double)
    /// A linear ramp from `startFactor` × the base rate to the base rate over `steps`, then
    /// `then` started from its step 0.
    case warmup(steps: Int, startFactor: Double, then: LearningRateSchedule)

    /// The learning rate at step `t` (from 0) for base rate `base`.
    public func learningRate(base: Double, atStep t: Int) -> Double {
        switch self {
        case .constant:
            return base
        case .step(let size, let gamma):
            return base * Foundation.pow(gamma, Double(t / size))
        case .exponential(let gamma):
            return base * Foundation.pow(gamma, Double(t))
        case .cosine(let total, let minimum):
            let progress = Double(min(t, total)) / Double(total)
            return minimum + (base - minimum) * (1 + Foundation.cos(Double.pi * progress)) / 2
        case .warmup(let steps, let start, let next):
            guard t < steps else { return next.learningRate(base: base, atStep: t - steps) }
            return base * (start + (1 - start) * Double(t) / Double(steps))
        }
    }

    /// Checks the schedule's parameters.
    /// - Throws: ``InvalidHyperparameter`` naming the field and its range.
    public func validate() throws {
        switch self {
        case .constant: return
        case .step(let size, let gamma):
            try require(size >= 1, "step_size", ">= 1", size)
            try require(gamma > 0 && gamma <= 1, "gamma", "in (0, 1]", gamma)
        case .exponential(let gamma):
            try require(gamma > 0 && gamma <= 1, "gamma", "in (0, 1]", gamma)
        case .cosine(let total, let minimum):
            try require(total >= 1, "total_steps", ">= 1", total)
            try require(minimum >= 0, "min_lr", ">= 0", minimum)
        case .warmup(let steps, let start, let next):
            try require(steps >= 1, "warmup_steps", ">= 1", steps)
            try require(start > 0 && start <= 1, "warmup_start_factor", "in (0, 1]", start)
            try next.validate()
        }
    }
}
