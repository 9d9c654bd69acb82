import Foundation
import Testing
import TuneSearch
@testable import TuneSQLite
import GRDB

@Suite struct SQLiteStorageTests {
    @Test func aStudyReopenedFromTheFileResumes() throws {
        let path = TemporaryDatabase.path()
        do {
            let study = try Study(name: "r", direction: .maximize, sampler: RandomSampler(seed: 1), storage: try SQLiteStorage(path: path))
            try study.optimize(trials: 4) { trial in try trial.suggestFloat("x", 0...1) }
        }
        let reopened = try Study(name: "r", direction: .maximize, sampler: RandomSampler(seed: 1), storage: try SQLiteStorage(path: path))
        #expect(try reopened.trials.count == 4)
        try reopened.optimize(trials: 2) { trial in try trial.suggestFloat("x", 0...1) }
        #expect(try reopened.trials.map(\.number) == Array(0..<6))
        #expect(try SQLiteStorage(path: path).integrityCheck() == "ok")
    }

    @Test func theFileHasOptunasSchemaVersion() throws {
        let path = TemporaryDatabase.path()
        let storage = try SQLiteStorage(path: path)
        _ = try storage.createStudy(name: "v", direction: .minimize)
        let reopened = try SQLiteStorage(path: path)
        #expect(try reopened.study(named: "v")?.direction == .minimize)
        #expect(try reopened.transaction { db in try Int.fetchOne(db, sql: "SELECT schema_version FROM version_info") } == 12)
        #expect(try reopened.transaction { db in try String.fetchOne(db, sql: "SELECT version_num FROM alembic_version") } == "v3.2.0.a")
        #expect(try reopened.transaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
    }

