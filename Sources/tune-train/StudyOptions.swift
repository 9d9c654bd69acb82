import ArgumentParser
import TuneSQLite
import TuneSearch

/// The options of commands that run a resumable study (`tune`, `exec`): how many trials it
/// should hold, where it is kept and under which name.
struct StudyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Trials the study should hold; a resumed study runs the missing ones (default: the whole grid, or 50).", valueName: "N"))
    var trials: Int?

    @Option(help: ArgumentHelp("Keep the study in a database: sqlite:///relative.db or sqlite:////absolute.db.", valueName: "url"))
    var storage: String?

    @Option(name: .customLong("study"),
            help: ArgumentHelp("The study's name (default: MODEL-DATA-SEARCH for tune, exec-PROGRAM-SEARCH for exec).", valueName: "name"))
    var name: String?

    func validate() throws {
        if let trials, trials < 1 { throw ValidationError("--trials must be at least 1, got \(trials)") }
        if name != nil, storage == nil {
            throw ValidationError("--study names a stored study; add --storage sqlite:///FILE (an in-memory study ends with the process)")
        }
    }

    /// The storage `--storage` names, or memory; an unusable URL or database is printed as one
    /// line and exits with its code.
    func openStorage() throws -> any StudyStorage {
        try storage.map { url in try exitingOnRunError { try SQLiteStorage(url: url) } } ?? InMemoryStorage()
    }

    /// How results name the storage: its URL, or `memory`.
    var storageName: String { storage ?? "memory" }
}
