import Foundation

/// The observations of the finished trials of one jointly modelled space, kept in every order the
/// TPE needs — by trial number, by rank, by each numeric coordinate — as trials finish, so that a
/// sampling call splits n observations into the good and bad groups and ranks their coordinates
/// in O(n) instead of sorting them again (finished trials never change). RUNNING trials (the
/// constant liar's) are read afresh at each call and merged in.
///
/// A store serves one study; sampling calls for its space take turns (``withLock(_:)``), as they
/// share its memo of kernel constants.
final class TPEObservationStore: @unchecked Sendable {
    let space: SearchSpace
    let direction: StudyDirection
    let dimensions: [ParzenEstimator.Dimension]
    /// The label of this space's draws (see ``TrialRandomness``), made once rather than at every
    /// sampling call.
    let randomnessLabel: String
    /// The kernel constants of the stored observations (keyed by slot), for both groups' estimators.
    let memo: ParzenKernelMemo

    private let lock = NSLock()
    private var cursor = FinishedTrialCursor()
    // The observations by slot (the order they were found in).
    private var numbers: [Int] = []
    private var ranks: [TPEObservation.Rank] = []
    /// Per dimension, per slot: the coordinate.
    private var columns: [[Double]]
    /// Slots by trial number.
    private var slotsByNumber: [Int] = []
    /// Slots of COMPLETE and PRUNED observations, best first (ties by trial number).
    private var rankedSlots: [Int] = []
    /// Per numeric dimension: slots by coordinate, ties by trial number (empty for categorical).
    private var slotsByCoordinate: [[Int]]

    init(space: SearchSpace, direction: StudyDirection) {
        self.space = space
        self.direction = direction
        dimensions = space.parameters.map { TPESampler.dimension(of: $0.distribution) }
        randomnessLabel = "tpe:" + space.names.joined(separator: ",")
        memo = ParzenKernelMemo(dimensions: space.count)
        columns = [[Double]](repeating: [], count: space.count)
        slotsByCoordinate = [[Int]](repeating: [], count: space.count)
    }

    /// Runs `body` while no other sampling call uses this store.
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// The good group — the best `γ(n)` of the n COMPLETE and PRUNED observations (COMPLETE by
    /// loss first, then PRUNED by how far they got and their last loss) — and the bad group (the
    /// rest, FAIL and, with `constantLiar`, RUNNING trials), each in trial-number order; trial
    /// `current` is left out. Call inside ``withLock(_:)``.
    func groups(of history: TrialHistory, current: Int, constantLiar: Bool) -> (good: ParzenObservations, bad: ParzenObservations) {
        let trials = history.trials
        cursor.visitNewlyFinished(trials) { trial in
            if let observation = TPEObservation(trial, space: space, direction: direction) { insert(observation) }
        }
        var running: [TPEObservation] = []
        if constantLiar {
            // RUNNING trials all lie after the settled ones.
            for index in min(cursor.settledCount, trials.count)..<trials.count
            where trials[index].state == .running && trials[index].number != current {
                if let observation = TPEObservation(trials[index], space: space, direction: direction) {
                    running.append(observation)
                }
            }
        }
        let excluded = cursor.hasVisited(current) ? numbers.firstIndex(of: current) : nil
        let rankedCount = rankedSlots.count - (excluded.map { ranks[$0].isRanked } == true ? 1 : 0)
        let goodCount = min(TPESampler.goodCount(rankedCount), rankedCount)
        var goodSlots: [Int] = []
        for slot in rankedSlots where goodSlots.count < goodCount && slot != excluded { goodSlots.append(slot) }
        goodSlots.sort { numbers[$0] < numbers[$1] }
        let good = group(goodSlots, running: [])
        var isGood = [Bool](repeating: false, count: numbers.count)
        for slot in goodSlots { isGood[slot] = true }
        let bad = group(slotsByNumber.filter { !isGood[$0] && $0 != excluded }, running: running)
        return (good, bad)
    }

