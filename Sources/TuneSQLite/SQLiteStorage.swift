import Foundation
import GRDB
import TuneSearch

/// Studies in an SQLite file, in Optuna's schema: several processes on one machine may run trials
/// of the same study at once, and a study reopened by name resumes.
///
/// The database runs in WAL mode; every change is one IMMEDIATE transaction, so trial numbers
/// stay gapless and unique across processes, and a process killed at any point leaves the file
/// consistent (SQLite's journal undoes the unfinished transaction). Writers wait up to
/// `busyTimeout` seconds for one another.
public final class SQLiteStorage: StudyStorage, @unchecked Sendable {
    /// The database file.
    public let path: String
    /// How long a change waits for other processes' changes to the file.
    public let busyTimeout: TimeInterval
    private let queue: DatabaseQueue
    let parsedText = ParsedTextCache()

    /// Opens (creating if needed) the database at `path`.
    /// - Throws: `StorageError.database` for a file that cannot be opened, is not an SQLite
    ///   database, or holds another Optuna schema version.
    public init(path: String, busyTimeout: TimeInterval = 60) throws {
        self.path = path
        self.busyTimeout = busyTimeout
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "tune-train study storage"
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.retryingRefusedLocks(for: busyTimeout) {
                try queue.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                    try db.execute(sql: "PRAGMA synchronous = NORMAL")
                    try db.inTransaction(.immediate) {
                        try OptunaSchema.prepare(db, path: path)
                        return .commit
                    }
                }
            }
        } catch let error as StorageError {
            throw error
        } catch let error as DatabaseError {
            throw StorageErrorText.failure(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Runs `body` again while SQLite refuses a lock without waiting for it, for up to `timeout`
    /// seconds. SQLite does so to a connection that would otherwise deadlock with another: when
    /// processes started together switch a new file to WAL at once, all but one are refused, and
    /// by the time they retry the file is in WAL mode and the switch needs no lock.
    private static func retryingRefusedLocks(for timeout: TimeInterval, _ body: () throws -> Void) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var pause = 0.002
        while true {
            do {
                return try body()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: pause)
                pause = min(pause * 2, 0.1)
            }
        }
    }

    /// Opens the database of an `sqlite:///path` URL.
    public convenience init(url: String) throws {
        try self.init(path: try StorageURL.sqlitePath(url))
    }

    /// Runs `body` in one IMMEDIATE transaction, turning database failures into ``StorageError``.
    func transaction<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw StorageErrorText.failure(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Runs `body` in one read transaction (DEFERRED: in WAL mode it never blocks writers, and
    /// sees one consistent snapshot).
    func snapshot<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read { db in try body(db) }
        } catch let error as DatabaseError {
            throw StorageErrorText.failure(error, path: path, busyTimeout: busyTimeout)
        }
    }

    // MARK: Studies

    public func createStudy(name: String, direction: StudyDirection) throws -> StoredStudy {
        try transaction { db in
            if try Int.fetchOne(db, sql: "SELECT study_id FROM studies WHERE study_name = ?", arguments: [name]) != nil {
                throw StorageError.studyExists(name)
            }
            try db.execute(sql: "INSERT INTO studies (study_name) VALUES (?)", arguments: [name])
            let id = Int(db.lastInsertedRowID)
            try db.execute(sql: "INSERT INTO study_directions (direction, study_id, objective) VALUES (?, ?, 0)",
                           arguments: [direction.rawValue, id])
            return StoredStudy(id: id, name: name, direction: direction)
        }
    }

    public func study(named name: String) throws -> StoredStudy? {
        try allStudies(where: "WHERE s.study_name = ?", [name]).first
    }

    public func allStudies() throws -> [StoredStudy] {
        try allStudies(where: "", [])
    }

    private func allStudies(where clause: String, _ arguments: StatementArguments) throws -> [StoredStudy] {
        try snapshot { db in
            try Row.fetchAll(db, sql: """
                SELECT s.study_id, s.study_name, d.direction FROM studies s
                LEFT JOIN study_directions d ON d.study_id = s.study_id AND d.objective = 0
                \(clause) ORDER BY s.study_id
                """, arguments: arguments).map { row in
                let direction: String? = row["direction"]
                return StoredStudy(id: row["study_id"], name: row["study_name"],
                                   direction: direction.flatMap(StudyDirection.init(rawValue:)) ?? .minimize)
            }
        }
    }

    public func deleteStudy(id: Int) throws {
        try transaction { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM studies WHERE study_id = ?", arguments: [id]) != nil else {
                throw StorageError.studyNotFound("#\(id)")
            }
            // Children before parents, as the cascade of Optuna's models deletes them.
            let trialsOfStudy = "SELECT trial_id FROM trials WHERE study_id = ?"
            for table in ["trial_params", "trial_values", "trial_intermediate_values", "trial_user_attributes",
                          "trial_system_attributes", "trial_heartbeats"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE trial_id IN (\(trialsOfStudy))", arguments: [id])
            }
            for table in ["trials", "study_directions", "study_user_attributes", "study_system_attributes", "studies"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE study_id = ?", arguments: [id])
            }
        }
    }

    public func setStudyUserAttribute(_ key: String, _ value: JSONValue, studyID: Int) throws {
        try setAttribute(table: "study_user_attributes", owner: "study_id", ownerID: studyID, key: key, value: value)
    }

    public func studyUserAttributes(studyID: Int) throws -> [String: JSONValue] {
        try attributes(table: "study_user_attributes", owner: "study_id", ownerID: studyID)
    }

    public func setStudySystemAttribute(_ key: String, _ value: JSONValue, studyID: Int) throws {
        try setAttribute(table: "study_system_attributes", owner: "study_id", ownerID: studyID, key: key, value: value)
    }

    public func studySystemAttributes(studyID: Int) throws -> [String: JSONValue] {
        try attributes(table: "study_system_attributes", owner: "study_id", ownerID: studyID)
    }

    private func setAttribute(table: String, owner: String, ownerID: Int, key: String, value: JSONValue) throws {
        try transaction { db in
            if owner == "trial_id" { try requireOpenTrial(db, ownerID) }
            try db.execute(sql: """
                INSERT INTO \(table) (\(owner), "key", value_json) VALUES (?, ?, ?)
                ON CONFLICT(\(owner), "key") DO UPDATE SET value_json = excluded.value_json
                """, arguments: [ownerID, key, value.jsonText])
        }
    }

    private func attributes(table: String, owner: String, ownerID: Int) throws -> [String: JSONValue] {
        try snapshot { db in
            var result: [String: JSONValue] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT \"key\", value_json FROM \(table) WHERE \(owner) = ?", arguments: [ownerID]) {
                result[row["key"]] = try decodeJSON(row["value_json"], what: "\(table).value_json")
            }
            return result
        }
    }

    // MARK: Trials

    public func enqueueTrial(
        studyID: Int, systemAttributes: [String: JSONValue], userAttributes: [String: JSONValue]
    ) throws -> TrialRecord {
        try transaction { db in
            let id = try insertTrial(db, studyID: studyID, state: .waiting)
            try insertAttributes(db, trialID: id, system: systemAttributes, user: userAttributes)
            return try readTrials(db, whereClause: "t.trial_id = ?", [id])[0]
        }
    }

    public func startTrial(
        studyID: Int, systemAttributes: [String: JSONValue], claim: (@Sendable (TrialHistory) throws -> TrialClaim)?
    ) throws -> TrialRecord? {
        try transaction { db in
            let id: Int
            if let waiting = try Int.fetchOne(db, sql: """
                SELECT trial_id FROM trials WHERE study_id = ? AND state = 'WAITING' ORDER BY trial_id LIMIT 1
                """, arguments: [studyID]) {
                try db.execute(sql: "UPDATE trials SET state = 'RUNNING', datetime_start = ? WHERE trial_id = ?",
                               arguments: [DatabaseTimestamp.text(Date()), waiting])
                id = waiting
                try insertAttributes(db, trialID: id, system: systemAttributes, user: [:])
            } else {
                var attributes = systemAttributes
                if let claim {
                    let history = TrialHistory(direction: try direction(db, studyID),
                                               trials: try readTrials(db, whereClause: "t.study_id = ?", [studyID]))
                    switch try claim(history) {
                    case .exhausted: return nil
                    case .start(let claimed): attributes.merge(claimed) { $1 }
                    }
                }
                id = try insertTrial(db, studyID: studyID, state: .running)
                try insertAttributes(db, trialID: id, system: attributes, user: [:])
            }
            return try readTrials(db, whereClause: "t.trial_id = ?", [id])[0]
        }
    }

    private func direction(_ db: Database, _ studyID: Int) throws -> StudyDirection {
        guard let text = try String.fetchOne(db, sql: "SELECT direction FROM study_directions WHERE study_id = ? AND objective = 0",
                                             arguments: [studyID]) else {
            throw StorageError.studyNotFound("#\(studyID)")
        }
        return StudyDirection(rawValue: text) ?? .minimize
    }

    /// Inserts a trial numbered after the study's existing trials.
    private func insertTrial(_ db: Database, studyID: Int, state: TrialState) throws -> Int {
        guard try Int.fetchOne(db, sql: "SELECT 1 FROM studies WHERE study_id = ?", arguments: [studyID]) != nil else {
            throw StorageError.studyNotFound("#\(studyID)")
        }
        let number = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM trials WHERE study_id = ?", arguments: [studyID]) ?? 0
        let start: String? = state == .running ? DatabaseTimestamp.text(Date()) : nil
        try db.execute(sql: "INSERT INTO trials (number, study_id, state, datetime_start) VALUES (?, ?, ?, ?)",
                       arguments: [number, studyID, state.rawValue, start])
        return Int(db.lastInsertedRowID)
    }

    private func insertAttributes(_ db: Database, trialID: Int, system: [String: JSONValue], user: [String: JSONValue]) throws {
        for (table, attributes) in [("trial_system_attributes", system), ("trial_user_attributes", user)] {
            for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: """
                    INSERT INTO \(table) (trial_id, "key", value_json) VALUES (?, ?, ?)
                    ON CONFLICT(trial_id, "key") DO UPDATE SET value_json = excluded.value_json
                    """, arguments: [trialID, key, value.jsonText])
            }
        }
    }

    /// Throws unless the trial exists and is not finished.
    private func requireOpenTrial(_ db: Database, _ trialID: Int) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT number, state FROM trials WHERE trial_id = ?", arguments: [trialID]) else {
            throw StorageError.trialNotFound(trialID)
        }
        let state = TrialState(rawValue: row["state"]) ?? .fail
        if state.isFinished { throw StorageError.trialFinished(number: row["number"], state: state) }
    }

    public func setParameter(trialID: Int, name: String, internalValue: Double, distribution: ParameterDistribution) throws {
        try transaction { db in
            try requireOpenTrial(db, trialID)
            try db.execute(sql: """
                INSERT INTO trial_params (trial_id, param_name, param_value, distribution_json) VALUES (?, ?, ?, ?)
                ON CONFLICT(trial_id, param_name) DO UPDATE SET param_value = excluded.param_value,
                    distribution_json = excluded.distribution_json
                """, arguments: [trialID, name, internalValue, distribution.optunaJSON.jsonText])
        }
    }

    public func setIntermediateValue(trialID: Int, step: Int, value: Double) throws {
        try transaction { db in
            try requireOpenTrial(db, trialID)
            let (stored, type) = StoredNumber.encode(value)
            try db.execute(sql: """
                INSERT INTO trial_intermediate_values (trial_id, step, intermediate_value, intermediate_value_type)
                VALUES (?, ?, ?, ?) ON CONFLICT(trial_id, step) DO UPDATE SET
                    intermediate_value = excluded.intermediate_value, intermediate_value_type = excluded.intermediate_value_type
                """, arguments: [trialID, step, stored, type])
        }
    }

    public func setTrialUserAttribute(trialID: Int, key: String, value: JSONValue) throws {
        try setAttribute(table: "trial_user_attributes", owner: "trial_id", ownerID: trialID, key: key, value: value)
    }

    public func setTrialSystemAttribute(trialID: Int, key: String, value: JSONValue) throws {
        try setAttribute(table: "trial_system_attributes", owner: "trial_id", ownerID: trialID, key: key, value: value)
    }

    public func finishTrial(trialID: Int, state: TrialState, value: Double?) throws -> Bool {
        try transaction { db in
            try db.execute(sql: "UPDATE trials SET state = ?, datetime_complete = ? WHERE trial_id = ? AND state = 'RUNNING'",
                           arguments: [state.rawValue, DatabaseTimestamp.text(Date()), trialID])
            guard db.changesCount == 1 else {
                guard try Int.fetchOne(db, sql: "SELECT 1 FROM trials WHERE trial_id = ?", arguments: [trialID]) != nil else {
                    throw StorageError.trialNotFound(trialID)
                }
                return false
            }
            if let value {
                let (stored, type) = StoredNumber.encode(value)
                try db.execute(sql: "INSERT INTO trial_values (trial_id, objective, value, value_type) VALUES (?, 0, ?, ?)",
                               arguments: [trialID, stored, type])
            }
            return true
        }
    }

    public func trial(id: Int) throws -> TrialRecord {
        try snapshot { db in
            guard let record = try readTrials(db, whereClause: "t.trial_id = ?", [id]).first else {
                throw StorageError.trialNotFound(id)
            }
            return record
        }
    }

    public func trials(studyID: Int) throws -> [TrialRecord] {
        try snapshot { db in try readTrials(db, whereClause: "t.study_id = ?", [studyID]) }
    }

    /// Processes on this machine may share the file.
    public var isSharedBetweenProcesses: Bool { true }

    public func runningTrials(studyID: Int) throws -> [TrialRecord] {
        try snapshot { db in try readTrials(db, whereClause: "t.study_id = ? AND t.state = 'RUNNING'", [studyID]) }
    }

    public func recordHeartbeat(trialID: Int) throws {
        try transaction { db in
            try db.execute(sql: """
                INSERT INTO trial_heartbeats (trial_id, heartbeat) VALUES (?, ?)
                ON CONFLICT(trial_id) DO UPDATE SET heartbeat = excluded.heartbeat
                """, arguments: [trialID, DatabaseTimestamp.text(Date())])
        }
    }

    public func heartbeats(studyID: Int) throws -> [Int: Date] {
        try snapshot { db in
            var result: [Int: Date] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT h.trial_id, h.heartbeat FROM trial_heartbeats h JOIN trials t ON t.trial_id = h.trial_id
                WHERE t.study_id = ? AND t.state = 'RUNNING'
                """, arguments: [studyID]) {
                let text: String = row["heartbeat"]
                result[row["trial_id"]] = DatabaseTimestamp.date(text)
            }
            return result
        }
    }

    /// Runs SQLite's `PRAGMA integrity_check` and returns its verdict ("ok" when sound).
    public func integrityCheck() throws -> String {
        try snapshot { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer" }
    }
}
