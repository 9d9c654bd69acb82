import Testing
@testable import TuneExperiment

/// Per-step loss curves: smoothing, the steps they report, sampling for JSON.
@Suite struct LossCurveTests {
    @Test func smoothedLossIsTheTrailingWindowMean() {
        let curve = LossCurve(batchLosses: [4, 2, 6, 0, 2], window: 2)
        #expect(curve.smoothed == [4, 3, 4, 3, 1])
        #expect(curve.startingLoss == 4 && curve.finalLoss == 1 && curve.bestLoss == 1)
        #expect(curve.firstStep(atOrBelow: 3) == 2)
        #expect(curve.firstStep(atOrBelow: 0.5) == nil)
        #expect(curve.loss(atStep: 3) == 4)
    }

    /// A lucky first batch is not the best loss: only full windows count.
    @Test func partialWindowsAreNotJudged() {
        let curve = LossCurve(batchLosses: [1, 9, 9, 9, 3], window: 3)
        #expect(curve.smoothed[0...1] == [1, 5])
        #expect(curve.bestLoss == 19.0 / 3)
        #expect(curve.firstStep(atOrBelow: 7) == 3)
        #expect(curve.firstStep(atOrBelow: 5.5) == nil)
        #expect(curve.startingLoss == 1)
    }

    /// 1% of the drop from 10 to 0: the first step at or below 0.1.
    @Test func stepReachingBestAllowsTheToleranceOfTheDrop() {
        let curve = LossCurve(batchLosses: [10, 5, 1, 0.1, 0.05, 0], window: 1)
        #expect(curve.stepReachingBest(tolerance: 0.01) == 4)
        #expect(curve.stepReachingBest(tolerance: 0.2) == 3)
    }

    @Test func samplingKeepsTheEndsAndAtMostTheMaximum() {
        let curve = LossCurve(batchLosses: (1...1000).map { 1 / Double($0) }, window: 10)
        let sample = curve.sampled(maximum: 200)
        #expect(sample.steps.count == 200 && sample.loss.count == 200)
        #expect(sample.steps.first == 1 && sample.steps.last == 1000)
        #expect(sample.loss.last == curve.finalLoss)
        #expect(LossCurve(batchLosses: [3, 2, 1], window: 1).sampled(maximum: 200).steps == [1, 2, 3])
    }

    @Test func theRecorderStopsAtTheBudget() {
        let recorder = LossCurveRecorder(budget: 3, window: 2)
        let decisions = [1.0, 0.9, 0.8].enumerated().map { recorder.callback($0.offset + 1, $0.element) }
        #expect(decisions == [.proceed, .proceed, .stop])
        #expect(recorder.curve.batchLosses == [1, 0.9, 0.8] && recorder.divergedAtStep == nil)
    }

    /// A jump in the first, partial window is not judged; a full window above twice the start is.
    @Test func theRecorderStopsARunawayLossOnceAWindowIsFull() {
        let recorder = LossCurveRecorder(budget: 100, window: 3)
        #expect([1.0, 5, 0].enumerated().map { recorder.callback($0.offset + 1, $0.element) } == [.proceed, .proceed, .proceed])
        #expect(recorder.callback(4, 9) == .stop)
        #expect(recorder.divergedAtStep == 4)
    }
}
