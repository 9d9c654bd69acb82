import ArgumentParser
import Foundation
import TuneExperiment
import TuneSearch

/// `tune-train optimize --function branin --search tpe --trials 30`: a sampler on a standard test
/// function, so samplers can be compared from the shell.
struct OptimizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Minimise a standard test function with a search, printing the best value after each trial.",
        discussion: """
            Functions (Surjanovic & Bingham's library, as in the sample-efficiency benchmark): branin (2-D), \
            hartmann (6-D), and in any dimension rosenbrock (default 4, at least 2), ackley (default 5), levy \
            (default 4) and sphere (default 4). The regret is the best value found minus the known minimum.

            Examples:
              tune-train optimize --function branin --search tpe --trials 30 --seed 1
              tune-train optimize --function rosenbrock --dim 8 --search cmaes --trials 200 --json
            """
    )

    @Option(help: ArgumentHelp("The test function: \(TestFunctionFamily.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "name"))
    var function: String

    @Option(help: ArgumentHelp("Its dimension (default: the benchmark's; branin and hartmann have one only).", valueName: "D"))
    var dim: Int?

    @Option(help: "How to search (any search but gradient).")
    var search: SearchKind = .tpe

    @Option(help: ArgumentHelp("Trials to run.", valueName: "N"))
    var trials: Int = 50

    @Option(help: "Seeds the search.")
    var seed: UInt64 = 0

    @Flag(help: "Print one JSON document on standard output instead of the trace.")
    var json = false

    func validate() throws {
        _ = try testFunction()
        try search.requireSampler()
        guard trials >= 1 else { throw ValidationError("--trials must be at least 1, got \(trials)") }
    }

    /// The function `--function` and `--dim` name.
    private func testFunction() throws -> TestFunction {
        guard let family = TestFunctionFamily(rawValue: function) else {
            throw ValidationError("unknown function '\(function)'; choose one of \(TestFunctionFamily.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        do {
            return try family.function(dimension: dim)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() throws {
        let function = try testFunction()
        let run = try exitingOnRunError {
            try function.minimize(with: try search.makeSampler(space: function.searchSpace, seed: seed), trials: trials)
        }
        guard let best = run.best, let bestValue = best.value, let regret = run.regret else {
            printError("no trial of \(function.label) completed; \(run.trials.compactMap(\.failReason).first ?? "try another search")")
            throw ExitStatus.runFailed
        }
        let result = OptimizeResult(
            function: function.family.rawValue, dimension: function.dimension, search: search.rawValue, seed: seed,
            trials: run.trials.count, optimum: function.minimum, bestValue: bestValue, regret: regret,
            bestParameters: ParameterList(best.parameters(in: function.searchSpace)), trace: run.bestSoFar)
        if json {
            try printJSON(result)
            return
        }
        let completed = run.trials.filter { $0.state == .complete }
        let rows = zip(completed, run.bestSoFar).map { trial, best in [String(trial.number), Self.number(trial.value ?? .nan), Self.number(best)] }
        print(TextTable(header: ["trial", "value", "best"], rows: rows).rendered)
        print("""
            \(function.label), search \(search.rawValue), seed \(seed), \(result.trials) trials: best \(Self.number(bestValue)) \
            (trial \(best.number)), regret \(Self.number(regret)) from the minimum \(Self.number(function.minimum))
            best point: \(result.bestParameters.entries.map { "\($0.name)=\($0.value)" }.joined(separator: " "))
            """)
    }

    /// Six significant digits: regrets near the minimum need more than the usual four decimals.
    private static func number(_ value: Double) -> String { String(format: "%.6g", value) }
}
