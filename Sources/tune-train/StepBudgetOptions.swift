import ArgumentParser
import TuneExperiment

/// `--steps N`: the training budget, in optimizer steps, of the commands that train for a number of
/// steps rather than epochs (`lr-sweep`, `bench-optimizers`).
struct StepBudgetOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The budget of every run in optimizer steps (mini-batch updates), across epochs.", valueName: "N"))
    var steps = StepBudgetRun.defaultSteps

    func validate() throws {
        guard steps >= 1 else { throw ValidationError("--steps must be at least 1, got \(steps)") }
    }
}
