import ArgumentParser
import Foundation
import TuneData
import TuneExperiment

/// The documents' optimizer comparison (`002_57ed9592af0011c8.txt` §4) through the library's
/// `OptimizerComparison` (what `tune-train examples run linreg-optimizers` runs): full-batch
/// gradient descent, Momentum, RMSprop and Adam at the documents' learning rate 0.01 on
/// y = 2x + 1 + noise, and on logistic regression for breast cancer (standardised): the loss
/// after 10, 100 and 1000 steps and the wall time of the 1000 steps.
struct OptimizerComparisonBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimizers",
        abstract: "Loss after 10, 100, 1000 full-batch steps and wall time, per optimizer, on two problems.",
        discussion: "Example: tune-train-bench optimizers --learning-rate 0.01"
    )

    @Option(help: "The learning rate for every optimizer (the documents use 0.01).")
    var learningRate = 0.01

    func run() throws {
        try BenchmarkCommand.requireReleaseBuild()
        let report = BenchmarkReport(columns: ["problem", "optimizer", "loss_10", "loss_100", "loss_1000", "seconds"])
        let line = try LineProblem().generate()
        var (cancer, _) = try BuiltInDataset.breastCancer.load().trainTestSplit(testSize: .fraction(0.2), seed: 42)
        cancer.features = StandardScaler(fittingOn: cancer.features).transform(cancer.features)
        let comparison = OptimizerComparison(learningRate: learningRate, steps: 1000)
        // Full batches only, so a step is an epoch and the epoch losses are the step losses.
        for contender in OptimizerComparison.documentsContenders where contender.batchSize == nil {
            let lineRun = try? comparison.fitLine(line, by: contender)
            record(report, "linear y=2x+1", contender, lineRun?.epochLosses, lineRun?.seconds)
            let logisticRun = try? comparison.fitLogistic(cancer, by: contender)
            record(report, "logistic breast_cancer", contender, logisticRun?.epochLosses, logisticRun?.seconds)
        }
        FileHandle.standardError.write(Data((report.table() + "\n").utf8))
    }

    /// The loss at step k is the full-batch loss evaluated by the k-th step (before its update);
    /// a run that diverged has no losses and no time.
    private func record(
        _ report: BenchmarkReport, _ problem: String, _ contender: OptimizerComparison.Contender, _ losses: [Double]?, _ seconds: Double?
    ) {
        let losses = losses ?? []
        func at(_ step: Int) -> MeasurementValue { losses.count >= step ? .number(losses[step - 1]) : .text("diverged") }
        report.record("optimizers", [
            "problem": .text(problem), "optimizer": .text(contender.label), "learning_rate": .number(learningRate),
            "loss_10": at(10), "loss_100": at(100), "loss_1000": at(1000), "seconds": seconds.map { .number($0) } ?? .text("diverged"),
        ])
    }
}
