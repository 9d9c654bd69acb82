import Foundation
import Testing
@testable import TuneSearch

private struct ObjectiveFailure: Error, CustomStringConvertible {
    var description: String { "the data loader broke" }
}

@Suite struct StudyTests {
    @Test func anObjectiveThatThrowsFailsItsTrialAndTheStudyGoesOn() throws {
        let study = try Study(name: "s", direction: .minimize, sampler: RandomSampler(seed: 1))
        try study.optimize(trials: 3) { trial in
            let x = try trial.suggestFloat("x", -1...1)
            if trial.number == 1 { throw ObjectiveFailure() }
            return x * x
        }
        let trials = try study.trials
        #expect(trials.map(\.state) == [.complete, .fail, .complete])
        #expect(trials[1].failReason == "the data loader broke")
        #expect(trials[1].value == nil)
    }

    @Test func nonFiniteValuesFailTheTrialWithTheReason() throws {
        let study = try Study(name: "s", sampler: RandomSampler(seed: 1))
        try study.optimize(trials: 2) { trial in trial.number == 0 ? .nan : .infinity }
        let trials = try study.trials
        #expect(trials.allSatisfy { $0.state == .fail })
        #expect(trials[0].failReason?.contains("nan") == true)
    }

    @Test func askAndTellWithBestTrialAndParameters() throws {
        let study = try Study(name: "s", direction: .maximize, sampler: RandomSampler(seed: 2))
        for _ in 0..<5 {
            let trial = try #require(try study.ask())
            let x = try trial.suggestInt("x", 0...100)
            let kind = try trial.suggestCategorical("kind", ["a", "b"])
            try trial.setUserAttribute("note", .string("n\(trial.number)"))
            try study.tell(trial, value: Double(x) + (kind == "a" ? 0.5 : 0))
        }
        let best = try #require(try study.bestTrial)
        let values = try study.trials.compactMap(\.value)
        #expect(best.value == values.max())
        #expect(try study.bestParameters?["x"] == best.parameters["x"])
        #expect(best.userAttributes["note"] == .string("n\(best.number)"))
        #expect(try study.trials.map(\.number) == [0, 1, 2, 3, 4])
    }

    @Test func aFinishedTrialCannotChange() throws {
        let study = try Study(name: "s")
        let trial = try #require(try study.ask())
        try study.tell(trial, value: 1)
        #expect(throws: StorageError.self) { try trial.report(0.5, step: 1) }
        #expect(throws: StorageError.self) { _ = try trial.suggestFloat("late", 0...1) }
    }

    @Test func enqueuedTrialsRunFirstWithTheirParameters() throws {
        let study = try Study(name: "s", sampler: RandomSampler(seed: 3))
        try study.enqueueTrial(["x": 0.25, "kind": "b"])
        try study.enqueueTrial(["x": 0.25, "kind": "b"], skipIfExists: true)
        try study.optimize(trials: 2) { trial in
            let x = try trial.suggestFloat("x", 0...1)
            _ = try trial.suggestCategorical("kind", ["a", "b"])
            return x
        }
        let trials = try study.trials
        #expect(trials.count == 2)
        #expect(trials[0].parameters == ["x": .float(0.25), "kind": "b"])
    }

    @Test func anEnqueuedValueOutsideTheDistributionFailsTheTrialWithTheReason() throws {
        let study = try Study(name: "s")
        try study.enqueueTrial(["x": 7])
        try study.optimize(trials: 1) { trial in try trial.suggestFloat("x", 0...1) }
        #expect(try study.trials[0].failReason?.contains("enqueued value") == true)
    }

    @Test func oneNameWithTwoDistributionsInOneStudyIsAnErrorNamingIt() throws {
        let study = try Study(name: "s")
        try study.optimize(trials: 1) { trial in try trial.suggestFloat("lr", 0...1) }
        try study.optimize(trials: 1) { trial in try trial.suggestFloat("lr", 0...2) }
        let failed = try study.trials[1]
        #expect(failed.state == .fail)
        #expect(failed.failReason?.contains("'lr'") == true)
    }

    @Test func prunedTrialsKeepTheirLastIntermediateValue() throws {
        let study = try Study(name: "s")
        try study.optimize(trials: 1) { trial in
            try trial.report(0.5, step: 0)
            try trial.report(0.4, step: 1)
            throw TrialPruned()
        }
        let trial = try study.trials[0]
        #expect(trial.state == .pruned)
        #expect(trial.value == 0.4)
        #expect(trial.intermediateValues == [0: 0.5, 1: 0.4])
    }

