import ArgumentParser
import BenchmarkCBLAS
import Foundation
import TuneTensor

/// GEMM throughput through the tensor API against a bare `cblas_?gemm` call on the same buffers:
/// the tensor core must add no measurable cost on top of BLAS.
struct GemmBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gemm",
        abstract: "GFLOP/s of n×n matrix products: Tensor.gemm against cblas_sgemm/dgemm.",
        discussion: "Example: tune-train-bench gemm --sizes 256,512,1024,2048"
    )

    @Option(help: "Matrix sizes, comma-separated.")
    var sizes: String = "256,512,1024,2048"

    @Option(help: "Minimum seconds of timed work per measurement.")
    var seconds: Double = 1.0

    @Option(help: "OpenBLAS threads (default: all cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        try BenchmarkCommand.requireReleaseBuild()
        BLASThreads.set(threads)
        let report = BenchmarkReport(columns: ["type", "n", "tensor_gflops", "cblas_gflops", "ratio"])
        FileHandle.standardError.write(Data("machine: \(MachineDescription.summary), BLAS threads \(BLASThreads.count)\n".utf8))
        let parsedSizes = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        for n in parsedSizes {
            measure(Float.self, n: n, report: report) { a, b, c in
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, blasint(n), blasint(n), blasint(n), 1,
                    a, blasint(n), b, blasint(n), 0, c, blasint(n))
            }
            measure(Double.self, n: n, report: report) { a, b, c in
                cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, blasint(n), blasint(n), blasint(n), 1,
                    a, blasint(n), b, blasint(n), 0, c, blasint(n))
            }
        }
        FileHandle.standardError.write(Data((report.table() + "\n").utf8))
    }

    /// Times both paths, interleaved round by round so drift in machine load hits both alike,
    /// and reports the best round of each.
    private func measure<S: TensorScalar>(
        _: S.Type, n: Int, report: BenchmarkReport,
        direct: (UnsafePointer<S>, UnsafePointer<S>, UnsafeMutablePointer<S>) -> Void
    ) {
        var generator = SeededGenerator(seed: 1)
        let a = Tensor<S>.uniform(shape: [n, n], in: -1..<1, using: &generator)
        let b = Tensor<S>.uniform(shape: [n, n], in: -1..<1, using: &generator)
        var c = Tensor<S>(zeros: [n, n])
        var rawA = a.scalars, rawB = b.scalars, rawC = c.scalars
        let flops = 2 * Double(n) * Double(n) * Double(n)
        let callsPerRound = max(1, Int(1e9 / flops))
        Tensor.gemm(a, b, into: &c)  // warm-up: thread pool start, page faults
        var bestTensor = Double.infinity, bestDirect = Double.infinity
        var spent = 0.0
        var rounds = 0
        while spent < seconds || rounds < 3 {
            let tensorTime = secondsTaken { for _ in 0..<callsPerRound { Tensor.gemm(a, b, into: &c) } }
            let directTime = secondsTaken {
                rawA.withUnsafeMutableBufferPointer { pa in
                    rawB.withUnsafeMutableBufferPointer { pb in
                        rawC.withUnsafeMutableBufferPointer { pc in
                            for _ in 0..<callsPerRound { direct(pa.baseAddress!, pb.baseAddress!, pc.baseAddress!) }
                        }
                    }
                }
            }
            bestTensor = min(bestTensor, tensorTime / Double(callsPerRound))
            bestDirect = min(bestDirect, directTime / Double(callsPerRound))
            spent += tensorTime + directTime
            rounds += 1
        }
        precondition(c.scalars == rawC, "gemm benchmark: tensor and direct results differ")
        let tensorRate = flops / bestTensor / 1e9, directRate = flops / bestDirect / 1e9
        report.record("gemm", [
            "type": .text("\(S.self)"), "n": .integer(n), "threads": .integer(BLASThreads.count),
            "tensor_gflops": .number(tensorRate), "cblas_gflops": .number(directRate),
            "ratio": .number(tensorRate / directRate),
        ])
    }
}
