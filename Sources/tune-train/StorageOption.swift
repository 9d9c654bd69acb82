import ArgumentParser
import Foundation
import TuneSQLite
import TuneSearch

/// `--storage URL`: the study database of `studies`, `ask` and `tell`.
struct StorageOption: ParsableArguments {
    @Option(help: ArgumentHelp("The study database: sqlite:///relative.db or sqlite:////absolute.db.", valueName: "url"))
    var storage: String

    /// Opens the database, creating it if needed (`ask` starts studies).
    func openOrCreate() throws -> SQLiteStorage {
        try exitingOnRunError { try SQLiteStorage(url: storage) }
    }

    /// Opens a database that must exist: commands that read studies never create an empty file
    /// for a mistyped path.
    func openExisting() throws -> SQLiteStorage {
        try exitingOnRunError {
            let path = try StorageURL.sqlitePath(storage)
            guard FileManager.default.fileExists(atPath: path) else { throw StoredStudyError.noDatabase(path: path) }
            return try SQLiteStorage(path: path)
        }
    }

    /// The study called `name` in `database`; otherwise exit 64 naming the studies it holds.
    func study(named name: String, in database: SQLiteStorage) throws -> StoredStudy {
        try exitingOnRunError {
            if let study = try database.study(named: name) { return study }
            throw StoredStudyError.unknownStudy(name: name, available: try database.allStudies().map(\.name))
        }
    }
}