    /// Switching a file to WAL needs its exclusive lock. When another connection is writing to
    /// it, SQLite refuses the switch at once rather than wait (waiting could deadlock, as when
    /// processes started together on a new file all switch it): opening tries again until the
    /// writer is done.
    @Test func openingAFileAnotherConnectionIsWritingWaitsForIt() throws {
        let path = TemporaryDatabase.path()
        var holdsItsTransaction = Configuration()
        holdsItsTransaction.allowsUnsafeTransactions = true
        let writer = try DatabaseQueue(path: path, configuration: holdsItsTransaction)
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) {
            try? writer.writeWithoutTransaction { db in try db.execute(sql: "COMMIT") }
        }
        let storage = try SQLiteStorage(path: path)
        #expect(try storage.transaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        _ = try storage.createStudy(name: "after the writer", direction: .minimize)
    }

    /// A file locked for longer than the busy timeout names the likely holder.
    @Test func aFileLockedTooLongSaysWhatMayHoldIt() throws {
        let path = TemporaryDatabase.path()
        _ = try SQLiteStorage(path: path)
        var holdsItsTransaction = Configuration()
        holdsItsTransaction.allowsUnsafeTransactions = true
        let writer = try DatabaseQueue(path: path, configuration: holdsItsTransaction)
        try writer.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        defer { try? writer.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") } }
        #expect {
            try SQLiteStorage(path: path, busyTimeout: 0.2).createStudy(name: "blocked", direction: .minimize)
        } throws: { error in "\(error)".contains("\(path): stayed locked by another connection for more than 0.2 s") }
    }

    @Test func aFileThatIsNotAStudyDatabaseIsAClearError() throws {
        let path = TemporaryDatabase.path()
        try Data("this is not sqlite".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try SQLiteStorage(path: path)
        } throws: { error in "\(error)".contains(path) && "\(error)".contains("is not an SQLite database; check the path") }
    }

    @Test func aFileInAMissingFolderSaysToCheckTheFolder() {
        #expect {
            try SQLiteStorage(path: "/nonexistent-\(UUID().uuidString)/study.db")
        } throws: { error in "\(error)".contains("check that its folder exists") }
    }

    @Test func anOtherSchemaVersionNamesTheUpgradeCommand() throws {
        let path = TemporaryDatabase.path()
        let storage = try SQLiteStorage(path: path)
        try storage.transaction { db in try db.execute(sql: "UPDATE version_info SET schema_version = 11") }
        #expect {
            try SQLiteStorage(path: path)
        } throws: { error in "\(error)".contains("optuna storage upgrade") }
    }

    /// What Optuna's `delete_study` cascades to: no row of any table refers to the study or its
    /// trials afterwards, and the other study's rows are all there.
    @Test func deletingAStudyLeavesNoRowOfItInAnyTable() throws {
        let storage = try SQLiteStorage(path: TemporaryDatabase.path())
        let doomed = try StudyWithEverything.make(in: storage, name: "doomed")
        let kept = try StudyWithEverything.make(in: storage, name: "kept")
        let studyTables = ["studies", "study_directions", "study_user_attributes", "study_system_attributes", "trials"]
        let trialTables = ["trial_params", "trial_values", "trial_intermediate_values", "trial_user_attributes",
                           "trial_system_attributes", "trial_heartbeats"]
        func rows(_ studyID: Int) throws -> [String: Int] {
            try storage.transaction { db in
                var counts: [String: Int] = [:]
                for table in studyTables {
                    counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE study_id = ?", arguments: [studyID])
                }
                for table in trialTables {
                    counts[table] = try Int.fetchOne(db, sql: """
                        SELECT COUNT(*) FROM \(table) WHERE trial_id IN (SELECT trial_id FROM trials WHERE study_id = ?)
                        """, arguments: [studyID])
                }
                return counts
            }
        }
        let before = try rows(kept.study.id)
        #expect(before.values.allSatisfy { $0 > 0 }, "every table holds a row of the study: \(before)")
        #expect(try rows(doomed.study.id) == before)
        try storage.deleteStudy(id: doomed.study.id)
        #expect(try rows(doomed.study.id).values.allSatisfy { $0 == 0 })
        let orphans = try storage.transaction { db in
            try trialTables.map { table in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE trial_id NOT IN (SELECT trial_id FROM trials)") ?? 0
            }.reduce(0, +)
        }
        #expect(orphans == 0)
        #expect(try rows(kept.study.id) == before)
        #expect(try storage.integrityCheck() == "ok")
    }

    @Test func urlsFollowSQLAlchemysForm() throws {
        #expect(try StorageURL.sqlitePath("sqlite:///study.db") == "study.db")
        #expect(try StorageURL.sqlitePath("sqlite:////tmp/a/study.db") == "/tmp/a/study.db")
        #expect(throws: StorageURLError.self) { try StorageURL.sqlitePath("postgresql://host/db") }
        #expect(throws: StorageURLError.self) { try StorageURL.sqlitePath("sqlite:///") }
    }

    @Test func timestampsRoundTripInSQLAlchemysFormat() throws {
        let date = Date(timeIntervalSince1970: 1_795_000_000.123456)
        let text = DatabaseTimestamp.text(date)
        #expect(text.count == 26)
        let parsed = try #require(DatabaseTimestamp.date(text))
        #expect(abs(parsed.timeIntervalSince(date)) < 1e-5)
    }
}

/// The README's library example, as written there (with a temporary file).
@Suite struct ReadmeStudyExampleTests {
    @Test func theReadmeExampleRuns() throws {
        let study = try Study(name: "demo", direction: .minimize, sampler: QuasiRandomSampler(seed: 1),
                              pruner: try MedianPruner(), storage: try SQLiteStorage(url: "sqlite:///\(TemporaryDatabase.path())"))
        try study.optimize(trials: 50, concurrency: 2, callbacks: [StoppingRules.noImprovement(forTrials: 20)]) { trial in
            let x = try trial.suggestFloat("x", -10...10)
            let kind = try trial.suggestCategorical("kind", ["a", "b"])
            let y = try kind == "a" ? trial.suggestInt("y", 1...9, step: 2) : 0   // conditional
            for step in 0..<10 {
                try trial.report(x * x + Double(y) / Double(step + 1), step: step)
                if try trial.shouldPrune() { throw TrialPruned() }
            }
            return x * x + Double(y)
        }
        let trials = try study.trials
        #expect(trials.contains { $0.state == .pruned })
        #expect(try study.bestValue! < 10)
        #expect(try study.bestParameters!["x"] != nil)
    }
}
