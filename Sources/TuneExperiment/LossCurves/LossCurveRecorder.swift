import TuneModels

/// Collects a training run's per-step losses into storage reserved for the whole budget (the
/// training loop never waits on an allocation), ends the run after `budget` steps, and ends it
/// early when the loss runs away (``divergedAtStep``).
///
/// Used from the one thread that trains the model; the callback is marked `@Sendable` because
/// the estimators store it, not because it is called concurrently.
public final class LossCurveRecorder: @unchecked Sendable {
    /// The run is stopped once the smoothed loss over a full window exceeds this multiple of the
    /// starting loss: the rate has made the model worse than its untrained start, and the
    /// remaining steps would be wasted (fastai's learning-rate finder stops at 4× the best loss,
    /// stricter on a run that had made progress; relative to the start, a loss that only
    /// oscillates is not stopped). Partial windows at the start are too noisy to judge.
    public static let divergenceFactor = 2.0

    public let budget: Int
    public let window: Int
    private var losses: [Double]
    private var windowSum = 0.0
    /// The step at which the smoothed loss passed ``divergenceFactor`` × the starting loss.
    public private(set) var divergedAtStep: Int?

    public init(budget: Int, window: Int) {
        precondition(budget >= 1 && window >= 1, "LossCurveRecorder: budget \(budget), window \(window)")
        self.budget = budget
        self.window = window
        losses = []
        losses.reserveCapacity(budget)
    }

    /// Steps recorded so far.
    public var steps: Int { losses.count }

    /// What was recorded, as a curve.
    public var curve: LossCurve { LossCurve(batchLosses: losses, window: window) }

    /// The hook to give a training run (``TrainingRun/stepCallback``).
    public var callback: StepCallback {
        { [self] _, loss in record(loss) }
    }

    private func record(_ loss: Double) -> TrainingDecision {
        losses.append(loss)
        windowSum += loss
        if losses.count > window { windowSum -= losses[losses.count - 1 - window] }
        let smoothed = windowSum / Double(min(losses.count, window))
        if losses.count >= window, losses[0] > 0, smoothed > Self.divergenceFactor * losses[0] {
            divergedAtStep = losses.count
            return .stop
        }
        return losses.count >= budget ? .stop : .proceed
    }
}
