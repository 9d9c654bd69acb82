/// The training loss of one run, step by step: each optimizer step's mini-batch loss (evaluated
/// before that step's update) and its trailing mean over ``window`` steps, which is what
/// `lr-sweep` and `bench-optimizers` read (a single mini-batch loss is too noisy to compare).
///
/// With full-batch training the window is 1 and the smoothed loss is the exact training loss.
/// The means of the first steps, over fewer than `window` batches, are noisy: they are kept for
/// drawing the curve but not used for ``bestLoss`` or ``firstStep(atOrBelow:)``, which read full
/// windows only (so with mini-batches no step before the window's end is ever "first").
/// Encoded as its ``sampled(maximum:)`` points.
public struct LossCurve: Encodable, Sendable, Equatable {
    /// Step k's mini-batch loss at index k − 1.
    public let batchLosses: [Double]
    /// Steps averaged by ``smoothed``: one epoch of batches (capped by the budget), so the smoothed
    /// loss at an epoch's last step is that epoch's mean training loss.
    public let window: Int
    /// Element k − 1 is the mean batch loss over steps max(1, k − window + 1) … k.
    public let smoothed: [Double]

    public init(batchLosses: [Double], window: Int) {
        precondition(window >= 1, "LossCurve: window \(window)")
        self.batchLosses = batchLosses
        self.window = window
        // A running sum would leave rounding residue (10 + 5 − 10 ≠ 5 exactly after more terms);
        // a window of one step is the batch loss itself.
        guard window > 1 else {
            smoothed = batchLosses
            return
        }
        var means: [Double] = []
        means.reserveCapacity(batchLosses.count)
        var sum = 0.0
        for (index, loss) in batchLosses.enumerated() {
            sum += loss
            if index >= window { sum -= batchLosses[index - window] }
            means.append(sum / Double(min(index + 1, window)))
        }
        smoothed = means
    }

    /// Steps recorded.
    public var steps: Int { batchLosses.count }

    /// The smoothed loss after `step` steps (1-based).
    public func loss(atStep step: Int) -> Double { smoothed[step - 1] }

    /// The loss before any training: the first step's batch loss.
    public var startingLoss: Double? { smoothed.first }

    /// The smoothed loss after the last step.
    public var finalLoss: Double? { smoothed.last }

    /// The smoothed losses over full windows (all of them when the curve is shorter than one).
    private var fullWindows: ArraySlice<Double> { smoothed[(min(window, steps) - 1)...] }

    /// The lowest smoothed loss over a full window.
    public var bestLoss: Double? { steps > 0 ? fullWindows.min() : nil }

    /// The first step whose smoothed loss over a full window is at or below `level`.
    public func firstStep(atOrBelow level: Double) -> Int? {
        guard steps > 0 else { return nil }
        return fullWindows.firstIndex { $0 <= level }.map { $0 + 1 }
    }

    /// The first step within `tolerance` of the curve's own best loss, the tolerance being a
    /// fraction of the drop from the starting loss to the best (0.01: the step that made 99% of
    /// the run's progress). This is "the step at which the best loss was reached", robust to a
    /// loss that keeps creeping down by insignificant amounts until the end of the budget.
    public func stepReachingBest(tolerance: Double) -> Int? {
        guard let start = startingLoss, let best = bestLoss else { return nil }
        return firstStep(atOrBelow: best + tolerance * max(start - best, 0))
    }

    /// The smoothed curve at up to `maximum` evenly spaced steps, the first and the last
    /// included: small enough for JSON, dense enough to draw loss against step.
    public func sampled(maximum: Int = 200) -> Sample {
        guard steps > 0 else { return Sample(window: window, steps: [], loss: []) }
        let chosen: [Int]
        if steps <= maximum {
            chosen = Array(1...steps)
        } else {
            let stride = Double(steps - 1) / Double(max(maximum - 1, 1))
            var picked: [Int] = []
            for index in 0..<maximum {
                let step = 1 + Int((Double(index) * stride).rounded())
                if picked.last != step { picked.append(step) }
            }
            chosen = picked
        }
        return Sample(window: window, steps: chosen, loss: chosen.map(loss(atStep:)))
    }

    /// The curve as JSON: at most 200 points.
    public func encode(to encoder: Encoder) throws {
        try sampled().encode(to: encoder)
    }

    /// Points of a ``LossCurve`` as JSON: `{"window": W, "steps": [...], "loss": [...]}`, the
    /// smoothed loss after each listed step.
    public struct Sample: Encodable, Sendable, Equatable {
        public var window: Int
        public var steps: [Int]
        public var loss: [Double]
    }
}
