import Foundation

/// The mixture weights of a ``ParzenEstimator``: one per observation and the prior's (last),
/// normalised to sum to 1, and their logarithms.
struct ParzenWeights: Sendable {
    let weights: [Double]
    let logWeights: [Double]

    /// - Parameter observationWeights: one per observation (Optuna's `weights` function of their
    ///   count); the total is summed in order, the prior last.
    init(observationWeights: [Double], priorWeight: Double) {
        var total = 0.0
        for weight in observationWeights { total += weight }
        total += priorWeight
        var weights = observationWeights.map { $0 / total }
        weights.append(priorWeight / total)
        self.weights = weights
        logWeights = weights.map { log($0) }
    }

    /// The number of observations weighted.
    var observationCount: Int { weights.count - 1 }
}
