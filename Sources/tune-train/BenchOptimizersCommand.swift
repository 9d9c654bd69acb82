import ArgumentParser
import Foundation
import TuneExperiment
import TuneOptim
import TuneReport

/// `tune-train bench-optimizers`: SGD, Momentum, Nesterov, RMSprop, Adam and AdamW compared on the
/// documents' problems.
struct BenchOptimizersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-optimizers",
        abstract: "Compare optimizers on linear regression, logistic regression and an MLP: loss after N steps, steps to a target, time, test score.",
        discussion: """
            Problems: linreg (the documents' y = 2x + 1 + 0.5 noise, 100 rows, full-batch linear regression on the raw x, \
            tested on a fresh sample), logistic-breast-cancer (full-batch logistic regression, no penalty), \
            mlp-digits (the MLP's defaults: one hidden layer of 100, batches of 16). Optimizers at their usual defaults: \
            sgd lr 0.01; momentum and nesterov lr 0.01, momentum 0.9; rmsprop lr 0.01; adam lr 0.001; adamw lr 0.001, \
            weight_decay 0.01 (PyTorch's, and the documents' 0.01 for SGD). With --tuned each optimizer is first tuned \
            per problem by a short TPE study (--tune-trials) over its lr (two decades either side of the default) and, \
            for momentum and nesterov, its momentum in [0.5, 0.99], minimising the training loss after --steps steps on \
            the training part.

            Each run trains for --steps optimizer steps (mini-batch updates). Loss: the training loss (mean squared \
            error for linreg, cross-entropy otherwise) averaged over the last epoch of batches, exact for full batches. \
            Steps to target: the first step at which that loss is at or below the problem's target (--target). Test: R² \
            for linreg, accuracy for the classifiers. --json adds each run's loss curve (at most 200 points).

            Examples:
              tune-train bench-optimizers
              tune-train bench-optimizers --problems linreg --steps 3000 --target 0.27 --json
              tune-train bench-optimizers --problems linreg,logistic-breast-cancer --report bench.html
              tune-train bench-optimizers --problems mlp-digits --optimizers sgd,momentum,adam --tuned --tune-trials 10 --seed 1
            """
    )

    @Option(help: ArgumentHelp("Problems, comma-separated: linreg, logistic-breast-cancer, mlp-digits (default: all).", valueName: "names"))
    var problems: String?

    @Option(help: ArgumentHelp("Optimizers, comma-separated: sgd, momentum, nesterov, rmsprop, adam, adamw (default: all).", valueName: "names"))
    var optimizers: String?

    @OptionGroup var budget: StepBudgetOptions

    @Option(help: ArgumentHelp(
        "A target training loss as problem=LOSS, or LOSS for every chosen problem (repeatable; defaults: linreg 0.3, logistic-breast-cancer 0.1, mlp-digits 0.05).",
        valueName: "[problem=]loss"))
    var target: [String] = []

    @Flag(help: "Tune each optimizer's lr (and momentum) per problem with a short TPE study first.")
    var tuned = false

    @Option(help: ArgumentHelp("Trials of each tuning study (with --tuned).", valueName: "N"))
    var tuneTrials = OptimizerBench.defaultTuneTrials

    @Option(help: "Seeds the models and the tuning studies (the problems' data are fixed).")
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("Also write an HTML report: loss against step for every optimizer, one plot per problem.", valueName: "file"))
    var report: String?

    @Flag(help: "Print one JSON document on standard output instead of a table.")
    var json = false

    func validate() throws {
        _ = try bench()
        guard tuneTrials >= 1 else { throw ValidationError("--tune-trials must be at least 1, got \(tuneTrials)") }
        if let report { try OutputFile.validateFolder(of: report, option: "--report") }
    }

    /// The comparison the options describe.
    private func bench() throws -> OptimizerBench {
        let chosenProblems = try problems.map { try Self.names($0, option: "--problems", as: OptimizerBenchProblem.self) }
            ?? OptimizerBenchProblem.allCases
        let chosenOptimizers = try optimizers.map { try Self.names($0, option: "--optimizers", as: OptimizerKind.self) }
            ?? OptimizerKind.allCases
        var targets: [OptimizerBenchProblem: Double] = [:]
        for entry in target {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            let named = parts.count == 2 ? [try Self.names(parts[0], option: "--target", as: OptimizerBenchProblem.self)[0]] : chosenProblems
            guard let loss = Double(parts.last ?? ""), loss >= 0, loss.isFinite else {
                throw ValidationError("--target takes problem=LOSS or LOSS with a loss ≥ 0, e.g. --target linreg=0.3; got '\(entry)'")
            }
            for problem in named { targets[problem] = loss }
        }
        return OptimizerBench(
            problems: chosenProblems, optimizers: chosenOptimizers, steps: budget.steps, targets: targets,
            tuneTrials: tuned ? tuneTrials : nil, seed: seed)
    }

    /// A comma-separated list of names of `Choice`, each known.
    private static func names<Choice: RawRepresentable & CaseIterable>(_ list: String, option: String, as _: Choice.Type) throws -> [Choice]
    where Choice.RawValue == String {
        try list.split(separator: ",").map { name in
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let choice = Choice(rawValue: trimmed) else {
                throw ValidationError("\(option): unknown name '\(trimmed)'; choose from \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return choice
        }
    }

    func run() throws {
        let bench = try bench()
        let result = try exitingOnRunError {
            try bench.run { run in
                let loss = run.loss.map(formatted) ?? "diverged"
                let line = "\(run.problem.rawValue) \(run.setting.optimizer.rawValue) (\(run.setting.summary)): loss \(loss), \(formatted(run.seconds)) s\n"
                FileHandle.standardError.write(Data(line.utf8))
            }
        }
        if let report {
            try OutputFile.write(OptimizerBenchReport(result).html(), to: report)
            FileHandle.standardError.write(Data("wrote \(report)\n".utf8))
        }
        if json {
            try printJSON(result)
            return
        }
        print(Self.summary(result, bench: bench))
    }

    /// The table, the targets and where the settings came from.
    private static func summary(_ result: OptimizerBenchResult, bench: OptimizerBench) -> String {
        var header = ["problem", "optimizer", "lr", "momentum", "loss after \(result.steps)", "steps to target", "seconds", "metric", "test"]
        if result.tuneTrials != nil { header.insert("tuning s", at: 7) }
        let rows = result.runs.map { run -> [String] in
            var cells = [
                run.problem.rawValue, run.setting.optimizer.rawValue, formatted(run.setting.learningRate),
                run.setting.momentum.map(formatted) ?? "—", run.loss.map(formatted) ?? "diverged",
                run.stepsToTarget.map(String.init) ?? "—", formatted(run.seconds), run.metric, run.testScore.map(formatted) ?? "—",
            ]
            if let tuning = run.tuningSeconds { cells.insert(formatted(tuning), at: 7) }
            return cells
        }
        let targets = bench.problems.map { "\($0.rawValue) \(formatted(bench.target(for: $0)))" }.joined(separator: ", ")
        let origin = result.tuneTrials.map {
            "settings: tuned per problem by \($0)-trial TPE studies minimising the training loss after \(result.steps) steps"
        } ?? "settings: the usual defaults (" + bench.optimizers.map {
            "\($0.rawValue) \(BenchOptimizerSetting.usualDefaults(for: $0).summary)"
        }.joined(separator: "; ") + ")"
        return [
            TextTable(header: header, rows: rows).rendered, "",
            "loss: training loss after \(result.steps) steps (MSE for linreg, cross-entropy otherwise), averaged over the last epoch of batches",
            "targets: \(targets)", origin, "seed \(result.seed), \(formatted(result.seconds)) s in all",
        ].joined(separator: "\n")
    }
}
