import TuneSearch

/// The pruners `tune-train --pruner` can use, with defaults for epoch-reporting models.
public enum PrunerKind: String, CaseIterable, Codable, Sendable {
    case none
    /// Median of completed trials at the same epoch, after 5 completed trials and 3 warm-up epochs.
    case median
    /// The 25th percentile (keeps trials in the best quarter), same warm-up as median.
    case percentile
    /// Asynchronous successive halving (minimum resource 1 epoch, reduction factor 4).
    case sha
    /// Hyperband over successive-halving brackets (minimum resource 1 epoch, factor 3).
    case hyperband

    public func makePruner() -> any Pruner {
        // The settings below are within every pruner's allowed ranges.
        switch self {
        case .none: return NopPruner()
        case .median: return try! MedianPruner(startupTrials: 5, warmupSteps: 3)
        case .percentile: return try! PercentilePruner(percentile: 25, startupTrials: 5, warmupSteps: 3)
        case .sha: return try! SuccessiveHalvingPruner(minimumResource: 1, reductionFactor: 4)
        case .hyperband: return try! HyperbandPruner(minimumResource: 1, reductionFactor: 3)
        }
    }
}
