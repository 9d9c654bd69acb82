import Foundation
import TuneData
import TuneOptim

/// The optimizer comparison of `tune-train bench-optimizers`: every chosen optimizer, at its usual
/// defaults or first tuned by a short TPE study (``OptimizerTuning``), trained for the same number
/// of steps on every chosen problem (``OptimizerBenchProblem``), with the loss after the budget,
/// the steps to a target loss, the wall time, the test score and the loss curve of each.
public struct OptimizerBench: Sendable {
    public var problems: [OptimizerBenchProblem]
    public var optimizers: [OptimizerKind]
    /// Optimizer steps (mini-batch updates) per run.
    public var steps: Int
    /// Target training losses that replace the problems' defaults.
    public var targets: [OptimizerBenchProblem: Double]
    /// Trials of the TPE study tuning each optimizer first; nil runs the usual defaults.
    public var tuneTrials: Int?
    /// Seeds the models (initial weights, batch order) and the tuning studies; the problems'
    /// data are fixed.
    public var seed: UInt64

    public static let defaultTuneTrials = 20

    public init(
        problems: [OptimizerBenchProblem] = OptimizerBenchProblem.allCases, optimizers: [OptimizerKind] = OptimizerKind.allCases,
        steps: Int = StepBudgetRun.defaultSteps, targets: [OptimizerBenchProblem: Double] = [:], tuneTrials: Int? = nil, seed: UInt64 = 0
    ) {
        self.problems = problems
        self.optimizers = optimizers
        self.steps = steps
        self.targets = targets
        self.tuneTrials = tuneTrials
        self.seed = seed
    }

    /// The target loss of `problem`.
    public func target(for problem: OptimizerBenchProblem) -> Double { targets[problem] ?? problem.defaultTarget }

    /// Runs every optimizer on every problem, problem by problem.
    /// - Parameter progress: called after each run (a progress line).
    /// - Throws: ``ParameterError`` for a budget or trial count below 1, ``TuningError`` when a
    ///   tuning study completes no trial.
    public func run(progress: (OptimizerBenchResult.Run) -> Void = { _ in }) throws -> OptimizerBenchResult {
        try StepBudgetRun.checkBudget(steps)
        if let tuneTrials, tuneTrials < 1 { throw ParameterError(message: "--tune-trials must be at least 1, got \(tuneTrials)") }
        let started = Date()
        var runs: [OptimizerBenchResult.Run] = []
        for problem in problems {
            let (train, test) = try problem.data()
            for optimizer in optimizers {
                var setting = BenchOptimizerSetting.usualDefaults(for: optimizer)
                var tuningSeconds: Double?
                if let tuneTrials {
                    let tuningStarted = Date()
                    setting = try OptimizerTuning(trials: tuneTrials, steps: steps, seed: seed).tune(setting, on: problem, train: train)
                    tuningSeconds = Date().timeIntervalSince(tuningStarted)
                }
                let outcome = try Self.measure(setting, on: problem, train: train, test: test, steps: steps, seed: seed)
                let run = OptimizerBenchResult.Run(
                    problem: problem, setting: setting, tuned: tuneTrials != nil, target: target(for: problem),
                    outcome: outcome, tuningSeconds: tuningSeconds)
                runs.append(run)
                progress(run)
            }
        }
        return OptimizerBenchResult(
            steps: steps, seed: seed, tuneTrials: tuneTrials, runs: runs, seconds: Date().timeIntervalSince(started))
    }

    /// One optimizer setting trained for `steps` steps on `problem`'s parts: the measurement every
    /// cell of the comparison (and every tuning trial) makes.
    /// - Throws: ``ParameterError`` or ``ModelError`` for settings the model refuses.
    public static func measure(
        _ setting: BenchOptimizerSetting, on problem: OptimizerBenchProblem, train: Dataset, test: Dataset, steps: Int, seed: UInt64
    ) throws -> StepBudgetRun.Outcome {
        let run = TrainingRun(
            model: problem.model,
            parameters: problem.parameters(trainingRows: train.rowCount) + setting.parameters(for: problem.model),
            scaling: problem.scaling, seed: seed)
        return try StepBudgetRun(run: run, steps: steps)(train: train, test: test)
    }
}
