import ArgumentParser
import Foundation
import TuneData
import TuneExperiment

/// The options `train` and the tuning command share: the model, the data, fixed parameters, the
/// seed, the test part, scaling, cross-validation and output.
struct ModelRunOptions: ParsableArguments {
    @Option(help: "The model.")
    var model: ModelKind

    @Option(help: ArgumentHelp(
        "A built-in data set, a CSV file, or a generator spec (default: digits, or diabetes for linear and ridge).",
        valueName: "source"))
    var data: String?

    @Option(help: ArgumentHelp("The CSV's target column, by header name or 0-based index.", valueName: "column"))
    var target: String?

    @Option(help: "Treat the CSV's target as classification or regression (default: inferred).")
    var task: TaskOption = .infer

    @Option(name: .customLong("param"), help: ArgumentHelp("A fixed hyperparameter as name=value (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @Option(help: "Seeds the split, the model and the search.")
    var seed: UInt64 = 0

    @Option(help: "The fraction of rows held out for the test score.")
    var testSize: Double = 0.2

    @Option(help: "Feature scaling, fitted on training rows only (auto: standard for gradient-trained models).")
    var scale: FeatureScaling = .auto

    @Option(help: ArgumentHelp("Cross-validate on the training part with K folds (stratified for classification).", valueName: "K"))
    var cv: Int?

    @Flag(help: "Print one JSON document on standard output instead of a summary.")
    var json = false

    func validate() throws {
        for parameter in parameters where !parameter.contains("=") || parameter.hasPrefix("=") {
            throw ValidationError("--param '\(parameter)' is not name=value, e.g. --param lr=0.01")
        }
        guard testSize > 0, testSize < 1 else { throw ValidationError("--test-size must be in (0, 1), got \(testSize)") }
        if let cv, cv < 2 { throw ValidationError("--cv must be at least 2, got \(cv)") }
    }

    /// `--param` values as name–value pairs.
    var parameterPairs: [(name: String, value: String)] {
        parameters.map { parameter in
            let parts = parameter.split(separator: "=", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
    }

    /// Loads the data set, turning any data error into one line on standard error and exit 65.
    func loadData() throws -> Dataset {
        try exitingOnDataError {
            try DatasetSource.load(data ?? model.defaultDataSet, target: target.map(DatasetSource.TargetColumn.init(parsing:)), task: task.choice)
        }
    }
}