    @Test func stoppingRulesEndTheStudy() throws {
        let target = try Study(name: "t", direction: .maximize)
        try target.optimize(trials: 50, callbacks: [StoppingRules.targetValue(3)]) { trial in Double(trial.number) }
        #expect(try target.trials.count == 4)

        let patience = try Study(name: "p", direction: .minimize)
        try patience.optimize(trials: 50, callbacks: [StoppingRules.noImprovement(forTrials: 5)]) { trial in
            trial.number < 3 ? Double(10 - trial.number) : 100
        }
        #expect(try patience.trials.count == 8)
    }

    @Test func aStudyReopenedByNameKeepsItsTrialsAndItsDirection() throws {
        let storage = InMemoryStorage()
        let first = try Study(name: "resume", direction: .maximize, storage: storage)
        try first.optimize(trials: 3) { trial in try trial.suggestFloat("x", 0...1) }
        let again = try Study(name: "resume", direction: .maximize, storage: storage)
        try again.optimize(trials: 2) { trial in try trial.suggestFloat("x", 0...1) }
        #expect(try again.trials.map(\.number) == [0, 1, 2, 3, 4])
        #expect(throws: StudyError.self) { try Study(name: "resume", direction: .minimize, storage: storage) }
    }

    @Test func concurrentWorkersNumberTrialsWithoutGapsOrRepeats() throws {
        let study = try Study(name: "c", sampler: RandomSampler(seed: 4))
        try study.optimize(trials: 40, concurrency: 4) { trial in
            try trial.suggestFloat("x", 0...1)
        }
        #expect(try study.trials.map(\.number).sorted() == Array(0..<40))
    }

    @Test func asyncObjectivesRunOnConcurrentTasks() async throws {
        let study = try Study(name: "a", sampler: RandomSampler(seed: 5))
        try await study.optimize(trials: 10, concurrency: 2) { (trial: Trial) async throws -> Double in
            try await Task.sleep(nanoseconds: 1_000_000)
            return try trial.suggestFloat("x", 0...1)
        }
        #expect(try study.trials.filter { $0.state == .complete }.count == 10)
    }

    @Test func aTrialOfADeadWorkerIsFailedAndRetriedWithItsParameters() throws {
        let storage = InMemoryStorage()
        let study = try Study(name: "dead", storage: storage)
        // A trial started by a process that no longer exists on this host.
        let dead = WorkerIdentity(host: WorkerIdentity.current.host, processID: Int32.max - 1)
        let orphan = try #require(try storage.startTrial(
            studyID: study.id, systemAttributes: [SystemAttributeKey.worker: dead.json], claim: nil))
        try storage.setParameter(trialID: orphan.id, name: "x", internalValue: 0.75, distribution: .float(low: 0, high: 1))
        // A storage shared between processes does this on every ask; an in-memory one has no other process.
        #expect(try study.failStaleTrials().map(\.number) == [0])
        try study.optimize(trials: 1) { trial in try trial.suggestFloat("x", 0...1) }
        let trials = try study.trials
        #expect(trials[0].state == .fail)
        #expect(trials[0].failReason?.contains("stopped") == true)
        #expect(trials[1].state == .complete)
        #expect(trials[1].parameters["x"] == .float(0.75))
        #expect(trials[1].systemAttributes[SystemAttributeKey.retriedTrial] == .int(0))
    }

    @Test func aTrialWithoutAHeartbeatForTheGracePeriodIsFailed() throws {
        let storage = InMemoryStorage()
        let study = try Study(name: "beat", storage: storage, heartbeatInterval: 0.01, staleGracePeriod: 0.2)
        let elsewhere = WorkerIdentity(host: "another-host", processID: 1)
        let trial = try #require(try storage.startTrial(
            studyID: study.id, systemAttributes: [SystemAttributeKey.worker: elsewhere.json], claim: nil))
        try storage.recordHeartbeat(trialID: trial.id)
        #expect(try study.failStaleTrials().isEmpty, "its heartbeat is fresh")
        Thread.sleep(forTimeInterval: 0.3)
        let failed = try study.failStaleTrials()
        #expect(failed.map(\.number) == [0])
        #expect(failed.first?.failReason?.contains("no heartbeat") == true)
    }
}
