import ArgumentParser
import Foundation
import TuneExperiment
import TuneSearch

/// `tune-train exec --space s.yaml --search tpe --trials 30 -- python3 train.py --lr {lr}`: tune
/// any program, one run of it per trial.
struct ExecCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exec",
        abstract: "Tune any program: run a command once per trial and minimise (or maximise) the number it prints.",
        discussion: """
            Each trial fills the command's {name} placeholders with its parameter values (write {{name}} for the \
            literal text) and exports them as TT_PARAM_NAME variables (upper case, other characters as _), with \
            TT_TRIAL_NUMBER. The trial's value is the last line of standard output that is a number, or a JSON \
            line {"value": v}; lines {"step": k, "value": v} are intermediate values the pruner sees, and a pruned \
            trial's command is stopped. A command that exits non-zero, times out (--trial-timeout) or prints no \
            finite value fails its trial with the last lines of its standard error, and the study goes on.

            With --storage sqlite:///FILE, rerunning the same command resumes the study up to --trials.

            Examples:
              tune-train exec --space s.yaml --search tpe --trials 30 -- python3 -c 'print(({x}-0.3)**2)'
              tune-train exec --space s.yaml --direction maximize --jobs 2 --trial-timeout 600 --storage sqlite:///runs.db -- python3 train.py --lr {lr}
            """
    )

    @Option(help: ArgumentHelp("The search space (YAML or JSON), e.g. x: {type: float, low: 0, high: 1}.", valueName: "file"))
    var space: String

    @Option(help: "How to search (any search but gradient).")
    var search: SearchKind = .tpe

    @OptionGroup var study: StudyOptions

    @Option(help: "Whether the command's value is to be minimised or maximised.")
    var direction: Direction = .minimize

    @Option(help: "Seeds the search.")
    var seed: UInt64 = 0

    @Option(help: "Stop unpromising trials early, from the {\"step\": k, \"value\": v} lines they print.")
    var pruner: PrunerKind = .none

    @Option(help: ArgumentHelp("Commands run at once.", valueName: "N"))
    var jobs: Int = 1

    @Option(help: ArgumentHelp("Stop a command after this many seconds (SIGTERM, then SIGKILL) and fail its trial.", valueName: "seconds"))
    var trialTimeout: Double?

    @Flag(help: "Print nothing per trial.")
    var quiet = false

    @Flag(help: "Print one JSON document on standard output instead of a summary.")
    var json = false

    @Argument(parsing: .postTerminator, help: ArgumentHelp("The command to run per trial, after --.", valueName: "command"))
    var command: [String] = []

    /// `--direction`, spelt in lower case as Optuna's CLI does.
    enum Direction: String, CaseIterable, ExpressibleByArgument {
        case minimize, maximize
    }

    func validate() throws {
        guard !command.isEmpty else {
            throw ValidationError("no command to run; put it after --, e.g. tune-train exec --space s.yaml -- python3 train.py --lr {lr}")
        }
        try search.requireSampler()
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if let trialTimeout, !(trialTimeout > 0) {
            throw ValidationError("--trial-timeout must be a positive number of seconds, got \(trialTimeout)")
        }
    }

    func run() async throws {
        var settings = ExecSettings(command: command, space: try exitingOnRunError { try SearchSpaceFile.load(space) })
        settings.search = search
        settings.direction = direction == .minimize ? .minimize : .maximize
        settings.trials = study.trials
        settings.seed = seed
        settings.pruner = pruner
        settings.studyName = study.name
        settings.concurrency = jobs
        settings.trialTimeout = trialTimeout
        let run = ExecRun(settings: settings, storage: try study.openStorage())
        _ = try exitingOnRunError { try run.validate() }
        ProcessGroups.stopOnInterrupt()
        let display = ProgressDisplay.forStandardError(quiet: quiet, verbose: false, json: json)
        let result = try await exitingOnRunError { try await run.run(observer: display) }
        if json {
            try printJSON(result)
            return
        }
        let states = result.states
        print("""
            study \(result.study) (\(study.storageName)): \(result.trials) trials (\(states.complete) complete, \(states.pruned) pruned, \(states.fail) failed)
            best value \(formatted(result.bestValue)) (trial \(result.bestTrial)): \(result.bestParameters.entries.map { "\($0.name)=\($0.value)" }.joined(separator: " "))
            """)
    }
}
