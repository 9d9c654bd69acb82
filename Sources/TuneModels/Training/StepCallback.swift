/// Called after every optimizer step with the step number (1-based, counted across epochs) and
/// that step's mini-batch loss (evaluated before the update, with the penalty); may stop training
/// mid-epoch. The hook for step budgets and per-step loss curves (`tune-train lr-sweep`,
/// `bench-optimizers`), where an epoch is too coarse a unit.
///
/// It runs inside the training loop, once per batch: it should only store the value (into
/// storage reserved beforehand) and compare, never allocate.
public typealias StepCallback = @Sendable (_ step: Int, _ loss: Double) -> TrainingDecision
