import Testing
@testable import TuneExperiment

/// The Tuning Playbook's `max_train_steps` rule on constructed curves.
@Suite struct MaxTrainStepsRecommendationTests {
    /// A loss that falls from `start` by a factor `rate` per step to `floor`.
    static func decay(start: Double = 2, floor: Double, rate: Double, steps: Int = 1000) -> LossCurve {
        var loss = start
        return LossCurve(batchLosses: (0..<steps).map { _ in
            defer { loss = floor + (loss - floor) * rate }
            return loss
        }, window: 1)
    }

    /// The slow rate ends lowest but the fast one is within 1% of the drop of it: the fast one
    /// sets max_train_steps. The too-high rate plateaus far above and the diverged one is ignored.
    @Test func theFastestRateAtFullPerformanceSetsMaxTrainSteps() throws {
        let slow = Self.decay(floor: 0, rate: 0.99)
        let fast = Self.decay(floor: 0.01, rate: 0.9)
        let high = Self.decay(floor: 0.5, rate: 0.5)
        let runs: [(learningRate: Double, curve: LossCurve, diverged: Bool)] = [
            (0.001, slow, false), (0.01, fast, false), (0.1, high, false), (1, LossCurve(batchLosses: [2, 5], window: 1), true),
        ]
        let recommendation = try #require(MaxTrainStepsRecommendation.choose(from: runs, tolerance: 0.01, budget: 1000))
        #expect(recommendation.learningRate == 0.01)
        let expected = try #require(fast.stepReachingBest(tolerance: 0.01))
        #expect(recommendation.stepsToBest == expected)
        #expect(recommendation.maxTrainSteps == MaxTrainStepsRecommendation.roundedUpToTwoSignificantFigures(expected))
        #expect(recommendation.maxTrainSteps >= expected)
        #expect(!recommendation.budgetTooSmall && !recommendation.rateAtGridEdge)
    }

    @Test func aLossStillFallingAtTheEndAsksForMoreSteps() throws {
        let falling = Self.decay(floor: 0, rate: 0.999)
        let recommendation = try #require(MaxTrainStepsRecommendation.choose(
            from: [(0.01, falling, false), (0.1, Self.decay(floor: 1, rate: 0.5), false)], tolerance: 0.01, budget: 1000))
        #expect(recommendation.learningRate == 0.01)
        #expect(recommendation.budgetTooSmall && recommendation.rateAtGridEdge)
    }

    @Test func noRecommendationWhenEveryRateDiverged() {
        #expect(MaxTrainStepsRecommendation.choose(
            from: [(1, LossCurve(batchLosses: [2, 9], window: 1), true)], tolerance: 0.01, budget: 10) == nil)
    }

    @Test func maxTrainStepsRoundsUpToTwoSignificantFigures() {
        #expect([7, 87, 100, 437, 1201, 12_001].map(MaxTrainStepsRecommendation.roundedUpToTwoSignificantFigures)
                == [7, 87, 100, 440, 1300, 13_000])
    }
}
