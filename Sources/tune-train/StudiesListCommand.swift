import ArgumentParser
import TuneSQLite

/// `tune-train studies list`: every study of a database with its trial counts and best value.
struct StudiesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the studies of a database: direction, trials per state, best value and trial, model and search.",
        discussion: """
            Examples:
              tune-train studies list --storage sqlite:///mlp.db
              tune-train studies list --storage sqlite:////data/studies.db --json
            """
    )

    @OptionGroup var database: StorageOption

    @Flag(help: "Print one JSON array instead of a table.")
    var json = false

    func run() throws {
        let storage = try database.openExisting()
        let summaries = try exitingOnRunError {
            try storage.allStudies().map { study in
                StudySummary(study, trials: try storage.trials(studyID: study.id),
                             userAttributes: try storage.studyUserAttributes(studyID: study.id))
            }
        }
        if json {
            try printJSON(summaries)
            return
        }
        guard !summaries.isEmpty else {
            print("no studies in \(database.storage)")
            return
        }
        let rows = summaries.map { summary in
            [summary.study, summary.direction, "\(summary.trialCount)", "\(summary.states.complete)", "\(summary.states.pruned)",
             "\(summary.states.fail)", summary.bestValue.map(formatted) ?? "-", summary.bestTrial.map(String.init) ?? "-",
             summary.model ?? "-", summary.search ?? "-"]
        }
        print(TextTable(header: ["study", "direction", "trials", "complete", "pruned", "fail", "best value", "best trial", "model", "search"],
                        rows: rows).rendered)
    }
}
