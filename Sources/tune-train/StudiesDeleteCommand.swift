import ArgumentParser
import Foundation
import TuneSQLite

/// `tune-train studies delete --study NAME`: removes a study and all its trials, after asking.
struct StudiesDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a study with all its trials (asks for confirmation unless --yes).",
        discussion: """
            Deletes what Optuna's delete_study deletes: the study, its attributes and directions, and every trial
            with its parameters, values, intermediate values, attributes and heartbeats. Without --yes the
            command asks on the terminal; when standard input is not a terminal it refuses (exit 64).

            Examples:
              tune-train studies delete --storage sqlite:///mlp.db --study old
              tune-train studies delete --storage sqlite:///mlp.db --study old --yes --json
            """
    )

    @OptionGroup var database: StorageOption

    @Option(help: ArgumentHelp("The study's name (see `tune-train studies list`).", valueName: "name"))
    var study: String

    @Flag(help: "Delete without asking.")
    var yes = false

    @Flag(help: "Print one JSON document: {\"study\": NAME, \"deleted\": true|false, \"n_trials\": N}.")
    var json = false

    func run() throws {
        let storage = try database.openExisting()
        let stored = try database.study(named: study, in: storage)
        let trialCount = try exitingOnRunError { try storage.trials(studyID: stored.id).count }
        let deleted = try yes || confirmed(name: stored.name, trialCount: trialCount)
        if deleted { try exitingOnRunError { try storage.deleteStudy(id: stored.id) } }
        if json {
            try printJSON(Outcome(study: stored.name, deleted: deleted, trialCount: trialCount))
        } else {
            print(deleted ? "deleted study '\(stored.name)' (\(Self.trials(trialCount)))" : "kept study '\(stored.name)'")
        }
    }

    /// Asks on the terminal; refuses with exit 64 when standard input is not one.
    private func confirmed(name: String, trialCount: Int) throws -> Bool {
        guard isatty(STDIN_FILENO) == 1 else {
            printError("standard input is not a terminal, so deleting study '\(name)' (\(Self.trials(trialCount))) cannot be confirmed; pass --yes")
            throw ExitStatus.usage
        }
        FileHandle.standardError.write(Data("Delete study '\(name)' with \(Self.trials(trialCount))? [y/N] ".utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
        return answer == "y" || answer == "yes"
    }

    /// "1 trial", "42 trials".
    private static func trials(_ count: Int) -> String {
        count == 1 ? "1 trial" : "\(count) trials"
    }

    /// `studies delete --json`.
    struct Outcome: Encodable {
        var study: String
        var deleted: Bool
        var trialCount: Int

        enum CodingKeys: String, CodingKey {
            case study, deleted, trialCount = "n_trials"
        }
    }
}
