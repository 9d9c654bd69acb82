/// The Tuning Playbook's first guess at `max_train_steps` from a constant-rate learning-rate sweep
/// (`004_5ec52f916ac0baa4.txt` §3): the number of steps the fastest rate needs to reach full
/// training performance.
///
/// The rule, on each rate's smoothed training-loss curve (``LossCurve``):
/// 1. The sweep's best loss is the lowest loss any rate that did not diverge reached.
/// 2. A rate reaches full training performance if its own best loss is within `tolerance` of the
///    sweep's best, the tolerance being a fraction of the drop from the starting loss to the
///    sweep's best (0.01: within 1% of the progress the best rate made).
/// 3. Among those rates the fastest, the one whose ``LossCurve/stepReachingBest(tolerance:)`` is
///    smallest, is chosen (ties go to the lower loss), and `max_train_steps` is that step count
///    rounded up to two significant figures.
/// 4. When the chosen rate's loss was still falling at the end, by more than the tolerance over the
///    budget's last tenth (or its last window, if longer), the budget was too small
///    (``budgetTooSmall``); when it is the smallest or largest rate of the grid the grid may be
///    too narrow (``rateAtGridEdge``), the self-deception the playbook warns about.
public struct MaxTrainStepsRecommendation: Encodable, Sendable, Equatable {
    /// The fastest rate to reach full training performance.
    public var learningRate: Double
    /// The step at which it reached its best loss (within the tolerance).
    public var stepsToBest: Int
    /// Its best (smoothed) training loss.
    public var bestLoss: Double
    /// The suggested initial `max_train_steps`: ``stepsToBest`` rounded up to two significant
    /// figures.
    public var maxTrainSteps: Int
    /// The chosen rate's loss was still falling at the end of the budget: sweep again with more
    /// steps before trusting ``maxTrainSteps``.
    public var budgetTooSmall: Bool
    /// The chosen rate is the smallest or largest of the grid: widen the grid on that side.
    public var rateAtGridEdge: Bool

    enum CodingKeys: String, CodingKey {
        case learningRate = "lr", stepsToBest = "steps_to_best", bestLoss = "best_loss", maxTrainSteps = "max_train_steps"
        case budgetTooSmall = "budget_too_small", rateAtGridEdge = "rate_at_grid_edge"
    }

    /// Applies the rule to one curve per rate (`diverged` rates are left out).
    /// - Returns: nil when every rate diverged or recorded nothing.
    public static func choose(
        from runs: [(learningRate: Double, curve: LossCurve, diverged: Bool)], tolerance: Double, budget: Int
    ) -> MaxTrainStepsRecommendation? {
        let usable = runs.filter { !$0.diverged && $0.curve.steps > 0 }
        guard let leader = usable.min(by: { $0.curve.bestLoss! < $1.curve.bestLoss! }) else { return nil }
        let sweepBest = leader.curve.bestLoss!
        let band = sweepBest + tolerance * max(leader.curve.startingLoss! - sweepBest, 0)
        let candidates = usable.filter { $0.curve.bestLoss! <= band }.map { run in
            (run: run, steps: run.curve.stepReachingBest(tolerance: tolerance)!)
        }
        let fastest = candidates.min { first, second in
            first.steps != second.steps ? first.steps < second.steps : first.run.curve.bestLoss! < second.run.curve.bestLoss!
        }!
        let curve = fastest.run.curve
        let tail = min(max(curve.window, budget / 10), curve.steps - 1)
        let lastFall = curve.loss(atStep: curve.steps - tail) - curve.finalLoss!
        let rates = runs.map(\.learningRate)
        return MaxTrainStepsRecommendation(
            learningRate: fastest.run.learningRate, stepsToBest: fastest.steps, bestLoss: fastest.run.curve.bestLoss!,
            maxTrainSteps: roundedUpToTwoSignificantFigures(fastest.steps),
            budgetTooSmall: lastFall > tolerance * max(curve.startingLoss! - sweepBest, 0),
            rateAtGridEdge: rates.count > 1 && (fastest.run.learningRate == rates.min() || fastest.run.learningRate == rates.max()))
    }

    /// 87 → 87, 437 → 440, 1201 → 1300.
    static func roundedUpToTwoSignificantFigures(_ steps: Int) -> Int {
        var unit = 1
        while steps / unit >= 100 { unit *= 10 }
        return (steps + unit - 1) / unit * unit
    }
}
