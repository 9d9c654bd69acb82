import ArgumentParser
import Foundation
import TuneData
import TuneModels
import TuneOptim
import TuneTensor

/// The documents' optimizer comparison (`002_57ed9592af0011c8.txt` §4): full-batch SGD,
/// Momentum, RMSprop and Adam at the documents' learning rate 0.01 on y = 2x + 1 + noise, and on
/// logistic regression for breast cancer (standardised): the loss after 10, 100 and 1000 steps and
/// the wall time of the 1000 steps.
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
        for kind in [OptimizerKind.sgd, .momentum, .rmsprop, .adam] {
            var linear = LinearRegression.Hyperparameters()
            linear.solver = .gradient
            linear.optimizer = kind
            linear.learningRate = learningRate
            linear.epochs = 1000
            linear.batchSize = line.rowCount
            var fittedLine: FittedLinearRegression?
            let lineSeconds = secondsTaken { fittedLine = try? LinearRegression(linear).fit(line) }
            record(report, "linear y=2x+1", kind, fittedLine?.reports, lineSeconds)

            var logistic = LogisticRegression.Hyperparameters()
            logistic.optimizer = kind
            logistic.learningRate = learningRate
            logistic.alpha = 0
            logistic.epochs = 1000
            logistic.batchSize = cancer.rowCount
            var fittedLogistic: FittedLogisticRegression?
            let logisticSeconds = secondsTaken { fittedLogistic = try? LogisticRegression(logistic).fit(cancer) }
            record(report, "logistic breast_cancer", kind, fittedLogistic?.reports, logisticSeconds)
        }
        FileHandle.standardError.write(Data((report.table() + "\n").utf8))
    }

    /// The loss at step k is the full-batch loss evaluated by the k-th step (before its update).
    private func record(_ report: BenchmarkReport, _ problem: String, _ kind: OptimizerKind, _ reports: [EpochReport]?, _ seconds: Double) {
        let losses = reports?.map(\.trainLoss) ?? []
        func at(_ step: Int) -> MeasurementValue { losses.count >= step ? .number(losses[step - 1]) : .text("diverged") }
        report.record("optimizers", [
            "problem": .text(problem), "optimizer": .text(kind.rawValue), "learning_rate": .number(learningRate),
            "loss_10": at(10), "loss_100": at(100), "loss_1000": at(1000), "seconds": .number(seconds),
        ])
    }
}
