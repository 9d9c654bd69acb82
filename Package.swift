// swift-tools-version:6.0
// TuneTrain: a native Swift toolkit from data to the best hyperparameters.
// Module layout and the reasons for it: docs/ARCHITECTURE.md.
import PackageDescription

let package = Package(
    name: "TuneTrain",
    products: [
        .library(name: "TuneTensor", targets: ["TuneTensor"]),
        .library(name: "TuneData", targets: ["TuneData"]),
        .library(name: "TuneOptim", targets: ["TuneOptim"]),
        .library(name: "TuneModels", targets: ["TuneModels"]),
        .library(name: "TuneSearch", targets: ["TuneSearch"]),
        .library(name: "TuneSQLite", targets: ["TuneSQLite"]),
        .library(name: "TuneExperiment", targets: ["TuneExperiment"]),
        .library(name: "TuneReport", targets: ["TuneReport"]),
        .executable(name: "tune-train", targets: ["tune-train"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C walls: only TuneTensor imports these.
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .systemLibrary(
            name: "CLAPACK",
            pkgConfig: "lapacke",
            providers: [.apt(["liblapacke-dev"])]
        ),
        .target(name: "TuneTensor", dependencies: ["CBLAS", "CLAPACK"]),
        .target(
            name: "TuneData",
            dependencies: ["TuneTensor"]
        ),
        .target(name: "TuneOptim", dependencies: ["TuneTensor"]),
        .target(name: "TuneModels", dependencies: ["TuneTensor", "TuneData", "TuneOptim"]),
        .target(name: "TuneSearch", dependencies: ["TuneTensor"]),
        .target(name: "TuneSQLite", dependencies: ["TuneSearch", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "TuneExperiment",
            dependencies: ["TuneTensor", "TuneData", "TuneOptim", "TuneModels", "TuneSearch", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "TuneReport", dependencies: ["TuneTensor", "TuneData", "TuneModels", "TuneSearch", "TuneExperiment"]),
        .executableTarget(
            name: "tune-train",
            dependencies: [
                "TuneData",
                "TuneExperiment",
                "TuneReport",
                "TuneSearch",
                "TuneSQLite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TuneTestSupport", path: "Tests/TuneTestSupport"),
        .testTarget(name: "TuneTensorTests", dependencies: ["TuneTensor", "TuneTestSupport"]),
        .testTarget(name: "TuneDataTests", dependencies: ["TuneData", "TuneTestSupport"]),
        .testTarget(name: "TuneOptimTests", dependencies: ["TuneOptim", "TuneTestSupport"]),
        .testTarget(name: "TuneModelsTests", dependencies: ["TuneModels", "TuneTestSupport"]),
        .testTarget(name: "TuneSearchTests", dependencies: ["TuneSearch", "TuneTensor", "TuneTestSupport"]),
        .testTarget(
            name: "TuneSQLiteTests",
            dependencies: ["TuneSQLite", "TuneSearch", "TuneTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "TuneExperimentTests", dependencies: ["TuneExperiment", "TuneTestSupport"]),
        .testTarget(name: "TuneReportTests", dependencies: ["TuneReport", "TuneSearch", "TuneTensor", "TuneTestSupport"]),
        .testTarget(name: "TuneTrainCLITests", dependencies: ["tune-train", "TuneSQLite", "TuneSearch", "TuneTestSupport"]),
    ]
)
