import Foundation
import TuneData
import TuneModels
import TuneSearch

/// What one trial of a `tune-train` study computes: it suggests every parameter of the space
/// (skipping conditional ones whose condition fails), trains the model with them, and returns the
/// cross-validated score on the training part — or, without folds, the score on a validation
/// split of it, reporting each epoch's validation score so pruners can stop the trial.
struct TuningObjective: Sendable {
    var model: ModelKind
    var space: SearchSpace
    /// The training part of the data (the test part is never seen by trials).
    var trainingPart: Dataset
    /// Cross-validation folds; nil for a validation split.
    var folds: Int?
    var validationFraction: Double
    var scaling: FeatureScaling
    var seed: UInt64
    /// `--param` settings applied to every trial (not searched).
    var fixedParameters: [(name: String, value: String)]
    var foldConcurrency: Int

    func callAsFunction(_ trial: Trial) throws -> Double {
        let chosen = try trial.suggest(space)
        let parameters = fixedParameters.filter { fixed in !chosen.contains { $0.name == fixed.name } }
            + chosen.map { ($0.name, $0.value.description) }
        var run = TrainingRun(model: model, parameters: parameters, scaling: scaling, seed: seed)
        if let folds {
            let result = try run.crossValidationScore(on: trainingPart, folds: folds, concurrency: foldConcurrency)
            try trial.setUserAttribute("cv_scores", .array(result.scores.map { .double($0) }))
            return result.mean
        }
        let (train, validation) = try trainingPart.trainTestSplit(testSize: .fraction(validationFraction), seed: seed)
        let pruning = PruningHook(trial: trial)
        run.epochCallback = pruning.callback
        let score = try run.validationScore(train: train, validation: validation)
        try pruning.rethrow()
        return score
    }
}

/// Carries epoch reports from a training session to a trial: reports each epoch's validation
/// score and stops training when the pruner says so. Errors cannot leave the callback, so they
/// are kept and rethrown after training.
private final class PruningHook: @unchecked Sendable {
    let trial: Trial
    private let lock = NSLock()
    private var outcome: (any Error)?

    init(trial: Trial) { self.trial = trial }

    var callback: EpochCallback {
        { [self] report in
            guard let metric = report.validationMetric else { return .proceed }
            do {
                try trial.report(metric, step: report.epoch)
                if try trial.shouldPrune() {
                    keep(TrialPruned())
                    return .stop
                }
                return .proceed
            } catch {
                keep(error)
                return .stop
            }
        }
    }

    private func keep(_ error: any Error) {
        lock.lock()
        outcome = error
        lock.unlock()
    }

    func rethrow() throws {
        lock.lock()
        defer { lock.unlock() }
        if let outcome { throw outcome }
    }
}
