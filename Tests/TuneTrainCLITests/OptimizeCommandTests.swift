import Foundation
import Testing
import TuneTestSupport

/// `tune-train optimize`: the JSON contract, determinism, the trace, and its usage errors.
@Suite struct OptimizeCommandTests {
    @Test func theSameSeedPrintsTheSameDocumentAndTheTraceNeverRises() throws {
        let arguments = ["optimize", "--function", "branin", "--search", "tpe", "--trials", "30", "--seed", "3", "--json"]
        let first = try TuneTrainProcess.run(arguments)
        let second = try TuneTrainProcess.run(arguments)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput == second.standardOutput)
        let json = try #require(first.json)
        #expect(Array(json.keys).sorted() == ["best_params", "best_value", "dim", "function", "optimum", "regret", "search", "seed", "trace", "trials"])
        let trace = try #require(json["trace"] as? [Double])
        #expect(trace.count == 30 && json["trials"] as? Int == 30 && json["dim"] as? Int == 2)
        #expect(zip(trace, trace.dropFirst()).allSatisfy { $0 >= $1 })
        let best = try #require(json["best_value"] as? Double), optimum = try #require(json["optimum"] as? Double)
        #expect(trace.last == best && best >= optimum)
        expectClose(try #require(json["regret"] as? Double), best - optimum, rtol: 1e-12)
        #expect((json["best_params"] as? [String: Double]).map { Array($0.keys).sorted() } == ["x0", "x1"])
        let otherSeed = try TuneTrainProcess.run(["optimize", "--function", "branin", "--search", "tpe", "--trials", "30", "--seed", "4", "--json"])
        #expect(otherSeed.standardOutput != first.standardOutput)
    }

    @Test func everyFunctionRunsInItsDefaultDimensionAndTheTextShowsTheTrace() throws {
        for (function, dimension) in [("hartmann", 6), ("rosenbrock", 4), ("ackley", 5), ("levy", 4), ("sphere", 4)] {
            let json = try #require(try TuneTrainProcess.run(["optimize", "--function", function, "--search", "random", "--trials", "5", "--json"]).json)
            #expect(json["dim"] as? Int == dimension, "\(function)")
        }
        let text = try TuneTrainProcess.run(["optimize", "--function", "sphere", "--dim", "3", "--search", "qmc", "--trials", "8"])
        #expect(text.status == 0)
        #expect(text.standardOutput.contains("sphere3, search qmc, seed 0, 8 trials: best") && text.standardOutput.contains("regret"))
        #expect(text.standardOutput.split(separator: "\n").count == 2 + 8 + 2, "header, rule, a row per trial, summary")
    }

    @Test func userErrorsPrintOneLineAndExitWithUsage() throws {
        let cases: [(arguments: [String], mentions: String)] = [
            (["--function", "himmelblau"], "unknown function 'himmelblau'"),
            (["--function", "branin", "--dim", "3"], "defined in 2 dimensions only"),
            (["--function", "hartmann", "--dim", "4"], "defined in 6 dimensions only"),
            (["--function", "rosenbrock", "--dim", "1"], "at least 2"),
            (["--function", "sphere", "--search", "gradient"], "choose a sampler"),
            (["--function", "sphere", "--trials", "0"], "--trials"),
        ]
        for (arguments, mentions) in cases {
            let outcome = try TuneTrainProcess.run(["optimize"] + arguments)
            let first = outcome.standardError.split(separator: "\n").first.map(String.init) ?? ""
            #expect(outcome.status == 64, "\(arguments): \(outcome.standardError)")
            #expect(first.hasPrefix("Error: ") && first.contains(mentions), "\(arguments): \(outcome.standardError)")
        }
    }
}
