import ArgumentParser
import Foundation
import TuneExperiment

/// `tune-train examples run NAME`: one of the documents' examples, printed as the document printed it.
struct ExamplesRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one of the documents' examples and print what the document printed, with this run's values.",
        discussion: """
            NAME is one of `tune-train examples list`. Prints what the document's code
            prints (best parameters and score), the test score of the retrained best
            setting and the time taken, then where the working version departs from the
            document's code. Trials are logged on standard error.

            Examples:
              tune-train examples run iris-grid
              tune-train examples run linreg-optimizers --json
              tune-train examples run cifar10-mlp --quick --cifar10 /data/cifar
            """
    )

    @Argument(help: ArgumentHelp("The example (see `tune-train examples list`).", valueName: "name"))
    var name: String

    @Flag(help: "Shrink the example to seconds: fewer trials, folds and epochs.")
    var quick = false

    @Option(help: ArgumentHelp("Where cifar10-mlp looks for the CIFAR-10 binary batches (Scripts/fetch-cifar10 puts them there).", valueName: "folder"))
    var cifar10: String = ExampleContext.defaultCIFAR10Directory

    @Flag(help: "Print nothing while the example runs.")
    var quiet = false

    @Flag(help: "Print one JSON document {example, source, quick, data, results, notes, seconds} instead of text.")
    var json = false

    func run() throws {
        let example = try exitingOnRunError { try DocumentExample.named(name) }
        let context = ExampleContext(
            quick: quick, observer: ProgressDisplay.forStandardError(quiet: quiet, verbose: false, json: json), cifar10Directory: cifar10,
            progress: { FileHandle.standardError.write(Data("\($0)\n".utf8)) })
        let outcome = try exitingOnRunError { try example.run(context) }
        if json {
            try printJSON(outcome)
            return
        }
        print("\(outcome.example) (\(outcome.source)\(quick ? ", quick" : "")) on \(outcome.report.data)\n")
        for output in outcome.report.printed {
            switch output {
            case .line(let text): print(text)
            case let .table(header, rows): print(TextTable(header: header, rows: rows).rendered)
            }
        }
        if !outcome.report.notes.isEmpty {
            print("\nWhere this departs from the document:")
            for note in outcome.report.notes { print("- \(note)") }
        }
    }
}
