import ArgumentParser
import Foundation
import TuneData
import TuneModels
import TuneTensor

/// Random forest and decision tree fit and predict times and test accuracy on the train and test
/// CSVs that `Benchmarks/peers/forest.py` writes (so scikit-learn and TuneTrain see the same rows).
struct ForestBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forest",
        abstract: "Fit/predict seconds and test accuracy of RandomForest(100) and a DecisionTree on the peer script's CSVs.",
        discussion: "Example: tune-train-bench forest --rows 100000 --folder /tmp/tt-forest"
    )

    @Option(help: "Rows of the generated data (selects the CSV pair).")
    var rows = 100_000

    @Option(help: "The folder the peer script wrote the CSVs to.")
    var folder = "/tmp/tt-forest"

    func run() throws {
        try BenchmarkCommand.requireReleaseBuild()
        let report = BenchmarkReport(columns: ["model", "rows", "fit_seconds", "predict_seconds", "test_accuracy"])
        let options = CSVOptions(task: .classification)
        let train = try CSVLoader.load(path: "\(folder)/train-\(rows).csv", options: options)
        let test = try CSVLoader.load(path: "\(folder)/test-\(rows).csv", options: options)
        var forest = ForestHyperparameters()
        forest.estimators = 100
        measure(report, "RandomForest(100)", RandomForest(forest), train, test)
        measure(report, "DecisionTree", DecisionTree(), train, test)
        FileHandle.standardError.write(Data((report.table() + "\n").utf8))
    }

    private func measure<E: Estimator>(_ report: BenchmarkReport, _ name: String, _ estimator: E, _ train: Dataset, _ test: Dataset) {
        var fitted: E.Fitted?
        let fit = secondsTaken { fitted = try? estimator.fit(train) }
        guard let fitted else { return }
        var predictions: [Float] = []
        let predict = secondsTaken { predictions = fitted.predict(test.features) }
        report.record("forest", [
            "implementation": .text("TuneTrain"), "model": .text(name), "rows": .integer(rows), "fit_seconds": .number(fit),
            "predict_seconds": .number(predict),
            "test_accuracy": .number(accuracy(predicted: predictions.map { Int($0) }, actual: test.classIndices)),
        ])
    }
}
