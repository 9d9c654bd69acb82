// swift-tools-version:6.0
// TuneTrain's benchmark harness: a sibling package so the main package's tests never build it.
// Run from the repository root: `swift run -c release --package-path Benchmarks tune-train-bench gemm`.
import PackageDescription

let package = Package(
    name: "TuneTrainBenchmarks",
    dependencies: [
        .package(name: "TuneTrain", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // A direct line to OpenBLAS, to measure the tensor API against a bare cblas call.
        .systemLibrary(name: "BenchmarkCBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .executableTarget(
            name: "tune-train-bench",
            dependencies: [
                "BenchmarkCBLAS",
                .product(name: "TuneTensor", package: "TuneTrain"),
                .product(name: "TuneData", package: "TuneTrain"),
                .product(name: "TuneOptim", package: "TuneTrain"),
                .product(name: "TuneModels", package: "TuneTrain"),
                .product(name: "TuneSearch", package: "TuneTrain"),
                .product(name: "TuneSQLite", package: "TuneTrain"),
                .product(name: "TuneExperiment", package: "TuneTrain"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ]
)
