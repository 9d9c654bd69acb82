import ArgumentParser

/// `tune-train datasets`: what data the toolkit can load, and what a given source contains.
struct DatasetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "List the built-in data sets or describe one (or a CSV file or generator).",
        discussion: """
            Examples:
              tune-train datasets list
              tune-train datasets show iris --json
              tune-train datasets show make_classification:n_samples=1000,n_features=20,seed=42
            """,
        subcommands: [DatasetsListCommand.self, DatasetsShowCommand.self]
    )
}
