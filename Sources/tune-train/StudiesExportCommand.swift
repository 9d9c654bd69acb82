import ArgumentParser
import Foundation
import TuneSQLite

/// `tune-train studies export --study NAME --format csv|json`: one row per trial, for pandas,
/// spreadsheets or `jq`.
struct StudiesExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a study's trials as CSV or JSON, one row per trial.",
        discussion: """
            Columns, as Optuna's trials_dataframe: number, state, value, params_NAME (one per parameter; empty
            where a trial lacks it), intermediate_values (a JSON object from step to value), seconds (the
            duration), datetime_start, datetime_complete (local time). CSV follows RFC 4180 (quoted fields,
            CRLF line ends); JSON is an array of objects with params and intermediate_values as objects.

            Examples:
              tune-train studies export --storage sqlite:///mlp.db --study mlp-digits-tpe --format csv -o trials.csv
              tune-train studies export --storage sqlite:///mlp.db --study mlp-digits-tpe --json | jq '.[0]'
            """
    )

    /// The export formats.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case csv, json
    }

    @OptionGroup var database: StorageOption

    @Option(help: ArgumentHelp("The study's name (see `tune-train studies list`).", valueName: "name"))
    var study: String

    @Option(help: "The output format (default: csv).")
    var format: Format?

    @Flag(help: "Export JSON: the same as --format json.")
    var json = false

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    /// The format asked for, by --format or --json.
    var chosenFormat: Format { json ? .json : format ?? .csv }

    func validate() throws {
        if json, format == .csv { throw ValidationError("--json and --format csv ask for two formats; give one") }
        if let output { try OutputFile.validateFolder(of: output, option: "-o") }
    }

    func run() throws {
        let storage = try database.openExisting()
        let stored = try database.study(named: study, in: storage)
        let rows = try exitingOnRunError { try storage.trials(studyID: stored.id).map(TrialRow.init) }
        let text: String
        switch chosenFormat {
        case .csv: text = Self.csv(rows)
        case .json: text = try OrderedJSONEncoder().encode(rows) + "\n"
        }
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        try OutputFile.write(text, to: output)
        FileHandle.standardError.write(Data("wrote \(rows.count) trials of study '\(stored.name)' to \(output)\n".utf8))
    }

    /// The rows as CSV with one `params_NAME` column per parameter.
    static func csv(_ rows: [TrialRow]) -> String {
        let names = TrialRow.parameterNames(rows)
        let header = ["number", "state", "value"] + names.map { "params_\($0)" }
            + ["intermediate_values", "seconds", "datetime_start", "datetime_complete"]
        let lines = rows.map { row in
            ["\(row.number)", row.state.rawValue, row.value.map { "\($0)" } ?? ""]
                + names.map { row.params[$0]?.description ?? "" }
                + [row.intermediateValuesJSON.jsonText, row.seconds.map { "\($0)" } ?? "",
                   TrialRow.timestamp(row.datetimeStart) ?? "", TrialRow.timestamp(row.datetimeComplete) ?? ""]
        }
        return CSVText.document(header: header, rows: lines)
    }
}
