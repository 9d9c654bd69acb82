import ArgumentParser

/// `tune-train`: from data to the best hyperparameters.
///
/// The root is a command group today; the tuning study (`tune-train --model mlp --search tpe`)
/// becomes its default subcommand, so the bare form and `tune-train datasets ...` coexist.
@main
struct TuneTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tune-train",
        abstract: "Train models and tune their hyperparameters, natively.",
        discussion: """
            Examples:
              tune-train datasets list
              tune-train datasets show iris --json
              tune-train datasets show make_classification:n_samples=1000,n_features=20,seed=42
              tune-train train --model mlp --data digits --param lr=0.01 --param epochs=30 --json

            Exit codes: 0 success, 1 the run failed, 64 usage error, 65 data that cannot be read or parsed.
            """,
        subcommands: [TrainCommand.self, DatasetsCommand.self]
    )
}
