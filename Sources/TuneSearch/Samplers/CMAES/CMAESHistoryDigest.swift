/// What ``CMAESSampler/claim(history:)`` needs from a history — the number of COMPLETE trials,
/// the parameters every finished trial shares, and per space the latest generation and its
/// tellable trials — folded in trial-number order, and kept between claims for the *settled*
/// prefix: the trials numbered below ``settledThrough``, all finished and therefore never
/// changing. A claim then folds only the trials after the prefix (the running ones and those
/// finished after them) instead of reading every trial's tags, so its cost does not grow with
/// the study.
struct CMAESHistoryDigest: Sendable {
    /// Where a space's search stands.
    struct Progress: Sendable {
        /// The latest run and generation a trial is tagged with, or nil before the first.
        var latest: CMAESLedger.Slot?
        /// The tellable trials of `latest`, in number order.
        var completed: [Int] = []

        mutating func fold(_ trial: TrialRecord, space: SearchSpace, spaceJSON: JSONValue) {
            guard let slot = CMAESTag.slot(in: trial.systemAttributes, space: spaceJSON) else { return }
            if latest.map({ $0 < slot }) ?? true {
                latest = slot
                completed = []
            }
            if slot == latest, CMAESLedger.isTellable(trial, in: space) { completed.append(trial.number) }
        }
    }

    /// Every trial numbered below has been folded in, and all of them are finished.
    private(set) var settledThrough = 0
    private(set) var completeCount = 0
    /// The distributions every COMPLETE or PRUNED trial has (nil before the first such trial).
    private var common: [String: ParameterDistribution]?
    /// A space whose progress is tracked.
    private struct Tracked: Sendable {
        var space: SearchSpace
        var spaceJSON: JSONValue
        var progress = Progress()

        mutating func fold(_ trial: TrialRecord) { progress.fold(trial, space: space, spaceJSON: spaceJSON) }
    }

    /// The settled progress of each space seen so far, by its names.
    private var tracked: [[String]: Tracked] = [:]

    /// The numeric parameters every COMPLETE or PRUNED trial has with one distribution, leaving
    /// out single-valued ones, ordered by name (``SearchSpace/intersection(of:)`` without the
    /// categorical parameters).
    var sharedNumericSpace: SearchSpace {
        SearchSpace(validated: (common ?? [:])
            .filter { !$0.value.isSingleValue && !$0.value.isCategorical }
            .sorted { $0.key < $1.key }
            .map { SearchSpace.Parameter($0.key, $0.value) })
    }

    private mutating func foldCounts(_ trial: TrialRecord) {
        switch trial.state {
        case .complete: completeCount += 1
        case .pruned: break
        case .fail, .running, .waiting: return
        }
        guard var current = common else {
            common = trial.distributions
            return
        }
        common = nil
        for (name, distribution) in current where trial.distributions[name] != distribution { current[name] = nil }
        common = current
    }

    /// Extends the settled prefix over `trials` (a whole history, in number order) and returns the
    /// trials after it, in number order.
    mutating func settle(_ trials: [TrialRecord]) -> ArraySlice<TrialRecord> {
        var index = firstIndex(in: trials, atLeast: settledThrough)
        while index < trials.count, trials[index].number == settledThrough, trials[index].state.isFinished {
            let trial = trials[index]
            foldCounts(trial)
            for names in Array(tracked.keys) { tracked[names]!.fold(trial) }
            settledThrough += 1
            index += 1
        }
        return trials[index...]
    }

    /// A copy whose count and shared space also include the finished trials of `unsettled`.
    func including(_ unsettled: ArraySlice<TrialRecord>) -> CMAESHistoryDigest {
        var view = self
        for trial in unsettled where trial.state.isFinished { view.foldCounts(trial) }
        return view
    }

    /// The progress of `space` over the whole history: the settled part (folded from `trials` the
    /// first time the space is seen) and then `unsettled`.
    mutating func progress(of space: SearchSpace, trials: [TrialRecord], unsettled: ArraySlice<TrialRecord>) -> Progress {
        if tracked[space.names] == nil {
            var settled = Tracked(space: space, spaceJSON: CMAESTag.json(space.names))
            for trial in trials[..<firstIndex(in: trials, atLeast: settledThrough)] { settled.fold(trial) }
            tracked[space.names] = settled
        }
        var current = tracked[space.names]!
        for trial in unsettled { current.fold(trial) }
        return current.progress
    }

    /// The index of the first trial numbered `number` or more (`trials` is in number order).
    private func firstIndex(in trials: [TrialRecord], atLeast number: Int) -> Int {
        if number < trials.count, trials[number].number == number, number == 0 || trials[number - 1].number < number {
            return number
        }
        var low = 0, high = trials.count
        while low < high {
            let middle = (low + high) / 2
            if trials[middle].number < number { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
