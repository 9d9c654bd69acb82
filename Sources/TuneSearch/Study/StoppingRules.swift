/// Callbacks that stop a study (pass them to `optimize(callbacks:)`).
public enum StoppingRules {
    /// Stops once `patience` trials in a row have finished without improving the best value.
    public static func noImprovement(forTrials patience: Int) -> StudyCallback {
        { study, _ in
            guard let history = try? study.history, let best = history.best else { return }
            let finishedAfterBest = history.trials.filter { $0.state.isFinished && $0.number > best.number }.count
            if finishedAfterBest >= patience { study.stop() }
        }
    }

    /// Stops once a trial reaches `target` (at most `target` when minimising, at least when
    /// maximising).
    public static func targetValue(_ target: Double) -> StudyCallback {
        { study, trial in
            guard trial.state == .complete, let value = trial.value else { return }
            if value == target || study.direction.isBetter(value, than: target) { study.stop() }
        }
    }
}
