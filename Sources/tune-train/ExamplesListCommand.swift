import ArgumentParser
import TuneExperiment

/// `tune-train examples list`: every example with its document and what it runs.
struct ExamplesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the documents' examples: name, source document and section, what it runs.",
        discussion: """
            Examples:
              tune-train examples list
              tune-train examples list --json
            """
    )

    @Flag(help: "Print one JSON document instead of a table.")
    var json = false

    func run() throws {
        if json {
            try printJSON(DocumentExample.all.map(ListEntry.init))
            return
        }
        let rows = DocumentExample.all.map { [$0.name, $0.source, $0.description] }
        print(TextTable(header: ["name", "source", "runs"], rows: rows).rendered)
        print("\nRun one with `tune-train examples run NAME` (--quick for a run of seconds).")
    }

    /// One entry of `examples list --json`.
    struct ListEntry: Encodable {
        var name: String
        var source: String
        var description: String

        init(_ example: DocumentExample) {
            name = example.name
            source = example.source
            description = example.description
        }
    }
}
