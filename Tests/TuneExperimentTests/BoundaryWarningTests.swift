import Foundation
import Testing
import TuneSearch
@testable import TuneExperiment

/// Warnings for numeric ranges whose best trials crowd a bound.
@Suite struct BoundaryWarningTests {
    static let space = try! SearchSpace([
        "lr": .float(low: 1e-4, high: 1e-1, log: true),
        "layers": .int(low: 1, high: 8),
        "dropout": .float(low: 0, high: 0.5),
        "activation": .categorical([.string("relu"), .string("tanh")]),
    ])

    /// A completed trial with value `value`.
    static func trial(_ number: Int, value: Double, lr: Double, layers: Int, dropout: Double) -> TrialRecord {
        var record = TrialRecord(id: number, number: number, state: .complete)
        record.value = value
        record.internalParameters = ["lr": lr, "layers": Double(layers), "dropout": dropout, "activation": 0]
        record.distributions = Dictionary(uniqueKeysWithValues: space.parameters.map { ($0.name, $0.distribution) })
        return record
    }

    @Test func bestTrialsAtTheUpperLogBoundAskForADecadeMore() throws {
        // The five best all use lr within 5% (in log scale) of 0.1; the worse ones do not.
        let trials = (0..<5).map { Self.trial($0, value: 0.9 + Double($0) / 100, lr: 0.09, layers: 3 + $0 % 3, dropout: 0.2) }
            + (5..<10).map { Self.trial($0, value: 0.5, lr: 1e-3, layers: 2, dropout: 0.1) }
        let warnings = BoundaryWarning.check(space: Self.space, trials: trials, direction: .maximize)
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.parameter == "lr" && warning.side == .upper && warning.evidence == .crowded(5, of: 5))
        #expect(abs(warning.suggestedBound - 1.0) < 1e-12)
        #expect(warning.description.contains("high: 1"))
    }

    @Test func integersAtTheLowerBoundAndRatesAtZero() throws {
        let trials = (0..<6).map { Self.trial($0, value: Double($0), lr: 0.01, layers: $0 == 0 ? 5 : 1, dropout: 0) }
        // Minimising: trial 0 is best and its 5 layers are mid-range; the 4 others in the top 5 sit at 1.
        let minimising = BoundaryWarning.check(space: Self.space, trials: trials, direction: .minimize)
        #expect(minimising.isEmpty, "the best trial itself is not at the bound")
        let maximising = BoundaryWarning.check(space: Self.space, trials: trials, direction: .maximize)
        let layers = try #require(maximising.first { $0.parameter == "layers" })
        #expect(layers.side == .lower && layers.bound == 1)
        // Half the range further down would cross 0; a range that was non-negative stops at 0.
        #expect(layers.suggestedBound == 0)
        // dropout sits at 0 in every trial, but a range starting at 0 cannot grow downward: no warning.
        #expect(!maximising.contains { $0.parameter == "dropout" })
    }

    @Test func tooFewTrialsOrSpreadValuesSayNothing() {
        let few = (0..<3).map { Self.trial($0, value: Double($0), lr: 0.1, layers: 8, dropout: 0.5) }
        #expect(BoundaryWarning.check(space: Self.space, trials: few, direction: .maximize).isEmpty)
        let spread = (0..<8).map { Self.trial($0, value: Double($0), lr: [1e-4, 1e-3, 1e-2, 0.05][$0 % 4], layers: 1 + $0, dropout: 0.05 * Double($0)) }
        #expect(BoundaryWarning.check(space: Self.space, trials: spread, direction: .maximize).filter { $0.parameter != "layers" }.isEmpty)
    }

    /// The gradient search's check: the best setting is a bound and the loss's slope there
    /// points beyond it by a material amount.
    @Test func aLossStillFallingAtABoundIsWarnedOfUnlessItIsFlat() throws {
        let alpha = ParameterDistribution.float(low: 1e-4, high: 100, log: true)
        let lower = try #require(BoundaryWarning.gradientCheck(parameter: "alpha", distribution: alpha, best: 1e-4, loss: 1, slope: 0.01))
        #expect(lower.side == .lower && lower.evidence == .lossFallsThrough(slope: 0.01))
        #expect(abs(lower.suggestedBound - 1e-5) < 1e-18)
        #expect(lower.description.contains("lower bound 0.0001") && lower.description.contains("low: 1e-05"))
        let upper = try #require(BoundaryWarning.gradientCheck(parameter: "alpha", distribution: alpha, best: 100, loss: 1, slope: -0.01))
        #expect(upper.side == .upper && upper.suggestedBound == 1000)
        // A decade further would lower the loss by 0.01 · ln 10 ≈ 2.3%; with a slope 100 times
        // smaller, by 0.023% — flat, below the 0.1% that is worth widening for.
        #expect(BoundaryWarning.gradientCheck(parameter: "alpha", distribution: alpha, best: 1e-4, loss: 1, slope: 1e-4) == nil)
        // Rising beyond the bound, or not at a bound: nothing to say.
        #expect(BoundaryWarning.gradientCheck(parameter: "alpha", distribution: alpha, best: 1e-4, loss: 1, slope: -0.01) == nil)
        #expect(BoundaryWarning.gradientCheck(parameter: "alpha", distribution: alpha, best: 0.5, loss: 1, slope: 0.01) == nil)
    }
}
