import Foundation
import Testing
import TuneSearch
import TuneTensor
@testable import TuneReport

/// fANOVA on objectives whose answer is known.
struct FanovaTests {
    /// `n` completed trials over x (log), y and a categorical z, valued by `objective`.
    static func trials(_ n: Int, seed: UInt64 = 7, objective: (Double, Double, Int) -> Double) -> [TrialRecord] {
        var generator = SeededGenerator(seed: seed)
        let distributions: [String: ParameterDistribution] = [
            "x": .float(low: 1e-4, high: 1, log: true), "y": .float(low: 0, high: 1), "z": .categorical(["a", "b", "c"]),
        ]
        return (0..<n).map { number in
            let x = exp(log(1e-4) + generator.uniform() * (log(1.0) - log(1e-4)))
            let y = generator.uniform()
            let z = generator.integer(in: 0..<3)
            return TrialRecord(id: number, number: number, state: .complete, value: objective(x, y, z),
                               internalParameters: ["x": x, "y": y, "z": Double(z)], distributions: distributions)
        }
    }

    @Test func theOnlyParameterThatMattersGetsMostOfTheImportance() throws {
        var noise = SeededGenerator(seed: 3)
        let records = Self.trials(200) { x, _, _ in (log10(x) + 2).squared() + 0.01 * noise.uniform() }
        let importances = try #require(try FanovaImportance(seed: 1).evaluate(records))
        let x = try #require(importances.single.first { $0.parameters == ["x"] })
        #expect(importances.single.first?.parameters == ["x"])
        #expect(importances.share(of: x) >= 0.8, "x's share \(importances.share(of: x)), all \(importances.single + importances.pairs)")
        #expect(importances.pairs.count == 3)
    }

    @Test func anInteractionShowsAsAPair() throws {
        let records = Self.trials(300) { _, y, z in (y - 0.5) * (z == 0 ? 1 : -1) }
        let importances = try #require(try FanovaImportance(seed: 1).evaluate(records))
        let pair = try #require(importances.pairs.first)
        #expect(Set(pair.parameters) == ["y", "z"])
        #expect(pair.importance > importances.single.map(\.importance).max()!)
    }

    @Test func tooFewOrFlatTrialsGiveNoImportances() throws {
        #expect(try FanovaImportance().evaluate(Self.trials(1) { _, _, _ in 1 }) == nil)
        #expect(try FanovaImportance().evaluate(Self.trials(20) { _, _, _ in 1 }) == nil)
    }
}

extension Double {
    func squared() -> Double { self * self }
}
