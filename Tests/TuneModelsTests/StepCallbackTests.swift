import Testing
import TuneOptim
import TuneTensor
@testable import TuneModels

/// The per-step hook of ``TrainingSession``: every optimizer step reported once, in order across
/// epochs, and a `.stop` ending training after that very step.
@Suite struct StepCallbackTests {
    /// Records what the session reports (one training thread at a time).
    final class Steps: @unchecked Sendable {
        var numbers: [Int] = []
        var losses: [Double] = []
    }

    func session(stopAfter limit: Int?, steps: Steps) throws -> TrainingSession<Float> {
        var generator = SeededGenerator(seed: 3)
        let features = Tensor<Float>.normal(shape: [50, 2], using: &generator)
        let targets = (0..<50).map { row in features[row, 0] - 2 * features[row, 1] }
        let network = Network<Float>(layers: [.linear(inputs: 2, outputs: 1)], initialization: { _ in .xavier }, using: &generator)
        // 50 rows in batches of 16: 4 steps per epoch (the last batch has 2 rows).
        let configuration = TrainingConfiguration(optimizer: OptimizerConfiguration(kind: .sgd, learningRate: 0.05), batchSize: 16, epochs: 5)
        return try TrainingSession(
            network: network, loss: .meanSquaredError, features: features, targets: targets, configuration: configuration,
            stepCallback: { step, loss in
                steps.numbers.append(step)
                steps.losses.append(loss)
                return step == limit ? .stop : .proceed
            })
    }

    @Test func everyStepIsReportedOnceAcrossEpochs() throws {
        let steps = Steps()
        var training = try session(stopAfter: nil, steps: steps)
        try training.run()
        #expect(steps.numbers == Array(1...20))
        #expect(training.stepsTaken == 20)
        #expect(training.reports.count == 5)
        // An epoch's reported loss is the mean of its batch losses.
        let firstEpoch = steps.losses[0..<4].reduce(0, +) / 4
        #expect(abs(training.reports[0].trainLoss - firstEpoch) < 1e-12)
        #expect(steps.losses.last! < steps.losses.first! / 10)
    }

    @Test func stopEndsTrainingMidEpoch() throws {
        let steps = Steps()
        var training = try session(stopAfter: 6, steps: steps)
        try training.run()
        #expect(steps.numbers == Array(1...6))
        #expect(training.stepsTaken == 6)
        #expect(training.isFinished)
        // The second, partial epoch reports the mean of its two batches.
        #expect(training.reports.count == 2)
        #expect(abs(training.reports[1].trainLoss - (steps.losses[4] + steps.losses[5]) / 2) < 1e-12)
    }
}
