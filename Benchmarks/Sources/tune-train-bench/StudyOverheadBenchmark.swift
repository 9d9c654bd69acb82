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

    @Option(help: "Study lengths for TPE and CMA-ES, comma-separated.")
    var modelTrials = "100,300,1000"

    @Option(help: "Study lengths for the Gaussian-process sampler, comma-separated (its cost grows as the cube of the trials).")
    var gpTrials = "100,300"

    @Option(help: "Only these samplers, comma-separated (random, qmc, grid, tpe-independent, tpe-multivariate, cmaes, gp); default all.")
    var samplers: String?

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
        let report = BenchmarkReport(columns: ["sampler", "storage", "trials", "seconds", "microseconds_per_trial", "microseconds_per_trial_at_end"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tt-study-overhead-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let grid: [(name: String, values: [ParameterValue])] = [
            ("x", [-1.0, 0.0, 1.0]), ("lr", [1e-4, 1e-3, 1e-2]), ("layers", [1, 2, 3]), ("size", [32, 64]),
            ("optimizer", ["sgd", "adam"]), ("dropout", [0.0, 0.25]),
        ]
        var cases: [(sampler: String, make: () throws -> any Sampler, storage: String, trials: Int)] = [
            ("random", { RandomSampler(seed: 1) }, "memory", trials),
            ("qmc", { QuasiRandomSampler(seed: 1) }, "memory", trials),
            ("grid", { try GridSampler(grid, seed: 1) }, "memory", 216),
            ("random", { RandomSampler(seed: 1) }, "sqlite", storedTrials),
        ]
        for count in modelTrials.split(separator: ",").compactMap({ Int($0) }) {
            cases.append(("tpe-independent", { try TPESampler(seed: 1, multivariate: false) }, "memory", count))
            cases.append(("tpe-multivariate", { try TPESampler(seed: 1, multivariate: true) }, "memory", count))
            cases.append(("cmaes", { try CMAESSampler(seed: 1) }, "memory", count))
        }
        for count in gpTrials.split(separator: ",").compactMap({ Int($0) }) {
            cases.append(("gp", { try GPSampler(seed: 1) }, "memory", count))
        }
        if let samplers {
            let chosen = Set(samplers.split(separator: ",").map(String.init))
            cases.removeAll { !chosen.contains($0.sampler) }
        }
        for (index, entry) in cases.enumerated() {
            let storage: any StudyStorage = entry.storage == "memory"
                ? InMemoryStorage() : try SQLiteStorage(path: folder.appendingPathComponent("s\(index).db").path)
            let study = try Study(name: "overhead", direction: .minimize, sampler: try entry.make(), storage: storage)
            let finishTimes = FinishTimes()
            let start = DispatchTime.now().uptimeNanoseconds
            try study.optimize(trials: entry.trials, callbacks: [{ _, _ in finishTimes.record() }], objective: Self.objective)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            report.record("study-overhead", [
                "implementation": .text("TuneTrain"), "sampler": .text(entry.sampler), "storage": .text(entry.storage),
                "trials": .integer(entry.trials), "seconds": .number(seconds),
                "microseconds_per_trial": .number(seconds / Double(entry.trials) * 1e6),
                "microseconds_per_trial_at_end": .number(finishTimes.meanIntervalOfLastTenth() * 1e6),
            ])
        }
        FileHandle.standardError.write(Data((report.table() + "\n").utf8))
    }
}

/// When each trial of a study finished, to tell the cost of the last trials from the average.
final class FinishTimes: @unchecked Sendable {
    private let lock = NSLock()
    private var times: [UInt64] = []

    func record() {
        lock.lock()
        times.append(DispatchTime.now().uptimeNanoseconds)
        lock.unlock()
    }

    /// Mean seconds between consecutive finishes over the last tenth of the trials.
    func meanIntervalOfLastTenth() -> Double {
        lock.lock()
        defer { lock.unlock() }
        let tail = max(times.count / 10, 1)
        guard times.count > tail else { return 0 }
        return Double(times[times.count - 1] - times[times.count - 1 - tail]) / 1e9 / Double(tail)
    }
}
