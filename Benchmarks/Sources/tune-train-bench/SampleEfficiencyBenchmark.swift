import ArgumentParser
import Foundation
import TuneSearch

/// Regret (best value found − the known minimum) after 25, 50 and 100 trials on the standard test
/// functions, over many seeds, for each of our samplers. Compare with
/// `Benchmarks/peers/sample_efficiency.py` (Optuna's, scikit-optimize's and Hyperopt's samplers on
/// the same functions). With `--traces` it also writes the regret after every trial, for
/// `plot-regret`.
struct SampleEfficiencyBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample-efficiency",
        abstract: "Mean and median regret of each sampler on Branin, Hartmann-6, Rosenbrock-4, Ackley-5 and Levy-4.",
        discussion: "Example: tune-train-bench sample-efficiency --seeds 20 --trials 100 --traces /tmp/tunetrain-traces.json"
    )

    @Option(help: "Seeds per sampler and function.")
    var seeds = 20

    @Option(help: "Trials per study.")
    var trials = 100

    @Option(help: "Samplers, comma-separated (random, qmc, tpe-independent, tpe-multivariate, gp, cmaes, ga, pso).")
    var samplers = "random,qmc,tpe-independent,tpe-multivariate"

    @Option(help: "Only these functions, comma-separated (branin, hartmann6, rosenbrock4, ackley5, levy4); default all.")
    var functions: String?

    @Option(help: "Also write the mean best-so-far regret after each trial to this JSON file, for plot-regret.")
    var traces: String?

    static func makeSampler(_ name: String, seed: UInt64) throws -> any Sampler {
        switch name {
        case "random": return RandomSampler(seed: seed)
        case "qmc": return QuasiRandomSampler(seed: seed)
        case "tpe-independent": return try TPESampler(seed: seed, multivariate: false)
        case "tpe-multivariate": return try TPESampler(seed: seed, multivariate: true)
        case "gp": return try GPSampler(seed: seed)
        case "cmaes": return try CMAESSampler(seed: seed)
        case "ga": return try GeneticSampler(seed: seed)
        case "pso": return try ParticleSwarmSampler(seed: seed)
        default: throw ValidationError("unknown sampler '\(name)'")
        }
    }

    func run() throws {
        try BenchmarkCommand.requireReleaseBuild()
        let checkpoints = [25, 50, 100].filter { $0 <= trials }
        let report = BenchmarkReport(columns: ["function", "sampler"] + checkpoints.flatMap { ["mean_\($0)", "median_\($0)", "se_\($0)"] })
        var meanTraces = RegretTraces(implementation: "TuneTrain", seeds: seeds, functions: [:])
        let chosen = functions.map { Set($0.split(separator: ",").map(String.init)) }
        for function in TestFunction.benchmarkSuite where chosen?.contains(function.label) ?? true {
            for sampler in samplers.split(separator: ",").map(String.init) {
                var regrets = [[Double]](repeating: [], count: checkpoints.count)
                var traceSum = [Double](repeating: 0, count: trials)
                for seed in 0..<seeds {
                    let run = try function.minimize(with: try Self.makeSampler(sampler, seed: UInt64(seed)), trials: trials)
                    let bestSoFar = run.bestSoFar
                    guard bestSoFar.count == trials else {
                        // A failed trial would shift every later trial's regret in the traces.
                        FileHandle.standardError.write(Data("\(sampler) on \(function.label), seed \(seed): only \(bestSoFar.count) of \(trials) trials finished.\n".utf8))
                        throw ExitCode.failure
                    }
                    for (index, checkpoint) in checkpoints.enumerated() {
                        regrets[index].append(bestSoFar[checkpoint - 1] - function.minimum)
                    }
                    for (index, best) in bestSoFar.enumerated() {
                        traceSum[index] += best - function.minimum
                    }
                }
                meanTraces.functions[function.label, default: [:]][sampler] = traceSum.map { $0 / Double(seeds) }
                var fields: [String: MeasurementValue] = [
                    "implementation": .text("TuneTrain"), "function": .text(function.label), "sampler": .text(sampler),
                    "seeds": .integer(seeds),
                ]
                for (index, checkpoint) in checkpoints.enumerated() {
                    let values = regrets[index].sorted()
                    let mean = values.reduce(0, +) / Double(values.count)
                    let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(values.count - 1, 1))
                    fields["mean_\(checkpoint)"] = .number(mean)
                    fields["median_\(checkpoint)"] = .number(values.count % 2 == 1 ? values[values.count / 2]
                                                             : (values[values.count / 2 - 1] + values[values.count / 2]) / 2)
                    fields["se_\(checkpoint)"] = .number((variance / Double(values.count)).squareRoot())
                }
                report.record("sample-efficiency", fields)
            }
        }
        FileHandle.standardError.write(Data((report.table() + "\n").utf8))
        if let traces {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try encoder.encode(meanTraces).write(to: URL(fileURLWithPath: traces))
        }
    }
}

/// The `--traces` file of `sample-efficiency` and of `Benchmarks/peers/sample_efficiency.py`, which
/// `plot-regret` reads: for each function and sampler, the mean over seeds of the best-so-far regret
/// after trials 1…N, so a plot can show how fast each sampler closes in, not only where it ends.
struct RegretTraces: Codable {
    /// Who ran the samplers: "TuneTrain", or the peer libraries with their versions.
    var implementation: String
    /// Seeds averaged over; absent in files that do not record it.
    var seeds: Int?
    /// Function name → sampler name → mean regret after each trial.
    var functions: [String: [String: [Double]]]
}
