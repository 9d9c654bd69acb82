import ArgumentParser
import Foundation
import TuneData
import TuneExperiment

/// `tune-train lr-sweep`: the Tuning Playbook's learning-rate sweep for a first `max_train_steps`.
struct LRSweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lr-sweep",
        abstract: "Sweep learning rates at a constant rate for a step budget and suggest an initial max_train_steps.",
        discussion: """
            The Tuning Playbook's procedure for choosing max_train_steps: train the model once per learning rate of a \
            grid, each at a constant rate with no regularisation (alpha, dropout and weight_decay are 0 unless --param \
            sets them; no early stopping), for the same budget of --steps optimizer steps (mini-batch updates), on the \
            training part. Every step's mini-batch loss is recorded; the training loss at a step is their mean over the \
            last epoch of batches (the window, capped by the budget); the means of the first steps, over fewer batches, \
            are drawn in the curve but not judged.

            For each rate: its best training loss, the steps to reach it (the first step within --tolerance of it, the \
            tolerance being a fraction of the drop from the starting loss: 0.01 is the step that made 99% of the \
            progress), the final loss, the test score and the time. A rate whose loss becomes NaN or infinite, or rises \
            above twice the starting loss (the first batch's), is stopped and reported as diverged.

            The recommendation: among the rates whose best loss is within the tolerance of the sweep's best (those that \
            reach full training performance), the fastest gives max_train_steps, its steps to best rounded up to two \
            significant figures. If its loss was still falling at the end (by more than the tolerance over the last tenth \
            of the budget, or the last window if longer), the budget was too small: sweep again with more --steps. If it \
            is the smallest or largest rate of the grid, widen --rates on that side.

            Examples:
              tune-train lr-sweep --model mlp --data digits --steps 2000
              tune-train lr-sweep --model mlp --rates 0.0003,0.001,0.003,0.01 --param optimizer=sgd --param batch_size=32 --json
              tune-train lr-sweep --model logistic --data breast_cancer --steps 500 --seed 1
            """
    )

    @OptionGroup var options: ModelRunOptions

    @Option(help: ArgumentHelp(
        "Learning rates, comma-separated (default: seven half a decade apart, 0.0001 to 0.1).", valueName: "lr,lr,..."))
    var rates: String?

    @OptionGroup var budget: StepBudgetOptions

    @Option(help: ArgumentHelp(
        "How close to its best loss a rate must come to have reached it, as a fraction of the drop from the starting loss.",
        valueName: "fraction"))
    var tolerance = LearningRateSweep.defaultTolerance

    func validate() throws {
        if options.cv != nil { throw ValidationError("lr-sweep compares training losses and does not cross-validate; drop --cv") }
        _ = try rateGrid()
        guard tolerance > 0, tolerance < 1 else { throw ValidationError("--tolerance must be in (0, 1), got \(tolerance)") }
    }

    /// `--rates` parsed, or the default grid.
    private func rateGrid() throws -> [Double] {
        guard let rates else { return LearningRateSweep.defaultRates }
        return try rates.split(separator: ",", omittingEmptySubsequences: false).map { text in
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let rate = Double(trimmed), rate > 0, rate.isFinite else {
                throw ValidationError("--rates takes positive numbers separated by commas, e.g. --rates 0.001,0.01,0.1; got '\(trimmed)'")
            }
            return rate
        }
    }

    func run() throws {
        let dataset = try options.loadData()
        let sweep = LearningRateSweep(
            model: options.model, rates: try rateGrid(), steps: budget.steps, parameters: options.parameterPairs,
            testFraction: options.testSize, scaling: options.scale, seed: options.seed, tolerance: tolerance)
        let result = try exitingOnRunError {
            try sweep.run(on: dataset) { rate in
                FileHandle.standardError.write(Data("\(Self.progressLine(rate))\n".utf8))
            }
        }
        if options.json {
            try printJSON(result)
            return
        }
        print(Self.summary(result))
    }

    /// `lr 0.001: best loss 0.0123 at step 412, final 0.0131 (1.2 s)`.
    private static func progressLine(_ rate: LearningRateSweepResult.Rate) -> String {
        let head = "lr \(formatted(rate.learningRate)): "
        if let step = rate.divergedAtStep { return head + "diverged at step \(step) (\(formatted(rate.seconds)) s)" }
        return head + "best loss \(rate.bestLoss.map(formatted) ?? "-") at step \(rate.stepsToBest.map(String.init) ?? "-"), "
            + "final \(rate.finalLoss.map(formatted) ?? "-") (\(formatted(rate.seconds)) s)"
    }

    /// The table of rates, the rule and the recommendation.
    static func summary(_ result: LearningRateSweepResult) -> String {
        let table = TextTable(
            header: ["lr", "best loss", "steps to best", "final loss", "test \(result.metric)", "seconds", "status"],
            rows: result.rates.map { rate in
                [formatted(rate.learningRate), rate.bestLoss.map(formatted) ?? "—", rate.stepsToBest.map(String.init) ?? "—",
                 rate.finalLoss.map(formatted) ?? "—", rate.testScore.map(formatted) ?? "—", formatted(rate.seconds),
                 rate.divergedAtStep.map { "diverged at step \($0)" } ?? "ok"]
            })
        var lines = [
            "\(result.model) on \(result.data): \(result.rates.count) rates, \(result.steps) steps each at a constant rate, no regularisation, seed \(result.seed)",
            "",
            table.rendered,
            "",
            "loss: training loss averaged over the last \(result.window) steps; steps to best: the first step within "
                + "\(formatted(result.tolerance * 100))% of the drop from the starting loss to the rate's best.",
        ]
        guard let recommendation = result.recommendation else {
            lines.append("No recommendation: every rate diverged; sweep smaller rates (--rates).")
            return lines.joined(separator: "\n")
        }
        lines.append(
            "max_train_steps ≈ \(recommendation.maxTrainSteps): lr \(formatted(recommendation.learningRate)), the fastest rate to "
                + "full training performance, reached its best loss \(formatted(recommendation.bestLoss)) at step \(recommendation.stepsToBest).")
        if recommendation.budgetTooSmall {
            lines.append("Note: its loss was still falling at the end of the \(result.steps)-step budget; sweep again with more --steps.")
        }
        if recommendation.rateAtGridEdge {
            lines.append("Note: lr \(formatted(recommendation.learningRate)) is at the edge of the grid; widen --rates on that side before trusting it.")
        }
        return lines.joined(separator: "\n")
    }
}
