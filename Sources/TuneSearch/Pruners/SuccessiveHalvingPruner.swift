/// Asynchronous successive halving (ASHA; Li et al. 2020, "A System for Massively Parallel
/// Hyperparameter Tuning"), as Optuna's `SuccessiveHalvingPruner`.
///
/// Rung k sits at step `minimumResource · reductionFactor^(minimumEarlyStoppingRate + k)`. When a
/// trial reaches a rung, it competes with every trial that reached the same rung before it; it is
/// promoted (continues) if it is in the top `1/reductionFactor` of them, and pruned otherwise. A
/// trial's value at a rung is its intermediate value at the first step it reported at or after
/// the rung's step, so the rungs are read from the stored values and nothing extra is written.
public struct SuccessiveHalvingPruner: Pruner {
    /// Steps before the first rung; nil estimates it as Optuna's "auto" does (a hundredth of the
    /// steps of the first completed trial, at least 1), pruning nothing until a trial completes.
    public let minimumResource: Int?
    public let reductionFactor: Int
    public let minimumEarlyStoppingRate: Int
    /// Trials that must reach a rung before it promotes anyone.
    public let bootstrapCount: Int

    /// - Throws: ``PrunerError`` for a minimum resource below 1, a reduction factor below 2, or
    ///   negative rates or counts.
    public init(minimumResource: Int? = nil, reductionFactor: Int = 4, minimumEarlyStoppingRate: Int = 0, bootstrapCount: Int = 0) throws {
        if let minimumResource, minimumResource < 1 { throw PrunerError("minimumResource must be >= 1, got \(minimumResource)") }
        guard reductionFactor >= 2 else { throw PrunerError("reductionFactor must be >= 2, got \(reductionFactor)") }
        guard minimumEarlyStoppingRate >= 0 else { throw PrunerError("minimumEarlyStoppingRate must be >= 0, got \(minimumEarlyStoppingRate)") }
        guard bootstrapCount >= 0 else { throw PrunerError("bootstrapCount must be >= 0, got \(bootstrapCount)") }
        self.minimumResource = minimumResource
        self.reductionFactor = reductionFactor
        self.minimumEarlyStoppingRate = minimumEarlyStoppingRate
        self.bootstrapCount = bootstrapCount
    }

    public func shouldPrune(trial: TrialRecord, history: TrialHistory) -> Bool {
        guard let step = trial.lastStep else { return false }
        guard let resource = minimumResource ?? Self.estimatedMinimumResource(history) else { return false }
        var rung = 0
        while true {
            let rungStep = rungStep(rung, minimumResource: resource)
            guard step >= rungStep else { return false }
            guard let trialValue = Self.value(of: trial, atRungStep: rungStep) else { return false }
            if trialValue.isNaN { return true }
            let competitors = history.trials.filter { $0.number != trial.number }
                .compactMap { Self.value(of: $0, atRungStep: rungStep) }
                .filter { !$0.isNaN }
            if competitors.count < bootstrapCount { return true }
            guard isPromotable(trialValue, among: competitors + [trialValue], direction: history.direction) else { return true }
            rung += 1
        }
    }

    /// The step of rung `rung`.
    func rungStep(_ rung: Int, minimumResource: Int) -> Int {
        var step = minimumResource
        for _ in 0..<(minimumEarlyStoppingRate + rung) {
            let (product, overflow) = step.multipliedReportingOverflow(by: reductionFactor)
            if overflow { return .max }
            step = product
        }
        return step
    }

    /// A trial's value at a rung: its intermediate value at its first report at or after the step.
    static func value(of trial: TrialRecord, atRungStep rungStep: Int) -> Double? {
        guard let step = trial.intermediateValues.keys.filter({ $0 >= rungStep }).min() else { return nil }
        return trial.intermediateValues[step]
    }

    /// Whether `value` is in the top `1/reductionFactor` of `values` (which include it), at least
    /// the best one being promotable.
    private func isPromotable(_ value: Double, among values: [Double], direction: StudyDirection) -> Bool {
        let sorted = values.sorted()
        let promotable = max(values.count / reductionFactor - 1, 0)
        return direction == .minimize ? value <= sorted[promotable] : value >= sorted[sorted.count - 1 - promotable]
    }

    /// Optuna's "auto" minimum resource: the first completed trial's last step / 100, at least 1.
    static func estimatedMinimumResource(_ history: TrialHistory) -> Int? {
        guard let lastStep = history.completed.first(where: { $0.lastStep != nil })?.lastStep else { return nil }
        return max(lastStep / 100, 1)
    }
}
