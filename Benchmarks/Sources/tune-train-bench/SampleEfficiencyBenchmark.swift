import ArgumentParser
import Foundation
import TuneSearch

/// Regret (best value found − the known minimum) after 25, 50 and 100 trials on the standard test
/// functions, over many seeds, for each of our samplers. Compare with
/// `Benchmarks/peers/sample_efficiency.py` (Optuna's samplers on the same functions).
struct SampleEfficiencyBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample-efficiency",
        abstract: "Mean and median regret of each sampler on Branin, Hartmann-6, Rosenbrock-4, Ackley-5 and Levy-4.",
        discussion: "Example: tune-train-bench sample-efficiency --seeds 20 --trials 100"
    )

    @Option(help: "Seeds per sampler and function.")
    var seeds = 20

    @Option(help: "Trials per study.")
    var trials = 100

    @Option(help: "Samplers, comma-separated (random, qmc, tpe-independent, tpe-multivariate).")
    var samplers = "random,qmc,tpe-independent,tpe-multivariate"

    static func makeSampler(_ name: String, seed: UInt64) throws -> any Sampler {
        switch name {
        case "random": return RandomSampler(seed: seed)
        case "qmc": return QuasiRandomSampler(seed: seed)
        case "tpe-independent": return try TPESampler(seed: seed, multivariate: false)
        case "tpe-multivariate": return try TPESampler(seed: seed, multivariate: true)
        default: throw ValidationError("unknown sampler '\(name)'")
        }
    }

    func run() throws {
        try BenchmarkCommand.requireReleaseBuild()
        let checkpoints = [25, 50, 100].filter { $0 <= trials }
        let report = BenchmarkReport(columns: ["function", "sampler"] + checkpoints.flatMap { ["mean_\($0)", "median_\($0)", "se_\($0)"] })
        for function in TestFunction.all {
            for sampler in samplers.split(separator: ",").map(String.init) {
                var regrets = [[Double]](repeating: [], count: checkpoints.count)
                for seed in 0..<seeds {
                    let study = try Study(name: "f", direction: .minimize, sampler: try Self.makeSampler(sampler, seed: UInt64(seed)))
                    try study.optimize(trials: trials) { trial in
                        function.evaluate(try function.bounds.enumerated().map { try trial.suggestFloat("x\($0.offset)", $0.element) })
                    }
                    let values = try study.trials.compactMap(\.value)
                    for (index, checkpoint) in checkpoints.enumerated() {
                        regrets[index].append(values.prefix(checkpoint).min()! - function.minimum)
                    }
                }
                var fields: [String: MeasurementValue] = [
                    "implementation": .text("TuneTrain"), "function": .text(function.name), "sampler": .text(sampler),
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
    }
}
