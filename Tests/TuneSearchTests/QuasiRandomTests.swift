import Testing
import TuneTensor
@testable import TuneSearch

@Suite struct QuasiRandomTests {
    /// `scipy.stats.qmc.Sobol(3, scramble=False).random(8)` (scipy 1.17.1).
    @Test func unscrambledSobolPointsEqualScipys() throws {
        let expected: [[Double]] = [
            [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75],
            [0.375, 0.375, 0.625], [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375],
        ]
        #expect(try SobolSequence(dimension: 3, scrambling: .none).points(8) == expected)
    }

    /// `scipy.stats.qmc.Halton(2, scramble=False).random(6)` (scipy 1.17.1).
    @Test func unscrambledHaltonPointsEqualScipys() throws {
        let expected: [[Double]] = [
            [0, 0], [0.5, 1.0 / 3], [0.25, 2.0 / 3], [0.75, 1.0 / 9], [0.125, 4.0 / 9], [0.625, 7.0 / 9],
        ]
        let points = try HaltonSequence(dimension: 2, scrambled: false).points(6)
        for (point, want) in zip(points, expected) {
            #expect(zip(point, want).allSatisfy { abs($0 - $1) < 1e-15 })
        }
    }

    /// `qmc.discrepancy(np.array([[.1,.2],[.5,.7],[.9,.4],[.3,.95]]), method='L2-star')`.
    @Test func l2StarDiscrepancyEqualsScipys() {
        let value = Discrepancy.l2Star([[0.1, 0.2], [0.5, 0.7], [0.9, 0.4], [0.3, 0.95]])
        #expect(abs(value - 0.10906642980821891) < 1e-12)
    }

    /// Mean L2-star discrepancy of 256 points over 5 seeds, for each dimension 2...10.
    static func meanDiscrepancy(_ dimension: Int, _ points: (Int, UInt64) throws -> [[Double]]) rethrows -> Double {
        try (1...5).map { seed in Discrepancy.l2Star(try points(dimension, UInt64(seed))) }.reduce(0, +) / 5
    }

    static func randomPoints(_ dimension: Int, _ seed: UInt64) -> [[Double]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<256).map { _ in (0..<dimension).map { _ in generator.uniform() } }
    }

    @Test(arguments: 2...10)
    func scrambledSequencesHaveLowerDiscrepancyThanRandomPoints(dimension: Int) throws {
        let random = Self.meanDiscrepancy(dimension, Self.randomPoints)
        let sobol = try Self.meanDiscrepancy(dimension) { try SobolSequence(dimension: $0, seed: $1).points(256) }
        let halton = try Self.meanDiscrepancy(dimension) { try HaltonSequence(dimension: $0, seed: $1).points(256) }
        #expect(sobol < random, "d=\(dimension): Sobol \(sobol) vs random \(random)")
        #expect(halton < random, "d=\(dimension): Halton \(halton) vs random \(random)")
    }

    @Test(arguments: SobolScrambling.allCases)
    func everyCoordinateOfTwoToTheKPointsFillsEachIntervalOnce(scrambling: SobolScrambling) throws {
        let points = try SobolSequence(dimension: 12, scrambling: scrambling, seed: 5).points(64)
        for d in 0..<12 {
            let cells = Set(points.map { Int($0[d] * 64) })
            #expect(cells.count == 64, "dimension \(d)")
        }
        #expect(points.allSatisfy { $0.allSatisfy { (0..<1).contains($0) } })
    }

    @Test func scrambledPointsFollowTheSeed() throws {
        #expect(try SobolSequence(dimension: 4, seed: 1).points(16) == SobolSequence(dimension: 4, seed: 1).points(16))
        #expect(try SobolSequence(dimension: 4, seed: 1).points(16) != SobolSequence(dimension: 4, seed: 2).points(16))
        #expect(try HaltonSequence(dimension: 4, seed: 1).points(16) == HaltonSequence(dimension: 4, seed: 1).points(16))
        #expect(try HaltonSequence(dimension: 4, seed: 1).points(16) != HaltonSequence(dimension: 4, seed: 2).points(16))
        let halton = try HaltonSequence(dimension: 6, seed: 3).points(200)
        #expect(halton.allSatisfy { $0.allSatisfy { (0..<1).contains($0) } })
    }

    @Test func pointsAreAvailableInAnyOrder() throws {
        let sequence = try SobolSequence(dimension: 5, seed: 9)
        #expect(sequence.points(4, from: 100) == [100, 101, 102, 103].map(sequence.point(at:)))
    }

    @Test func dimensionsOutsideTheTableAreErrors() {
        #expect(throws: QuasiRandomError.self) { try SobolSequence(dimension: 0) }
        #expect(throws: QuasiRandomError.self) { try SobolSequence(dimension: 65) }
        #expect(throws: QuasiRandomError.self) { try HaltonSequence(dimension: 65) }
    }

    @Test func theQuasiRandomSamplerWalksTheSequenceByTrialNumber() throws {
        let space = try SearchSpace(["x": .float(low: 0, high: 1), "y": .float(low: 0, high: 1)])
        let sampler = QuasiRandomSampler(sequence: .sobol, scrambled: false, seed: 0, searchSpace: space)
        let study = try Study(name: "q", sampler: sampler)
        try study.optimize(trials: 4) { trial in try trial.suggestFloat("x", 0...1) + trial.suggestFloat("y", 0...1) }
        let points = try study.trials.map { [$0.internalParameters["x"]!, $0.internalParameters["y"]!] }
        // Unscrambled, the origin is skipped: points 1, 2, 3, 4 of the sequence.
        #expect(points == (try SobolSequence(dimension: 2, scrambling: .none).points(4, from: 1)))
    }
}
