import Foundation

/// The Parzen weights of the last few group sizes, so the several estimators a TPE trial fits over
/// groups of the same size (each parameter's, in independent mode) share one computation of a
/// thousand logarithms. A weight depends only on the group's size and the prior weight.
final class TPEWeightsCache: @unchecked Sendable {
    /// Sizes remembered: the good and the bad group's, with room to spare.
    private static let capacity = 4

    private let priorWeight: Double
    private let lock = NSLock()
    /// The most recently used last.
    private var entries: [ParzenWeights] = []

    init(priorWeight: Double) {
        self.priorWeight = priorWeight
    }

    /// The weights of a group of `count` observations.
    func weights(count: Int) -> ParzenWeights {
        lock.lock()
        defer { lock.unlock() }
        if let index = entries.firstIndex(where: { $0.observationCount == count }) {
            let weights = entries.remove(at: index)
            entries.append(weights)
            return weights
        }
        let weights = ParzenWeights(observationWeights: TPESampler.observationWeights(count), priorWeight: priorWeight)
        if entries.count == Self.capacity { entries.removeFirst() }
        entries.append(weights)
        return weights
    }
}
