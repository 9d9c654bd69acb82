import ArgumentParser
import Foundation

/// `tune-train report --storage URL --study NAME -o report.html`: a stored study as one
/// self-contained HTML page.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a study's report: one self-contained HTML file (inline SVG and CSS, nothing fetched) to open in any browser.",
        discussion: """
            The report shows the study's metadata (model, data, search, seed, the exact command), the optimisation \
            history (pruned and failed trials marked, the best value starred), the learning curves of every trial \
            that reported intermediate values, hyperparameter importances by fANOVA (a random forest fitted on the \
            completed trials), a heat map of the two most important parameters, parallel coordinates, a slice plot \
            per parameter, and the trials table (click a header to sort). Check it in a browser with \
            Scripts/check-report FILE.

            Examples:
              tune-train report --storage sqlite:///mlp.db --study digits-tpe -o report.html
              tune-train report --storage sqlite:///mlp.db --study digits-tpe -o report.html --json
            """
    )

    @OptionGroup var database: StorageOption

    @Option(help: ArgumentHelp("The study's name (see `tune-train studies list`).", valueName: "name"))
    var study: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The HTML file to write.", valueName: "file"))
    var output: String

    @Option(help: "Seeds the importance forest.")
    var seed: UInt64 = 0

    @Flag(help: "Print one JSON document (file, study, trials, bytes, seconds) instead of a line.")
    var json = false

    func validate() throws {
        try OutputFile.validateFolder(of: output, option: "-o")
    }

    func run() throws {
        let storage = try database.openExisting()
        let stored = try database.study(named: study, in: storage)
        let written = try StudyReportFile.write(stored, in: storage, to: output, seed: seed)
        if json {
            try printJSON(written)
        } else {
            print(written.line)
        }
    }
}
