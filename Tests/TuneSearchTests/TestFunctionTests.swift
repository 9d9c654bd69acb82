import Foundation
import Testing
import TuneSearch
import TuneTensor
import TuneTestSupport

/// The test functions' known minima, their dimensions, and a sampler's run on them.
@Suite struct TestFunctionTests {
    /// Each function in its default dimension and a few others.
    static let functions: [TestFunction] = TestFunctionFamily.allCases.flatMap { family in
        Set([family.defaultDimension, family.minimumDimension, family.fixedDimension ?? 7]).sorted().map { try! family.function(dimension: $0) }
    }

    @Test(arguments: functions)
    func theKnownMinimiserReachesTheKnownMinimum(_ function: TestFunction) {
        expectClose(function.evaluate(function.minimizer), function.minimum, rtol: 0, atol: 1e-6, function.label)
        #expect(function.minimizer.count == function.dimension && function.bounds.count == function.dimension)
        #expect(zip(function.minimizer, function.bounds).allSatisfy { $1.contains($0) }, "\(function.label): minimiser outside the box")
    }

    @Test(arguments: functions)
    func noPointOfTheBoxBeatsTheMinimum(_ function: TestFunction) {
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<2000 {
            let point = function.bounds.map { $0.lowerBound + ($0.upperBound - $0.lowerBound) * generator.uniform() }
            #expect(function.evaluate(point) >= function.minimum - 1e-9, "\(function.label) at \(point)")
        }
    }

    @Test func braninHasThreeGlobalMinima() {
        for point in [[-Double.pi, 12.275], [Double.pi, 2.275], [9.42478, 2.475]] {
            expectClose(TestFunction.branin.evaluate(point), TestFunction.branin.minimum, rtol: 0, atol: 1e-5, "branin at \(point)")
        }
    }

    @Test func dimensionsAreCheckedAndDefaultToTheBenchmarks() throws {
        #expect(throws: TestFunctionError.self) { try TestFunctionFamily.branin.function(dimension: 3) }
        #expect(throws: TestFunctionError.self) { try TestFunctionFamily.hartmann.function(dimension: 2) }
        #expect(throws: TestFunctionError.self) { try TestFunctionFamily.rosenbrock.function(dimension: 1) }
        #expect(throws: TestFunctionError.self) { try TestFunctionFamily.sphere.function(dimension: 0) }
        #expect(try TestFunctionFamily.levy.function(dimension: 9).dimension == 9)
        #expect(TestFunction.benchmarkSuite.map(\.label) == ["branin", "hartmann6", "rosenbrock4", "ackley5", "levy4"])
        #expect(try TestFunctionFamily.allCases.map { try $0.function().label }
                == ["branin", "hartmann6", "rosenbrock4", "ackley5", "levy4", "sphere4"])
    }

    @Test func aRunsBestSoFarTraceFollowsItsValues() throws {
        let function = TestFunction.sphere(dimension: 3)
        let run = try function.minimize(with: RandomSampler(seed: 5), trials: 20)
        #expect(run.values.count == 20 && run.bestSoFar.count == 20)
        #expect(zip(run.bestSoFar, run.bestSoFar.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(run.bestSoFar.last == run.values.min())
        let best = try #require(run.best)
        #expect(run.regret == best.value! - function.minimum)
        #expect(run.bestPoint.map(function.evaluate) == best.value)
        let again = try function.minimize(with: RandomSampler(seed: 5), trials: 20)
        #expect(again.values == run.values)
    }
}

extension TestFunction: CustomTestStringConvertible {
    public var testDescription: String { label }
}