    /// Files a newly finished trial's observation in every order.
    private func insert(_ observation: TPEObservation) {
        let slot = numbers.count
        memo.addKey()
        numbers.append(observation.number)
        ranks.append(observation.rank)
        for d in columns.indices { columns[d].append(observation.coordinates[d]) }
        Self.insert(slot, into: &slotsByNumber) { numbers[$0] < numbers[$1] }
        if observation.rank.isRanked {
            Self.insert(slot, into: &rankedSlots) {
                ranks[$0].precedes(ranks[$1]) || (!ranks[$1].precedes(ranks[$0]) && numbers[$0] < numbers[$1])
            }
        }
        for (d, dimension) in dimensions.enumerated() {
            if case .categorical = dimension { continue }
            let column = columns[d]
            Self.insert(slot, into: &slotsByCoordinate[d]) {
                column[$0] < column[$1] || (column[$0] == column[$1] && numbers[$0] < numbers[$1])
            }
        }
    }

    /// Inserts `slot` into `slots`, sorted by the strict total order `isBefore`, where it belongs.
    private static func insert(_ slot: Int, into slots: inout [Int], by isBefore: (Int, Int) -> Bool) {
        // Trials mostly finish in number order: try the end first.
        guard let last = slots.last, isBefore(slot, last) else {
            slots.append(slot)
            return
        }
        var low = 0, high = slots.count - 1
        while low < high {
            let middle = (low + high) / 2
            if isBefore(slot, slots[middle]) { high = middle } else { low = middle + 1 }
        }
        slots.insert(slot, at: low)
    }

    /// The observations of `slots` and `running` (each in trial-number order), merged in
    /// trial-number order, with each numeric coordinate's ranking read off the stored orders (or
    /// sorted, for a group much smaller than the store).
    private func group(_ slots: [Int], running: [TPEObservation]) -> ParzenObservations {
        // Locals, so the loops below read plain arrays rather than the class's properties.
        let numbers = self.numbers, columns = self.columns, slotsByCoordinate = self.slotsByCoordinate
        // The members in trial-number order: a slot, or -1 - j for running observation j.
        var members: [Int] = []
        members.reserveCapacity(slots.count + running.count)
        var nextSlot = 0, nextRunning = 0
        while nextSlot < slots.count || nextRunning < running.count {
            if nextRunning == running.count || (nextSlot < slots.count && numbers[slots[nextSlot]] < running[nextRunning].number) {
                members.append(slots[nextSlot])
                nextSlot += 1
            } else {
                members.append(-1 - nextRunning)
                nextRunning += 1
            }
        }
        let groupColumns: [[Double]] = columns.indices.map { d in
            columns[d].withUnsafeBufferPointer { column in
                members.map { $0 >= 0 ? column[$0] : running[-1 - $0].coordinates[d] }
            }
        }
        // A group far smaller than the store (the good one, late in a study) is ranked quicker by
        // sorting it than by reading it off the store's orders.
        let sortsItself = members.count * 16 < numbers.count
        /// Per slot: its index in the group, or -1.
        var groupIndices: [Int] = []
        var runningIndices: [Int] = []
        if !sortsItself {
            groupIndices = [Int](repeating: -1, count: numbers.count)
            for (index, member) in members.enumerated() {
                if member >= 0 { groupIndices[member] = index } else { runningIndices.append(index) }
            }
        }
        let orders: [[Int]] = dimensions.indices.map { d in
            if case .categorical = dimensions[d] { return [] }
            // By coordinate, ties by index (index follows trial number), as the stored orders.
            let column = groupColumns[d]
            let isBefore = { (i: Int, j: Int) in column[i] < column[j] || (column[i] == column[j] && i < j) }
            if sortsItself { return members.indices.sorted(by: isBefore) }
            var stored: [Int] = []
            stored.reserveCapacity(members.count)
            groupIndices.withUnsafeBufferPointer { groupIndices in
                for slot in slotsByCoordinate[d] where groupIndices[slot] >= 0 { stored.append(groupIndices[slot]) }
            }
            guard !runningIndices.isEmpty else { return stored }
            // Merge the few running ones in by the same order.
            let unstored = runningIndices.sorted(by: isBefore)
            var merged: [Int] = []
            merged.reserveCapacity(members.count)
            var s = 0, u = 0
            while s < stored.count || u < unstored.count {
                if u == unstored.count || (s < stored.count && isBefore(stored[s], unstored[u])) {
                    merged.append(stored[s])
                    s += 1
                } else {
                    merged.append(unstored[u])
                    u += 1
                }
            }
            return merged
        }
        return ParzenObservations(columns: groupColumns, coordinateOrders: orders, memoKeys: members.map { max($0, -1) })
    }
}
