import TuneSearch

/// The storage errors this module raises, worded to name the file and the fix.
enum StorageErrorText {
    static func notAStudyDatabase(_ path: String) -> StorageError {
        .database("\(path) is an SQLite database but not a study database (no Optuna tables); use a new file or the right one")
    }

    static func schemaVersion(_ path: String, found: Int?, revision: String?) -> StorageError {
        .database("\(path) has Optuna schema version \(found.map(String.init) ?? "unknown") (revision \(revision ?? "none")); tune-train reads version \(OptunaSchema.schemaVersion) (\(OptunaSchema.alembicRevision)). Upgrade it with `optuna storage upgrade --storage sqlite:///\(path)`")
    }

    static func unreadable(_ path: String, _ detail: String) -> StorageError {
        .database("\(path): \(detail)")
    }
}
