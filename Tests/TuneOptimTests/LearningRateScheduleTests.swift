import Foundation
import Testing
import TuneOptim
import TuneTestSupport

struct LearningRateScheduleTests {
    @Test func closedForms() {
        #expect(LearningRateSchedule.constant.learningRate(base: 0.1, atStep: 99) == 0.1)
        let step = LearningRateSchedule.step(stepSize: 10, gamma: 0.5)
        #expect(step.learningRate(base: 0.1, atStep: 9) == 0.1)
        #expect(step.learningRate(base: 0.1, atStep: 10) == 0.05)
        #expect(step.learningRate(base: 0.1, atStep: 25) == 0.025)
        expectClose(LearningRateSchedule.exponential(gamma: 0.9).learningRate(base: 1, atStep: 3), 0.729, rtol: 1e-12)
        let cosine = LearningRateSchedule.cosine(totalSteps: 100, minimum: 0.001)
        #expect(cosine.learningRate(base: 0.1, atStep: 0) == 0.1)
        expectClose(cosine.learningRate(base: 0.1, atStep: 50), 0.0505, rtol: 1e-12)
        expectClose(cosine.learningRate(base: 0.1, atStep: 100), 0.001, rtol: 1e-12)
        expectClose(cosine.learningRate(base: 0.1, atStep: 150), 0.001, rtol: 1e-12)
    }

    @Test func warmupThenAnotherSchedule() {
        let schedule = LearningRateSchedule.warmup(steps: 4, startFactor: 0.25, then: .step(stepSize: 2, gamma: 0.1))
        let rates = (0..<8).map { schedule.learningRate(base: 1, atStep: $0) }
        expectClose(rates, [0.25, 0.4375, 0.625, 0.8125, 1, 1, 0.1, 0.1], rtol: 1e-12)
    }

    @Test func validation() throws {
        #expect(throws: InvalidHyperparameter(name: "gamma", constraint: "in (0, 1]", value: "1.5")) {
            try LearningRateSchedule.exponential(gamma: 1.5).validate()
        }
        #expect(throws: InvalidHyperparameter.self) {
            try LearningRateSchedule.warmup(steps: 0, startFactor: 0.1, then: .constant).validate()
        }
        try LearningRateSchedule.warmup(steps: 5, startFactor: 0.1, then: .cosine(totalSteps: 10, minimum: 0)).validate()
        let json = try JSONEncoder().encode(LearningRateSchedule.warmup(steps: 5, startFactor: 0.1, then: .cosine(totalSteps: 10, minimum: 0)))
        #expect(try JSONDecoder().decode(LearningRateSchedule.self, from: json)
            == .warmup(steps: 5, startFactor: 0.1, then: .cosine(totalSteps: 10, minimum: 0)))
    }
}
