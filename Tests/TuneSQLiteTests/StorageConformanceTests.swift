import Foundation
import Testing
import TuneSearch
@testable import TuneSQLite

/// The ``StudyStorage`` contract, checked on every implementation.
@Suite struct StorageConformanceTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case memory, sqlite
        var testDescription: String { rawValue }

        func make() throws -> any StudyStorage {
            switch self {
            case .memory: return InMemoryStorage()
            case .sqlite: return try SQLiteStorage(path: TemporaryDatabase.path())
            }
        }
    }

    @Test(arguments: Kind.allCases)
    func studiesAreFoundByNameAndNamesAreUnique(kind: Kind) throws {
        let storage = try kind.make()
        let study = try storage.createStudy(name: "a", direction: .maximize)
        #expect(try storage.study(named: "a") == study)
        #expect(try storage.study(named: "b") == nil)
        #expect(throws: StorageError.studyExists("a")) { try storage.createStudy(name: "a", direction: .minimize) }
        try storage.setStudyUserAttribute("model", .string("rf"), studyID: study.id)
        #expect(try storage.studyUserAttributes(studyID: study.id) == ["model": .string("rf")])
        #expect(try storage.allStudies().map(\.name) == ["a"])
    }

    @Test(arguments: Kind.allCases)
    func trialsKeepEverythingWrittenToThem(kind: Kind) throws {
        let storage = try kind.make()
        let study = try storage.createStudy(name: "s", direction: .minimize)
        let trial = try #require(try storage.startTrial(studyID: study.id, systemAttributes: ["k": .int(1)], claim: nil))
        let distribution = ParameterDistribution.categorical([32, "x", nil])
        try storage.setParameter(trialID: trial.id, name: "p", internalValue: 1, distribution: distribution)
        try storage.setIntermediateValue(trialID: trial.id, step: 0, value: 0.5)
        try storage.setIntermediateValue(trialID: trial.id, step: 1, value: .nan)
        try storage.setIntermediateValue(trialID: trial.id, step: 2, value: -.infinity)
        try storage.setTrialUserAttribute(trialID: trial.id, key: "note", value: .array([.int(1), .string("b")]))
        #expect(try storage.finishTrial(trialID: trial.id, state: .complete, value: 0.25))
        let stored = try storage.trial(id: trial.id)
        #expect(stored.state == .complete)
        #expect(stored.value == 0.25)
        #expect(stored.parameters == ["p": "x"])
        #expect(stored.distributions == ["p": distribution])
        #expect(stored.intermediateValues[0] == 0.5)
        #expect(stored.intermediateValues[1]?.isNaN == true)
        #expect(stored.intermediateValues[2] == -.infinity)
        #expect(stored.userAttributes["note"] == .array([.int(1), .string("b")]))
        #expect(stored.systemAttributes["k"] == .int(1))
        #expect(stored.started != nil && stored.completed != nil)
    }

    @Test(arguments: Kind.allCases)
    func finishedTrialsAreImmutable(kind: Kind) throws {
        let storage = try kind.make()
        let study = try storage.createStudy(name: "s", direction: .minimize)
        let trial = try #require(try storage.startTrial(studyID: study.id, systemAttributes: [:], claim: nil))
        #expect(try storage.finishTrial(trialID: trial.id, state: .fail, value: nil))
        #expect(try !storage.finishTrial(trialID: trial.id, state: .complete, value: 1))
        #expect(throws: StorageError.trialFinished(number: 0, state: .fail)) {
            try storage.setIntermediateValue(trialID: trial.id, step: 0, value: 1)
        }
        #expect(throws: StorageError.self) {
            try storage.setParameter(trialID: trial.id, name: "x", internalValue: 0, distribution: .float(low: 0, high: 1))
        }
    }

    @Test(arguments: Kind.allCases)
    func waitingTrialsStartFirstInOrderAndClaimsCanExhaust(kind: Kind) throws {
        let storage = try kind.make()
        let study = try storage.createStudy(name: "s", direction: .minimize)
        _ = try storage.enqueueTrial(studyID: study.id, systemAttributes: ["fixed_params": .object([("x", .int(1))])], userAttributes: [:])
        _ = try storage.enqueueTrial(studyID: study.id, systemAttributes: ["fixed_params": .object([("x", .int(2))])], userAttributes: [:])
        let exhausted: @Sendable (TrialHistory) throws -> TrialClaim = { _ in .exhausted }
        let first = try #require(try storage.startTrial(studyID: study.id, systemAttributes: [:], claim: exhausted))
        #expect(first.number == 0 && first.state == .running)
        #expect(first.systemAttributes["fixed_params"]?["x"] == .int(1))
        let second = try #require(try storage.startTrial(studyID: study.id, systemAttributes: [:], claim: exhausted))
        #expect(second.number == 1)
        #expect(try storage.startTrial(studyID: study.id, systemAttributes: [:], claim: exhausted) == nil)
        let claimed = try storage.startTrial(studyID: study.id, systemAttributes: [:]) { history in
            .start(systemAttributes: ["seen": .int(history.trials.count)])
        }
        #expect(claimed?.number == 2)
        #expect(claimed?.systemAttributes["seen"] == .int(2))
    }

    @Test(arguments: Kind.allCases)
    func aDeletedStudyIsGoneWithItsTrialsAndOthersStay(kind: Kind) throws {
        let storage = try kind.make()
        let doomed = try StudyWithEverything.make(in: storage, name: "doomed")
        let kept = try StudyWithEverything.make(in: storage, name: "kept")
        try storage.deleteStudy(id: doomed.study.id)
        #expect(try storage.study(named: "doomed") == nil)
        #expect(try storage.allStudies().map(\.name) == ["kept"])
        #expect(throws: StorageError.trialNotFound(doomed.trialID)) { try storage.trial(id: doomed.trialID) }
        #expect(throws: StorageError.studyNotFound("#\(doomed.study.id)")) { try storage.deleteStudy(id: doomed.study.id) }
        #expect(try storage.trials(studyID: kept.study.id).count == 2)
        #expect(try storage.studyUserAttributes(studyID: kept.study.id) == ["model": .string("rf")])
        #expect(try storage.heartbeats(studyID: kept.study.id).keys.contains(kept.trialID))
        // The name is free again, and the new study starts empty at trial 0.
        let again = try storage.createStudy(name: "doomed", direction: .maximize)
        #expect(try storage.trials(studyID: again.id).isEmpty)
        #expect(try storage.studyUserAttributes(studyID: again.id).isEmpty)
        #expect(try storage.startTrial(studyID: again.id, systemAttributes: [:], claim: nil)?.number == 0)
    }

    @Test(arguments: Kind.allCases)
    func heartbeatsAreKeptForRunningTrials(kind: Kind) throws {
        let storage = try kind.make()
        let study = try storage.createStudy(name: "s", direction: .minimize)
        let trial = try #require(try storage.startTrial(studyID: study.id, systemAttributes: [:], claim: nil))
        try storage.recordHeartbeat(trialID: trial.id)
        let beat = try #require(try storage.heartbeats(studyID: study.id)[trial.id])
        #expect(abs(beat.timeIntervalSinceNow) < 5)
        try storage.finishTrial(trialID: trial.id, state: .complete, value: 1)
        #expect(try storage.heartbeats(studyID: study.id).isEmpty)
    }

    @Test(arguments: Kind.allCases)
    func concurrentWorkersShareOneStudy(kind: Kind) throws {
        let storage = try kind.make()
        let study = try Study(name: "c", sampler: RandomSampler(seed: 1), storage: storage)
        try study.optimize(trials: 30, concurrency: 3) { trial in
            let x = try trial.suggestFloat("x", 0...1)
            try trial.report(x, step: 0)
            return x
        }
        let trials = try study.trials
        #expect(trials.map(\.number) == Array(0..<30))
        #expect(trials.allSatisfy { $0.state == .complete && $0.intermediateValues[0] == $0.value })
    }
}

