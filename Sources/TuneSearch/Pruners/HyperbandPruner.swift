import Foundation

/// Hyperband (Li et al. 2018): several brackets of asynchronous successive halving that differ in
/// how early they prune, so the budget is hedged between aggressive and conservative stopping
/// (Optuna's `HyperbandPruner`).
///
/// With `maximumResource / minimumResource = R` and `reductionFactor = η` there are
/// `⌊log_η R⌋ + 1` brackets; bracket s is a ``SuccessiveHalvingPruner`` with minimum early-stopping
/// rate s. Each trial belongs to one bracket, chosen from its number in proportion to the
/// brackets' budgets, and competes only with trials of its bracket.
public struct HyperbandPruner: Pruner {
    public let minimumResource: Int
    /// The steps a full trial runs; nil estimates it from the first completed trial (nothing is
    /// pruned until one completes).
    public let maximumResource: Int?
    public let reductionFactor: Int
    public let bootstrapCount: Int

    /// - Throws: ``PrunerError`` for resources below 1 or out of order, or a reduction factor
    ///   below 2.
    public init(minimumResource: Int = 1, maximumResource: Int? = nil, reductionFactor: Int = 3, bootstrapCount: Int = 0) throws {
        guard minimumResource >= 1 else { throw PrunerError("minimumResource must be >= 1, got \(minimumResource)") }
        if let maximumResource, maximumResource < minimumResource {
            throw PrunerError("maximumResource (\(maximumResource)) must be >= minimumResource (\(minimumResource))")
        }
        guard reductionFactor >= 2 else { throw PrunerError("reductionFactor must be >= 2, got \(reductionFactor)") }
        guard bootstrapCount >= 0 else { throw PrunerError("bootstrapCount must be >= 0, got \(bootstrapCount)") }
        self.minimumResource = minimumResource
        self.maximumResource = maximumResource
        self.reductionFactor = reductionFactor
        self.bootstrapCount = bootstrapCount
    }

    public func shouldPrune(trial: TrialRecord, history: TrialHistory) -> Bool {
        guard let maximum = maximumResource ?? history.completed.compactMap(\.lastStep).first.map({ $0 + 1 }) else { return false }
        let count = bracketCount(maximumResource: maximum)
        let bracket = self.bracket(ofTrialNumber: trial.number, bracketCount: count)
        let view = TrialHistory(
            direction: history.direction,
            trials: history.trials.filter { self.bracket(ofTrialNumber: $0.number, bracketCount: count) == bracket })
        // Parameters were validated by init, so the bracket's pruner is valid.
        let halving = try! SuccessiveHalvingPruner(
            minimumResource: minimumResource, reductionFactor: reductionFactor,
            minimumEarlyStoppingRate: bracket, bootstrapCount: bootstrapCount)
        return halving.shouldPrune(trial: trial, history: view)
    }

    /// `⌊log_η(max/min)⌋ + 1`.
    func bracketCount(maximumResource: Int) -> Int {
        var count = 1
        var resource = minimumResource
        while resource * reductionFactor <= maximumResource {
            resource *= reductionFactor
            count += 1
        }
        return count
    }

    /// The bracket of a trial: budgets `⌈B / (s + 1) · η^s⌉`-weighted, chosen by a hash of the
    /// trial number so that trials spread over the brackets whatever the order of workers.
    func bracket(ofTrialNumber number: Int, bracketCount: Int) -> Int {
        let budgets = (0..<bracketCount).map { s in
            Int((Double(bracketCount) / Double(bracketCount - s) * pow(Double(reductionFactor), Double(bracketCount - 1 - s))).rounded(.up))
        }
        var remainder = Int(TrialRandomness.fnv1a("hyperband-\(number)") % UInt64(budgets.reduce(0, +)))
        for (bracket, budget) in budgets.enumerated() {
            if remainder < budget { return bracket }
            remainder -= budget
        }
        return bracketCount - 1
    }
}
