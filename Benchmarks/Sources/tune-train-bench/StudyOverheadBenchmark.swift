import ArgumentParser
import Foundation
import TuneSQLite
import TuneSearch

/// What a study costs per trial beyond the objective: sampling, bookkeeping and storage, with an
/// objective that takes no time (a quadratic of six mixed parameters). Compare with
/// `Benchmarks/peers/study_overhead.py` (Optuna, the same objective and trial counts).
struct StudyOverheadBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study-overhead",
        abstract: "Microseconds per trial of the study loop (sampler + storage) with an instant objective.",
        discussion: "Example: tune-train-bench study-overhead --trials 1000 --stored-trials 300"
    )

    @Option(help: "Trials per in-memory study.")
    var trials = 1000

    @Option(help: "Trials per SQLite study.")
    var storedTrials = 300

    /// Six parameters of every kind, as a tuning objective suggests them.
    static func objective(_ trial: Trial) throws -> Double {
        let x = try trial.suggestFloat("x", -5...5)
        let lr = try trial.suggestFloat("lr", 1e-5...1e-1, log: true)
        let layers = try trial.suggestInt("layers", 1...5)
        let size = try trial.suggestCategorical("size", [32, 64, 128, 256])
        let optimizer = try trial.suggestCategorical("optimizer", ["sgd", "adam", "rmsprop"])
        let dropout = try trial.suggestFloat("dropout", 0...0.5, step: 0.05)
        return x * x + log10(lr) * log10(lr) / 10 + Double(layers) + Double(size) / 256 + (optimizer == "adam" ? 0 : 1) + dropout
    }

    func run() throws {
        try BenchmarkCommand.requireReleaseBuild()
        let report = BenchmarkReport(columns: ["sampler", "storage", "trials", "seconds", "microseconds_per_trial"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tt-study-overhead-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let grid: [(name: String, values: [ParameterValue])] = [
            ("x", [-1.0, 0.0, 1.0]), ("lr", [1e-4, 1e-3, 1e-2]), ("layers", [1, 2, 3]), ("size", [32, 64]),
            ("optimizer", ["sgd", "adam"]), ("dropout", [0.0, 0.25]),
        ]
        let cases: [(sampler: String, make: () throws -> any Sampler, storage: String, trials: Int)] = [
            ("random", { RandomSampler(seed: 1) }, "memory", trials),
            ("qmc", { QuasiRandomSampler(seed: 1) }, "memory", trials),
            ("grid", { try GridSampler(grid, seed: 1) }, "memory", 216),
            ("random", { RandomSampler(seed: 1) }, "sqlite", storedTrials),
        ]
        for (index, entry) in cases.enumerated() {
            let storage: any StudyStorage = entry.storage == "memory"
                ? InMemoryStorage() : try SQLiteStorage(path: folder.appendingPathComponent("s\(index).db").path)
            let study = try Study(name: "overhead", direction: .minimize, sampler: try entry.make(), storage: storage)
            let start = DispatchTime.now().uptimeNanoseconds
            try study.optimize(trials: entry.trials, objective: Self.objective)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            report.record("study-overhead", [
                "implementation": .text("TuneTrain"), "sampler": .text(entry.sampler), "storage": .text(entry.storage),
                "trials": .integer(entry.trials), "seconds": .number(seconds),
                "microseconds_per_trial": .number(seconds / Double(entry.trials) * 1e6),
            ])
        }
        FileHandle.standardError.write(Data((report.table() + "\n").utf8))
    }
}
