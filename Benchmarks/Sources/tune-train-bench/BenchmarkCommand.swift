import ArgumentParser
import Foundation

/// The benchmark driver: one subcommand per benchmark family, each printing JSON lines (one per
/// measurement, on standard output) and a readable table (on standard error), and `plot-regret`,
/// which draws the sample-efficiency traces for the docs.
@main
struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tune-train-bench",
        abstract: "TuneTrain's benchmarks (release builds only).",
        discussion: "Example: swift run -c release --package-path Benchmarks tune-train-bench gemm",
        subcommands: [GemmBenchmark.self, MLPThroughputBenchmark.self, OptimizerComparisonBenchmark.self, ForestBenchmark.self, IrisGridBenchmark.self, StudyOverheadBenchmark.self, SampleEfficiencyBenchmark.self, RegretPlotCommand.self]
    )

    /// Stops a debug build from reporting timings that mean nothing.
    static func requireReleaseBuild() throws {
        #if DEBUG
            FileHandle.standardError.write(Data("tune-train-bench: refusing to time a debug build; use `swift run -c release`.\n".utf8))
            throw ExitCode(2)
        #endif
    }
}
