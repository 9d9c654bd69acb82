import ArgumentParser
import TuneData

/// `tune-train datasets list`: the built-in data sets with their shapes.
struct DatasetsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the built-in data sets (name, rows, features, classes or regression).",
        discussion: "Example: tune-train datasets list --json"
    )

    @Flag(help: "Print one JSON document instead of a table.")
    var json = false

    func run() throws {
        let summaries = BuiltInDataset.allCases.map { DatasetSummary(of: $0.load()) }
        if json {
            try printJSON(summaries.map(ListEntry.init))
            return
        }
        let rows = summaries.map { summary in
            [summary.name, "\(summary.rows)", "\(summary.features)", summary.classes.map(String.init) ?? "regression"]
        }
        print(TextTable(header: ["name", "rows", "features", "classes"], rows: rows).rendered)
        print("\nAlso: a CSV path (--target COLUMN) or a generator, e.g. make_classification:n_samples=1000,seed=42")
    }

    /// One line of `datasets list --json`.
    struct ListEntry: Encodable {
        var name: String
        var rows: Int
        var features: Int
        var classes: Int?
        var task: String

        init(_ summary: DatasetSummary) {
            name = summary.name
            rows = summary.rows
            features = summary.features
            classes = summary.classes
            task = summary.task
        }
    }
}
