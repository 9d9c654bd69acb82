import Foundation
import GRDB
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

    /// What a failed database call means for the user of the file at `path`.
    static func failure(_ error: DatabaseError, path: String, busyTimeout: TimeInterval) -> StorageError {
        switch error.resultCode {
        case .SQLITE_NOTADB:
            unreadable(path, "is not an SQLite database; check the path, or name a new file to start one")
        case .SQLITE_CANTOPEN:
            unreadable(path, "cannot be opened (\(error.message ?? "unable to open")); check that its folder exists and is writable")
        case .SQLITE_BUSY:
            unreadable(path, "stayed locked by another connection for more than \(String(format: "%g", busyTimeout)) s; check for a process holding the file open in a transaction (an interactive sqlite3 shell, a stopped tune-train)")
        default:
            unreadable(path, error.message ?? "\(error)")
        }
    }
}
