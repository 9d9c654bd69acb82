import ArgumentParser

/// `tune-train examples`: the documents' examples, each reproducible by name.
struct ExamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "examples",
        abstract: "List or run the documents' examples (what their code prints, and what the working version gives).",
        discussion: """
            Examples:
              tune-train examples list
              tune-train examples run iris-grid
              tune-train examples run bayes-rf --quick --json
            """,
        subcommands: [ExamplesListCommand.self, ExamplesRunCommand.self]
    )
}
