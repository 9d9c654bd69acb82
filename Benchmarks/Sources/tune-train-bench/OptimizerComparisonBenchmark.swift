import ArgumentParser
import Foundation
import TuneExperiment
import TuneOptim

/// The documents' optimizer comparison (`002_57ed9592af0011c8.txt` §4): full-batch SGD,
/// Momentum, RMSprop and Adam at the documents' learning rate 0.01 on y = 2x + 1 + noise, and on
/// logistic regression for breast cancer (standardised): the loss after 10, 100 and 1000 steps and
/// the wall time of the 1000 steps. The problems and the measurement are `tune-train
/// bench-optimizers`' (``OptimizerBenchProblem``, ``OptimizerBench/measure(_:on:train:test:steps:seed:)``),
/// here at one learning rate for every optimizer.
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
        let problems = try [OptimizerBenchProblem.linreg, .logisticBreastCancer].map { ($0, try $0.data()) }
        for kind in [OptimizerKind.sgd, .momentum, .rmsprop, .adam] {
            for (problem, (train, test)) in problems {
                let outcome = try OptimizerBench.measure(
                    BenchOptimizerSetting(optimizer: kind, learningRate: learningRate), on: problem, train: train, test: test,
                    steps: 1000, seed: 0)
                record(report, problem, kind, outcome)
            }
        }
        FileHandle.standardError.write(Data((report.table() + "\n").utf8))
    }

    /// The loss at step k is the full-batch loss evaluated by the k-th step (before its update).
    private func record(_ report: BenchmarkReport, _ problem: OptimizerBenchProblem, _ kind: OptimizerKind, _ outcome: StepBudgetRun.Outcome) {
        func at(_ step: Int) -> MeasurementValue {
            !outcome.diverged && outcome.curve.steps >= step ? .number(outcome.curve.loss(atStep: step)) : .text("diverged")
        }
        report.record("optimizers", [
            "problem": .text(problem.rawValue), "optimizer": .text(kind.rawValue), "learning_rate": .number(learningRate),
            "loss_10": at(10), "loss_100": at(100), "loss_1000": at(1000), "seconds": .number(outcome.seconds),
        ])
    }
}
