import Foundation
import TuneData
import TuneModels

/// One gradient-trained model run for exactly ``steps`` optimizer steps (mini-batch updates,
/// counted across epochs) with its per-step loss recorded: the unit of work of `lr-sweep` and
/// `bench-optimizers`.
///
/// The run's `epochs` is set to the step budget, an upper bound since every epoch takes at least
/// one step, and the recorder ends training at the budget. A run whose loss becomes NaN or
/// infinite, or runs away (``LossCurveRecorder/divergenceFactor``), is reported as diverged with
/// the curve up to that point rather than thrown.
public struct StepBudgetRun: Sendable {
    /// The model, its parameters, scaling and seed; its `epochs` and step callback are replaced
    /// and it does not cross-validate (the folds' steps would enter the curve).
    public var run: TrainingRun
    public var steps: Int

    /// The documents' 1,000 steps (`002_57ed9592af0011c8.txt` §4).
    public static let defaultSteps = 1000

    public init(run: TrainingRun, steps: Int) {
        self.run = run
        self.steps = steps
    }

    /// What a budgeted run produced.
    public struct Outcome: Sendable {
        public var curve: LossCurve
        /// The step at which the loss became non-finite or ran away; nil if the run finished.
        public var divergedAtStep: Int?
        /// The fitted model's scores and settings; nil when the run diverged.
        public var result: TrainingResult?
        /// Seconds spent fitting (the whole call when the run diverged).
        public var seconds: Double

        public var diverged: Bool { divergedAtStep != nil }
    }

    /// Trains on `train` (scaled by its own statistics) and scores on `test`.
    /// - Throws: ``ParameterError`` for a budget below one step, ``ParameterError`` or
    ///   ``ModelError`` for unusable settings, as ``TrainingRun``.
    public func callAsFunction(train: Dataset, test: Dataset) throws -> Outcome {
        let recorder = LossCurveRecorder(budget: steps, window: try stepsPerEpoch(train))
        var budgeted = run
        budgeted.parameters.append(("epochs", "\(steps)"))
        budgeted.stepCallback = recorder.callback
        budgeted.crossValidationFolds = nil
        let started = Date()
        do {
            let result = try budgeted.run(train: train, test: test)
            let divergedAt = recorder.divergedAtStep
            return Outcome(curve: recorder.curve, divergedAtStep: divergedAt, result: divergedAt == nil ? result : nil, seconds: result.fitSeconds)
        } catch ModelError.diverged(_) {
            return Outcome(curve: recorder.curve, divergedAtStep: recorder.steps + 1, result: nil,
                           seconds: Date().timeIntervalSince(started))
        }
    }

    /// - Throws: ``ParameterError`` for a budget below one step.
    static func checkBudget(_ steps: Int) throws {
        guard steps >= 1 else { throw ParameterError(message: "the step budget must be at least 1 step, got \(steps)") }
    }

    /// Batches in one epoch of `train` under the run's batch size, capped by the budget: the
    /// window of the smoothed loss.
    /// - Throws: ``ParameterError`` for a budget below one step or a model that is not trained by
    ///   an optimizer.
    func stepsPerEpoch(_ train: Dataset) throws -> Int {
        try Self.checkBudget(steps)
        let (_, parameters) = try run.makeEstimator(for: train)
        guard run.isGradientTrained,
              case .integer(let batchSize)? = parameters.entries.first(where: { $0.name == "batch_size" })?.value, batchSize >= 1
        else {
            throw ParameterError(message: "\(run.model.rawValue) is not trained step by step by an optimizer; use mlp, logistic, or linear/ridge with solver=gradient")
        }
        let batches = (train.rowCount + batchSize - 1) / batchSize
        return max(1, min(batches, steps))
    }
}
