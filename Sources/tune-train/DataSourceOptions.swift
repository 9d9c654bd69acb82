import ArgumentParser
import TuneData

/// The data a command works on: a built-in name, a CSV path or a generator spec, plus how to read
/// a CSV's target.
struct DataSourceOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "A built-in data set (tune-train datasets list), a CSV file, or a generator spec such as make_classification:n_samples=1000,seed=42.",
        valueName: "source"))
    var source: String

    @Option(help: ArgumentHelp("The CSV's target column, by header name or 0-based index (default: the last column).", valueName: "column"))
    var target: String?

    @Option(help: "Treat the CSV's target as classification or regression (default: inferred).")
    var task: TaskOption = .infer

    /// Loads the data set, turning any data error into one line on standard error and exit 65.
    func load() throws -> Dataset {
        try exitingOnDataError {
            try DatasetSource.load(source, target: target.map(DatasetSource.TargetColumn.init(parsing:)), task: task.choice)
        }
    }
}

/// `--task`.
enum TaskOption: String, ExpressibleByArgument, CaseIterable {
    case infer, classification, regression

    var choice: DatasetSource.TaskChoice {
        switch self {
        case .infer: return .infer
        case .classification: return .classification
        case .regression: return .regression
        }
    }
}
