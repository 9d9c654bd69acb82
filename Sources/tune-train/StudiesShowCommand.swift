import ArgumentParser
import Foundation
import TuneSQLite
import TuneSearch

/// `tune-train studies show --study NAME`: one study's attributes and its trials.
struct StudiesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one study: its attributes and a table of its trials (number, state, value, parameters, seconds).",
        discussion: """
            Examples:
              tune-train studies show --storage sqlite:///mlp.db --study mlp-digits-tpe
              tune-train studies show --storage sqlite:///mlp.db --study mlp-digits-tpe --json
            """
    )

    @OptionGroup var database: StorageOption

    @Option(help: ArgumentHelp("The study's name (see `tune-train studies list`).", valueName: "name"))
    var study: String

    @Flag(help: "Print one JSON document instead of tables.")
    var json = false

    func run() throws {
        let storage = try database.openExisting()
        let stored = try database.study(named: study, in: storage)
        let (trials, attributes) = try exitingOnRunError {
            (try storage.trials(studyID: stored.id), try storage.studyUserAttributes(studyID: stored.id))
        }
        let details = Details(summary: StudySummary(stored, trials: trials, userAttributes: attributes),
                              userAttributes: attributes, trials: trials.map(TrialRow.init))
        if json {
            try printJSON(details)
            return
        }
        print(details.text)
    }

    /// What `show` prints: the summary's keys, then the user attributes and the trials.
    struct Details: Encodable {
        var summary: StudySummary
        var userAttributes: [String: JSONValue]
        var trials: [TrialRow]

        enum CodingKeys: String, CodingKey {
            case userAttributes = "user_attrs", trials
        }

        func encode(to encoder: any Encoder) throws {
            try summary.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(JSONValue.object(userAttributes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }),
                                 forKey: .userAttributes)
            try container.encode(trials, forKey: .trials)
        }

        var text: String {
            let states = summary.states
            var lines = [
                "study \(summary.study): \(summary.direction), \(summary.trialCount) trials (\(states.complete) complete, "
                    + "\(states.pruned) pruned, \(states.fail) failed, \(states.running) running, \(states.waiting) waiting)",
            ]
            if let value = summary.bestValue, let trial = summary.bestTrial {
                lines.append("best value \(formatted(value)) (trial \(trial))")
            } else {
                lines.append("no completed trial yet")
            }
            if !userAttributes.isEmpty {
                lines.append("attributes: " + userAttributes.sorted { $0.key < $1.key }.map { "\($0.key)=\(attributeText($0.value))" }
                    .joined(separator: " "))
            }
            let names = TrialRow.parameterNames(trials)
            let rows = trials.map { row in
                ["\(row.number)", row.state.rawValue, row.value.map(formatted) ?? "-"]
                    + names.map { row.params[$0]?.description ?? "-" }
                    + [row.seconds.map { String(format: "%.2f", $0) } ?? "-"]
            }
            return lines.joined(separator: "\n") + "\n\n"
                + TextTable(header: ["number", "state", "value"] + names + ["seconds"], rows: rows).rendered
        }

        /// Text attributes bare, everything else as JSON.
        private func attributeText(_ value: JSONValue) -> String {
            if case .string(let text) = value { return text.contains(" ") ? "'\(text)'" : text }
            return value.jsonText
        }
    }
}
