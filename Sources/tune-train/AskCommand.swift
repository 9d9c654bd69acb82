import ArgumentParser
import TuneExperiment
import TuneSQLite
import TuneSearch

/// `tune-train ask`: starts one trial of a stored study and prints its parameters, for a script
/// that evaluates them itself and reports back with `tune-train tell`.
struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Start one trial of a stored study (creating the study if needed) and print its number and parameters.",
        discussion: """
            The sampler sees every trial told so far, so TPE, GP or CMA-ES improve as results come back; any number
            of processes may ask and tell on the same study at once. The trial stays RUNNING until
            `tune-train tell` finishes it. Output: `trial 7: lr=0.0123 layers=2`, or with --json
            {"trial": 7, "params": {"lr": 0.0123, "layers": 2}}.

            Examples:
              tune-train ask --storage sqlite:///s.db --study quad --space space.yaml --search tpe --json
              for i in 1 2 3; do
                n=$(tune-train ask --storage sqlite:///s.db --study quad --space space.yaml | sed 's/^trial \\([0-9]*\\):.*/\\1/')
                tune-train tell --storage sqlite:///s.db --study quad --trial "$n" --value 0.5
              done
            """
    )

    @OptionGroup var database: StorageOption

    @Option(help: ArgumentHelp("The study's name; a new name starts a study.", valueName: "name"))
    var study: String

    @Option(help: ArgumentHelp("The search-space file (YAML or JSON), as for `tune-train --space`.", valueName: "file"))
    var space: String

    @Option(help: "How to sample (any search but gradient).")
    var search: SearchKind = .tpe

    @Option(help: "Seeds the sampler; each trial's draws come from the seed and the trial number.")
    var seed: UInt64 = 0

    @Option(help: "Whether smaller or larger values are better (a continued study must have the same).")
    var direction: DirectionOption = .minimize

    @Flag(help: "Print one JSON document: {\"trial\": N, \"params\": {...}}.")
    var json = false

    func validate() throws {
        guard search.isSampler else {
            let samplers = SearchKind.allCases.filter(\.isSampler).map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--search \(search.rawValue) is not a sampler; it runs with `tune-train --search \(search.rawValue)`. Use one of \(samplers)")
        }
    }

    func run() throws {
        let space = try exitingOnRunError { try SearchSpaceFile.load(self.space) }
        let storage = try database.openOrCreate()
        let (trial, parameters) = try exitingOnRunError {
            let sampler = try search.makeSampler(space: space, seed: seed)
            let study = try Study(name: self.study, direction: direction.studyDirection, sampler: sampler, storage: storage)
            try recordStudyAttributes(storage, studyID: study.id)
            guard let trial = try study.ask(detached: true) else {
                throw GridExhausted(description: "study '\(study.name)' has started every point of its grid; nothing is left to ask (use a new study name to search again)")
            }
            do {
                return (trial, try trial.suggest(space))
            } catch {
                try study.fail(trial, reason: "\(error)")
                throw error
            }
        }
        if json {
            try printJSON(Output(trial: trial.number, params: .object(parameters.map { ($0.name, $0.value.json) })))
        } else {
            print("trial \(trial.number): " + parameters.map { "\($0.name)=\($0.value)" }.joined(separator: " "))
        }
    }

    /// Notes the search and seed of a new study (user attributes, shown by `studies list`).
    private func recordStudyAttributes(_ storage: SQLiteStorage, studyID: Int) throws {
        guard try storage.studyUserAttributes(studyID: studyID).isEmpty else { return }
        try storage.setStudyUserAttribute("search", .string(search.rawValue), studyID: studyID)
        try storage.setStudyUserAttribute("seed", .int(Int(truncatingIfNeeded: seed)), studyID: studyID)
    }

    /// A grid study with every point claimed (exit 1: the search is over, not misused).
    struct GridExhausted: Error, CustomStringConvertible {
        let description: String
    }

    /// `ask --json`.
    struct Output: Encodable {
        var trial: Int
        var params: JSONValue
    }
}