enum TemporaryDatabase {
    /// A fresh path for a database file in a new temporary folder.
    static func path() -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tune-train-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("study.db").path
    }
}

/// A study with a row in every table a study owns: user and system attributes, a finished trial
/// with a parameter, a value, an intermediate value and both kinds of attribute, and a running
/// trial with a heartbeat.
struct StudyWithEverything {
    var study: StoredStudy
    /// The running trial's id.
    var trialID: Int

    static func make(in storage: any StudyStorage, name: String) throws -> StudyWithEverything {
        let study = try storage.createStudy(name: name, direction: .minimize)
        try storage.setStudyUserAttribute("model", .string("rf"), studyID: study.id)
        try storage.setStudySystemAttribute("note", .int(1), studyID: study.id)
        let finished = try #require(try storage.startTrial(studyID: study.id, systemAttributes: ["k": .int(1)], claim: nil))
        try storage.setParameter(trialID: finished.id, name: "x", internalValue: 0.5, distribution: .float(low: 0, high: 1))
        try storage.setIntermediateValue(trialID: finished.id, step: 0, value: 0.7)
        try storage.setTrialUserAttribute(trialID: finished.id, key: "cv_scores", value: .array([.double(0.5)]))
        try storage.finishTrial(trialID: finished.id, state: .complete, value: 0.5)
        let running = try #require(try storage.startTrial(studyID: study.id, systemAttributes: [:], claim: nil))
        try storage.recordHeartbeat(trialID: running.id)
        return StudyWithEverything(study: study, trialID: running.id)
    }
}
