import ArgumentParser

/// `tune-train`: from data to the best hyperparameters.
///
/// The root is a command group whose default subcommand is the tuning study, so
/// `tune-train --model mlp --search qmc` and `tune-train datasets ...` coexist.
/// It is async because `exec` awaits its trial commands, and argument-parser runs an async
/// subcommand only under an async root.
@main
struct TuneTrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tune-train",
        abstract: "Train models and tune their hyperparameters, natively.",
        discussion: """
            Examples:
              tune-train --model rf --search grid --data iris --cv 5
              tune-train --model mlp --search random --data digits --trials 30 --pruner median --storage sqlite:///mlp.db
              tune-train datasets list
              tune-train datasets show iris --json
              tune-train datasets show make_classification:n_samples=1000,n_features=20,seed=42
              tune-train train --model mlp --data digits --param lr=0.01 --param epochs=30 --json
              tune-train studies list --storage sqlite:///mlp.db
              tune-train ask --storage sqlite:///s.db --study quad --space space.yaml --search tpe --json
              tune-train tell --storage sqlite:///s.db --study quad --trial 0 --value 0.25
              tune-train report --storage sqlite:///mlp.db --study digits-tpe -o report.html
              tune-train lr-sweep --model mlp --data digits --steps 2000
              tune-train bench-optimizers --problems linreg,logistic-breast-cancer --tuned
              tune-train exec --space s.yaml --search tpe --trials 30 -- python3 -c 'print(({x}-0.3)**2)'
              tune-train optimize --function branin --search gp --trials 30 --json
              tune-train examples run iris-grid

            Exit codes: 0 success, 1 the run failed, 64 usage error, 65 data that cannot be read or parsed.
            """,
        subcommands: [
            TuneCommand.self, TrainCommand.self, DatasetsCommand.self, StudiesCommand.self, AskCommand.self, TellCommand.self,
            LRSweepCommand.self, BenchOptimizersCommand.self, ExecCommand.self, OptimizeCommand.self,
            ExamplesCommand.self, ReportCommand.self,
        ],
        defaultSubcommand: TuneCommand.self
    )
}
