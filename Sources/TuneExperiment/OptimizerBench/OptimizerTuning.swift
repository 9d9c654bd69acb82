import TuneData
import TuneSearch

/// A short TPE study that tunes one optimizer for one problem before `bench-optimizers --tuned`
/// measures it: the learning rate, log-uniform over two decades either side of the usual
/// default, and for the momentum optimizers the momentum in [0.5, 0.99]. Each trial trains for
/// the benchmark's step budget on the training part alone and scores the smoothed training loss
/// after the last step (lower is better), the quantity the benchmark compares; a diverging trial
/// fails and TPE counts it among the bad ones.
struct OptimizerTuning: Sendable {
    var trials: Int
    var steps: Int
    var seed: UInt64

    /// The best setting found, starting from `setting`'s optimizer and defaults.
    /// - Throws: ``TuningError/noTrialCompleted(study:trials:firstFailure:)`` when every trial
    ///   failed; storage errors of the in-memory study (not expected).
    func tune(_ setting: BenchOptimizerSetting, on problem: OptimizerBenchProblem, train: Dataset) throws -> BenchOptimizerSetting {
        let study = try Study(
            name: "\(problem.rawValue)-\(setting.optimizer.rawValue)", direction: .minimize,
            sampler: try TPESampler(seed: seed), storage: InMemoryStorage())
        let (steps, seed) = (self.steps, self.seed)
        try study.optimize(trials: trials) { trial in
            var candidate = setting
            candidate.learningRate = try trial.suggestFloat(
                "lr", (setting.learningRate / 100)...(setting.learningRate * 100), log: true)
            if setting.tunesMomentum { candidate.momentum = try trial.suggestFloat("momentum", 0.5...0.99) }
            let outcome = try OptimizerBench.measure(candidate, on: problem, train: train, test: train, steps: steps, seed: seed)
            guard !outcome.diverged, let loss = outcome.curve.finalLoss else { throw TrialDiverged() }
            return loss
        }
        guard let best = try study.bestParameters else {
            let trials = try study.trials
            throw TuningError.noTrialCompleted(study: study.name, trials: trials.count, firstFailure: trials.compactMap(\.failReason).first)
        }
        var tuned = setting
        tuned.learningRate = best["lr"]?.number ?? setting.learningRate
        if setting.tunesMomentum { tuned.momentum = best["momentum"]?.number }
        return tuned
    }

    /// A trial whose training diverged: it fails, naming why.
    private struct TrialDiverged: Error, CustomStringConvertible {
        var description: String { "the training loss diverged" }
    }
}
