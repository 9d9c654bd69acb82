import ArgumentParser

/// `tune-train studies`: what a study database holds, one study's trials, export and deletion.
struct StudiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "studies",
        abstract: "List, show, export or delete the studies of a study database.",
        discussion: """
            Examples:
              tune-train studies list --storage sqlite:///mlp.db
              tune-train studies show --storage sqlite:///mlp.db --study mlp-digits-tpe --json
              tune-train studies export --storage sqlite:///mlp.db --study mlp-digits-tpe --format csv -o trials.csv
              tune-train studies delete --storage sqlite:///mlp.db --study old --yes
            """,
        subcommands: [StudiesListCommand.self, StudiesShowCommand.self, StudiesExportCommand.self, StudiesDeleteCommand.self]
    )
}
