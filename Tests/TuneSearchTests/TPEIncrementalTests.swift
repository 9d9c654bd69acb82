import Foundation
import Testing
import TuneTensor
@testable import TuneSearch

/// The incremental machinery behind the TPE's cost per trial — the observation store, the kernel
/// memo, the finished-trial cursor, the copy-on-write trial record — against doing everything
/// afresh.
@Suite struct TPEIncrementalTests {
    static let space = try! SearchSpace([
        "c": .categorical(["a", "b", "c"]), "n": .int(low: 0, high: 3), "x": .float(low: 0, high: 1),
    ])

    /// 40 trials whose coordinates tie often, finishing out of order (COMPLETE, PRUNED, FAIL) while
    /// others run; after each finish, `check` gets the history.
    static func finishOutOfOrder(_ check: (TrialHistory) throws -> Void) rethrows {
        var generator = SeededGenerator(seed: 5)
        let distributions = Dictionary(uniqueKeysWithValues: space.parameters.map { ($0.name, $0.distribution) })
        var trials = (0..<40).map { number in
            TrialRecord(id: number, number: number, state: .running, internalParameters: [
                "c": Double(generator.integer(in: 0..<3)), "n": Double(generator.integer(in: 0..<4)),
                "x": Double(generator.integer(in: 0..<5)) / 4,
            ], distributions: distributions)
        }
        var running = Array(trials.indices)
        while !running.isEmpty {
            let index = running.remove(at: generator.integer(in: 0..<min(running.count, 6)))
            switch generator.integer(in: 0..<6) {
            case 0: trials[index].state = .fail
            case 1:
                trials[index].state = .pruned
                trials[index].intermediateValues = [generator.integer(in: 0..<3): Double(generator.integer(in: 0..<3))]
            default:
                trials[index].state = .complete
                trials[index].value = Double(generator.integer(in: 0..<4))
            }
            try check(TrialHistory(direction: .minimize, trials: trials))
        }
    }

    @Test func theStoreSplitsAndRanksAsAFreshStoreAndAFreshSort() {
        let store = TPEObservationStore(space: Self.space, direction: .minimize)
        Self.finishOutOfOrder { history in
            let current = history.trials.first { $0.state == .running }?.number ?? -1
            let (good, bad) = store.groups(of: history, current: current, constantLiar: true)
            let fresh = TPEObservationStore(space: Self.space, direction: .minimize)
                .groups(of: history, current: current, constantLiar: true)
            #expect(good.columns == fresh.good.columns && bad.columns == fresh.bad.columns)
            for group in [good, bad] {
                let rows = (0..<group.count).map { k in group.columns.map { $0[k] } }
                let sorted = ParzenObservations(rows: rows, dimensions: store.dimensions)
                #expect(group.coordinateOrders == sorted.coordinateOrders)
            }
            let finished = history.trials.filter { $0.state == .complete || $0.state == .pruned }.count
            #expect(good.count == min(TPESampler.goodCount(finished), finished))
            #expect(good.count + bad.count == history.trials.count - (current >= 0 ? 1 : 0))
        }
    }

    @Test func rememberedKernelConstantsAreTheFreshOnes() {
        let store = TPEObservationStore(space: Self.space, direction: .minimize)
        var generator = SeededGenerator(seed: 9)
        let weights = TPEWeightsCache(priorWeight: 1)
        Self.finishOutOfOrder { history in
            let (good, bad) = store.groups(of: history, current: -1, constantLiar: true)
            let below = ParzenEstimator(good, weights: weights.weights(count: good.count), dimensions: store.dimensions)
            let points = (0..<8).map { _ in below.sample(using: &generator) }
            for group in [good, bad] {
                func estimator(_ memo: ParzenKernelMemo?) -> ParzenEstimator {
                    ParzenEstimator(group, weights: weights.weights(count: group.count), dimensions: store.dimensions, memo: memo)
                }
                #expect(estimator(store.memo).logDensities(points) == estimator(nil).logDensities(points))
            }
        }
    }

    @Test func equalPointsGetEqualDensities() {
        let estimator = ParzenEstimator(
            ParzenObservations(rows: [[0, 0.2], [2, 0.7], [1, 0.7]], dimensions: [.categorical(count: 3), .continuous]),
            weights: ParzenWeights(observationWeights: [1, 1, 1], priorWeight: 1), dimensions: [.categorical(count: 3), .continuous])
        let densities = estimator.logDensities([[1, 0.5], [0, 0.25], [1, 0.5]])
        #expect(densities[0] == densities[2] && densities[0] != densities[1])
        #expect(densities[1] == estimator.logDensities([[0, 0.25]])[0])
    }

    @Test func theCursorVisitsEachFinishedTrialOnce() {
        var cursor = FinishedTrialCursor()
        var visits: [Int] = []
        Self.finishOutOfOrder { history in
            cursor.visitNewlyFinished(history.trials) { visits.append($0.number) }
            let finished = history.trials.filter(\.state.isFinished).map(\.number)
            #expect(visits.sorted() == finished)
            let settled = history.trials.prefix(cursor.settledCount)
            #expect(settled.allSatisfy { $0.state.isFinished })
        }
        #expect(cursor.settledCount == 40)
    }

    @Test func aCopiedRecordChangesAlone() {
        let original = TrialRecord(id: 0, number: 0, state: .running, internalParameters: ["x": 1])
        var copy = original
        copy.internalParameters["x"] = 2
        copy.intermediateValues[3] = 0.5
        copy.state = .complete
        #expect(original.internalParameters == ["x": 1] && original.intermediateValues.isEmpty && original.state == .running)
        #expect(copy.internalParameters == ["x": 2] && copy.intermediateValues == [3: 0.5] && copy != original)
        var same = original
        same.state = .running
        #expect(same == original)
    }
}
