import ArgumentParser
import Foundation
import TuneSQLite
import TuneSearch

/// `tune-train tell`: finishes a trial that `tune-train ask` started, with its value or as
/// failed or pruned.
struct TellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tell",
        abstract: "Finish a trial started by `tune-train ask`: with its value, or as failed or pruned.",
        discussion: """
            Give exactly one of --value (the trial becomes COMPLETE; nan or inf make it FAIL) and --state. Telling
            a trial that is not RUNNING, or a number the study does not hold, is refused (exit 64).

            Examples:
              tune-train tell --storage sqlite:///s.db --study quad --trial 7 --value 0.0123
              tune-train tell --storage sqlite:///s.db --study quad --trial 8 --value -1.5 --json
              tune-train tell --storage sqlite:///s.db --study quad --trial 9 --state fail
            """
    )

    /// The states a trial can be told without a value.
    enum FinalState: String, CaseIterable, ExpressibleByArgument {
        case fail, pruned

        var trialState: TrialState { self == .fail ? .fail : .pruned }
    }

    @OptionGroup var database: StorageOption

    @Option(help: ArgumentHelp("The study's name.", valueName: "name"))
    var study: String

    @Option(help: ArgumentHelp("The trial's number, as `ask` printed it.", valueName: "N"))
    var trial: Int

    @Option(parsing: .unconditional, help: ArgumentHelp("The objective's value (negative numbers allowed).", valueName: "V"))
    var value: Double?

    @Option(help: "Finish the trial without a value.")
    var state: FinalState?

    @Flag(help: "Print one JSON document: the trial's number, state and value, and the study's best.")
    var json = false

    func validate() throws {
        guard (value == nil) != (state == nil) else {
            throw ValidationError("give exactly one of --value V and --state fail|pruned")
        }
    }

    func run() throws {
        let storage = try database.openExisting()
        let stored = try database.study(named: study, in: storage)
        let (record, best) = try exitingOnRunError {
            let study = try Study(name: stored.name, direction: stored.direction, storage: storage)
            let record = try value.map { try study.tell(trialNumber: trial, value: $0) }
                ?? study.tell(trialNumber: trial, state: state!.trialState)
            return (record, try study.bestTrial)
        }
        let output = Output(trial: record.number, state: record.state, value: record.value,
                            bestTrial: best?.number, bestValue: best?.value)
        if json {
            try printJSON(output)
        } else {
            print(output.text + (record.failReason.map { " (\($0))" } ?? ""))
        }
    }

    /// What `tell` prints.
    struct Output: Encodable {
        var trial: Int
        var state: TrialState
        var value: Double?
        var bestTrial: Int?
        var bestValue: Double?

        enum CodingKeys: String, CodingKey {
            case trial, state, value, bestTrial = "best_trial", bestValue = "best_value"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(trial, forKey: .trial)
            try container.encode(state, forKey: .state)
            try container.encode(value, forKey: .value)
            try container.encode(bestTrial, forKey: .bestTrial)
            try container.encode(bestValue, forKey: .bestValue)
        }

        /// `trial 7 COMPLETE 0.0123; best 0.01 (trial 4)`.
        var text: String {
            let line = "trial \(trial) \(state.rawValue)" + (value.map { " \(formatted($0))" } ?? "")
            guard let bestValue, let bestTrial else { return line + "; no completed trial yet" }
            return line + "; best \(formatted(bestValue)) (trial \(bestTrial))"
        }
    }
}
