import Foundation
import Testing
@testable import TuneSearch

/// Trials asked in one process and told in another (`tune-train ask` / `tell`): two `Study`
/// handles on one storage stand for the two processes.
@Suite struct DetachedTrialTests {
    @Test func aDetachedTrialIsToldByNumberThroughAnotherHandle() throws {
        let storage = InMemoryStorage()
        let asker = try Study(name: "s", sampler: RandomSampler(seed: 1), storage: storage)
        let teller = try Study(name: "s", storage: storage)
        let trial = try #require(try asker.ask(detached: true))
        let x = try trial.suggestFloat("x", 0...1)
        let told = try teller.tell(trialNumber: trial.number, value: x * x)
        #expect(told.state == .complete && told.value == x * x)
        #expect(told.parameters["x"] == .float(x))
        #expect(try asker.bestTrial?.number == trial.number)
    }

    /// Without a worker or a heartbeat no sweep can tell a detached trial from a dead one, so it
    /// is left RUNNING however long its evaluation takes; a trial with a worker is still swept.
    @Test func aDetachedTrialIsNeverTakenForStale() throws {
        let storage = InMemoryStorage()
        let study = try Study(name: "s", storage: storage, heartbeatInterval: 0.01, staleGracePeriod: 0.05)
        let detached = try #require(try study.ask(detached: true))
        #expect(try storage.trial(id: detached.id).systemAttributes[SystemAttributeKey.worker] == nil)
        #expect(try storage.heartbeats(studyID: study.id).isEmpty)
        let elsewhere = WorkerIdentity(host: "another-host", processID: 1)
        _ = try storage.startTrial(studyID: study.id, systemAttributes: [SystemAttributeKey.worker: elsewhere.json], claim: nil)
        Thread.sleep(forTimeInterval: 0.1)
        #expect(try study.failStaleTrials().map(\.number) == [1])
        #expect(try storage.trial(id: detached.id).state == .running)
    }

    @Test func tellingByNumberRefusesUnknownFinishedAndWaitingTrials() throws {
        let study = try Study(name: "s", sampler: RandomSampler(seed: 2))
        #expect(throws: StudyError.trialNotFound(study: "s", number: 0, count: 0)) { try study.tell(trialNumber: 0, value: 1) }
        let trial = try #require(try study.ask(detached: true))
        #expect(throws: StudyError.notAFinalState(.complete)) { try study.tell(trialNumber: trial.number, state: .complete) }
        try study.tell(trialNumber: trial.number, value: 1)
        #expect(throws: StudyError.trialNotRunning(number: 0, state: .complete)) { try study.tell(trialNumber: 0, state: .fail) }
        #expect(throws: StudyError.trialNotFound(study: "s", number: 5, count: 1)) { try study.tell(trialNumber: 5, value: 1) }
        try study.enqueueTrial(["x": 0.5])
        #expect(throws: StudyError.trialNotRunning(number: 1, state: .waiting)) { try study.tell(trialNumber: 1, value: 1) }
        #expect("\(StudyError.trialNotRunning(number: 1, state: .waiting))".contains("ask for it first"))
    }

    @Test func prunedAndFailedByNumberAsByHandle() throws {
        let study = try Study(name: "s", sampler: RandomSampler(seed: 3))
        let pruned = try #require(try study.ask(detached: true))
        try pruned.report(0.7, step: 3)
        let record = try study.tell(trialNumber: pruned.number, state: .pruned)
        #expect(record.state == .pruned && record.value == 0.7)
        _ = try #require(try study.ask(detached: true))
        let failed = try study.tell(trialNumber: 1, state: .fail)
        #expect(failed.state == .fail && failed.failReason == "marked FAIL by the caller")
        _ = try #require(try study.ask(detached: true))
        #expect(try study.tell(trialNumber: 2, value: .nan).state == .fail)
    }
}
