import Foundation
import TuneData
import TuneSearch

/// The studies the examples run: kept in memory, logged through the example's context, and
/// printed as the documents' libraries print theirs.
enum ExampleStudy {
    /// Runs `settings` on `dataset` in memory.
    static func run(_ settings: TuningSettings, on dataset: Dataset, context: ExampleContext) throws -> TuningResult {
        try TuningRun(settings: settings, storage: InMemoryStorage(), storageName: "memory")
            .run(on: dataset, observer: context.observer)
    }

    /// A scikit-learn search example (`GridSearchCV`, `RandomizedSearchCV`, the Bayesian search of
    /// `000` §4.3): runs the study and prints what scikit-learn prints — the best parameters and
    /// score — then the retrained best setting's test accuracy and the time.
    static func searchReport(_ settings: TuningSettings, on dataset: Dataset, context: ExampleContext, notes: [String]) throws -> ExampleReport {
        let result = try run(settings, on: dataset, context: context)
        let scoreName = settings.folds == nil ? "validation" : "cross-validation"
        return ExampleReport(
            data: describe(dataset, testFraction: settings.testFraction), results: result,
            printed: [
                .line("Best parameters: \(pythonDictionary(result.bestParameters))"),
                .line("Best \(scoreName) score: \(fourDecimals(result.bestValue))"),
                testLine(result),
                timeLine(result),
            ],
            notes: notes)
    }

    /// "Test accuracy: 0.9667 (the best setting retrained on the training part)".
    static func testLine(_ result: TuningResult) -> ExampleOutput {
        .line("Test \(result.metric): \(fourDecimals(result.testScore)) (the best setting retrained on the training part)")
    }

    /// "Time: 144 trials (144 complete, 0 pruned) in 2.4 s".
    static func timeLine(_ result: TuningResult) -> ExampleOutput {
        let states = result.states
        return .line("Time: \(result.trialCount) trials (\(states.complete) complete, \(states.pruned) pruned, \(states.fail) failed) "
            + "in \(String(format: "%.1f", result.seconds)) s")
    }

    /// `iris (150 rows × 4 features, 3 classes; 30 held out for the test)`.
    static func describe(_ dataset: Dataset, testFraction: Double) -> String {
        let summary = DatasetSummary(of: dataset)
        let task = summary.classes.map { "\($0) classes" } ?? "regression"
        let testRows = Int((testFraction * Double(summary.rows)).rounded(.up))
        return "\(summary.name) (\(summary.rows) rows × \(summary.features) features, \(task); \(testRows) held out for the test)"
    }

    /// `{'max_depth': None, 'min_samples_leaf': 4}`: parameters as Python prints scikit-learn's
    /// `best_params_` (keys sorted, `None`, quoted strings).
    static func pythonDictionary(_ parameters: ParameterList) -> String {
        let items = parameters.entries.sorted { $0.name < $1.name }.map { "'\($0.name)': \(pythonLiteral($0.value))" }
        return "{" + items.joined(separator: ", ") + "}"
    }

    /// A parameter value as Python's `repr` writes it.
    static func pythonLiteral(_ value: ParameterList.Value) -> String {
        switch value {
        case .none: return "None"
        case .flag(let flag): return flag ? "True" : "False"
        case .text(let text): return "'\(text)'"
        case .integer, .number: return value.description
        }
    }

    static func fourDecimals(_ value: Double) -> String { String(format: "%.4f", value) }
}
