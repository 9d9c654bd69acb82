import ArgumentParser
import Foundation
import TuneData
import TuneModels
import TuneTensor

/// The documents' GridSearchCV example on our side: a random forest over the 144-setting grid,
/// 5-fold stratified cross-validation of iris's 80% training part, folds in parallel (one thread
/// per forest, one thread budget). Compare with `Benchmarks/peers/iris_grid.py`.
struct IrisGridBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iris-grid",
        abstract: "Seconds to cross-validate the documents' 144-setting random-forest grid on iris.",
        discussion: "Example: tune-train-bench iris-grid"
    )

    func run() throws {
        try BenchmarkCommand.requireReleaseBuild()
        let report = BenchmarkReport(columns: ["settings", "seconds", "best_cv"])
        let (train, _) = try BuiltInDataset.iris.load().trainTestSplit(testSize: .fraction(0.2), seed: 42)
        var best = (score: -Double.infinity, description: "")
        let seconds = try secondsTakenThrowing {
            for estimators in [10, 50, 100, 200] {
                for depth in [nil, 10, 20, 30] as [Int?] {
                    for split in [2, 5, 10] {
                        for leaf in [1, 2, 4] {
                            var settings = ForestHyperparameters()
                            settings.estimators = estimators
                            settings.jobs = 1
                            settings.tree.maxDepth = depth
                            settings.tree.minSamplesSplit = split
                            settings.tree.minSamplesLeaf = leaf
                            let result = try crossValidate(RandomForest(settings), on: train, folds: 5)
                            if result.mean > best.score {
                                best = (result.mean, "n_estimators=\(estimators) max_depth=\(depth.map(String.init) ?? "none") min_samples_split=\(split) min_samples_leaf=\(leaf)")
                            }
                        }
                    }
                }
            }
        }
        report.record("iris-grid", [
            "implementation": .text("TuneTrain"), "settings": .integer(144), "seconds": .number(seconds),
            "best_cv": .number(best.score), "best_params": .text(best.description),
        ])
        FileHandle.standardError.write(Data((report.table() + "\n").utf8))
    }

    private func secondsTakenThrowing(_ body: () throws -> Void) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
