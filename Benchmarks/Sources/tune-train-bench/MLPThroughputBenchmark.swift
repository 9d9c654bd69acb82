import ArgumentParser
import BenchmarkCBLAS
import Foundation
import TuneData
import TuneModels
import TuneOptim
import TuneTensor

/// Training throughput of the documents' CIFAR-10 network (Flatten → Linear(3072, 256) → ReLU →
/// Linear(256, 256) → ReLU → Linear(256, 10)), SGD with momentum 0.9, batch 128, one epoch over
/// 50,000 random CIFAR-shaped rows; against the GFLOP/s a bare `cblas_sgemm` reaches in the same
/// run. Run `Benchmarks/peers/mlp_throughput.py` beside it for PyTorch's figure.
struct MLPThroughputBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlp-throughput",
        abstract: "Samples/s training the CIFAR-10 MLP for one epoch, and the share of bare sgemm GFLOP/s it reaches.",
        discussion: "Example: tune-train-bench mlp-throughput --rows 50000 --epochs 3"
    )

    @Option(help: "Rows of random CIFAR-shaped data.")
    var rows = 50_000

    @Option(help: "Epochs to time (each timed separately; the best is reported).")
    var epochs = 3

    @Option(help: "The optimizer (the documents' network uses SGD with momentum 0.9).")
    var optimizer: String = "momentum"

    /// GEMM flops of one epoch: forward, weight gradients, and input gradients of layers 2 and 3.
    static func epochFlops(rows: Int) -> Double {
        let forward: Double = 2 * (3072 * 256 + 256 * 256 + 256 * 10)
        let inputGradients: Double = 2 * (256 * 256 + 256 * 10)
        return (2 * forward + inputGradients) * Double(rows)
    }

    func run() throws {
        try BenchmarkCommand.requireReleaseBuild()
        let report = BenchmarkReport(columns: ["implementation", "rows", "epoch_seconds", "samples_per_second", "gflops", "share_of_sgemm"])
        var generator = SeededGenerator(seed: 1)
        let features = Tensor<Float>.uniform(shape: [rows, 3072], using: &generator)
        let targets = (0..<rows).map { _ in Float(generator.integer(in: 0..<10)) }
        let data = Dataset(name: "cifar-shaped", features: features, targets: targets,
            task: .classification(classNames: (0..<10).map(String.init)))
        var settings = MLPHyperparameters()
        settings.hiddenLayers = 2
        settings.hiddenSize = 256
        guard let kind = OptimizerKind(rawValue: optimizer) else {
            throw ValidationError("unknown optimizer '\(optimizer)'; one of \(OptimizerKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        settings.optimizer = kind
        settings.momentum = 0.9
        settings.learningRate = 0.01
        settings.batchSize = 128
        settings.epochs = 1
        var best = Double.infinity
        for epoch in 0..<epochs {
            settings.seed = UInt64(epoch)
            let classifier = MLPClassifier(settings)
            let seconds = secondsTaken { _ = try? classifier.fit(data) }
            best = min(best, seconds)
        }
        let sgemmRate = bareSgemmGFLOPS(n: 1024)
        let flops = Self.epochFlops(rows: rows)
        report.record("mlp-throughput", [
            "implementation": .text("TuneTrain"), "optimizer": .text(optimizer), "rows": .integer(rows), "epoch_seconds": .number(best),
            "samples_per_second": .number(Double(rows) / best), "gflops": .number(flops / best / 1e9),
            "share_of_sgemm": .number(flops / best / 1e9 / sgemmRate), "sgemm_gflops": .number(sgemmRate),
            "threads": .integer(BLASThreads.count),
        ])
        FileHandle.standardError.write(Data("bare cblas_sgemm n=1024: \(String(format: "%.1f", sgemmRate)) GFLOP/s\n\(report.table())\n".utf8))
    }

    /// The best GFLOP/s of an n×n `cblas_sgemm` over a second of calls.
    private func bareSgemmGFLOPS(n: Int) -> Double {
        var generator = SeededGenerator(seed: 2)
        var a = (0..<(n * n)).map { _ in Float(generator.uniform()) }
        var b = a
        var c = [Float](repeating: 0, count: n * n)
        var best = Double.infinity
        var spent = 0.0
        while spent < 1 {
            let seconds = secondsTaken {
                a.withUnsafeMutableBufferPointer { pa in
                    b.withUnsafeMutableBufferPointer { pb in
                        c.withUnsafeMutableBufferPointer { pc in
                            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, blasint(n), blasint(n), blasint(n), 1,
                                pa.baseAddress, blasint(n), pb.baseAddress, blasint(n), 0, pc.baseAddress, blasint(n))
                        }
                    }
                }
            }
            best = min(best, seconds)
            spent += seconds
        }
        return 2 * Double(n * n * n) / best / 1e9
    }
}
