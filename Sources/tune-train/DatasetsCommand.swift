import ArgumentParser

/// `tune-train datasets`: what data the toolkit can load, and what a given source contains.
struct DatasetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "List the built-in data sets or describe one (or a CSV file or generator).",
        subcommands: [DatasetsListCommand.self, DatasetsShowCommand.self]
    )
}
