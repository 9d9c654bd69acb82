/// Waits for a trial to stop improving before consulting another pruner (Optuna's
/// `PatientPruner`): a trial whose best value in its last `patience + 1` reports is no better (by
/// `minimumDelta`) than its best before them is handed to `wrapped` (or pruned, without one).
public struct PatientPruner: Pruner {
    public let wrapped: (any Pruner)?
    public let patience: Int
    public let minimumDelta: Double

    /// - Throws: ``PrunerError`` for a negative patience or delta.
    public init(wrapping wrapped: (any Pruner)?, patience: Int, minimumDelta: Double = 0) throws {
        guard patience >= 0 else { throw PrunerError("patience must be >= 0, got \(patience)") }
        guard minimumDelta >= 0 else { throw PrunerError("minimumDelta must be >= 0, got \(minimumDelta)") }
        self.wrapped = wrapped
        self.patience = patience
        self.minimumDelta = minimumDelta
    }

    public func shouldPrune(trial: TrialRecord, history: TrialHistory) -> Bool {
        let steps = trial.intermediateValues.keys.sorted()
        guard steps.count > patience + 1 else { return false }
        let before = steps.dropLast(patience + 1).compactMap { trial.intermediateValues[$0] }.filter { !$0.isNaN }
        let recent = steps.suffix(patience + 1).compactMap { trial.intermediateValues[$0] }.filter { !$0.isNaN }
        guard !before.isEmpty, !recent.isEmpty else { return false }
        let stalled = history.direction == .minimize
            ? before.min()! - minimumDelta < recent.min()!
            : before.max()! + minimumDelta > recent.max()!
        guard stalled else { return false }
        return wrapped?.shouldPrune(trial: trial, history: history) ?? true
    }
}
