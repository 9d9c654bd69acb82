import ArgumentParser
import TuneData

/// `tune-train datasets show SOURCE`: shape, class counts and per-feature ranges.
struct DatasetsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Describe a data set: shape, class counts, per-feature min/mean/max.",
        discussion: """
            SOURCE is a built-in name (see `tune-train datasets list`), a CSV file with a header row, or a
            generator spec.

            Examples:
              tune-train datasets show iris
              tune-train datasets show data/houses.csv --target price --json
              tune-train datasets show make_classification:n_samples=1000,n_features=20,n_informative=2,n_redundant=10,seed=42 --json
            """
    )

    @OptionGroup var data: DataSourceOptions

    @Flag(help: "Print one JSON document instead of a table.")
    var json = false

    func run() throws {
        let dataset = try data.load()
        let summary = DatasetSummary(of: dataset)
        if json {
            try printJSON(summary)
            return
        }
        var lines = [
            "\(summary.name): \(summary.rows) rows × \(summary.features) features, "
                + (summary.classes.map { "\($0) classes" } ?? "regression"),
        ]
        if !summary.classCounts.isEmpty {
            lines.append("classes: " + summary.classCounts.map { "\($0.class) \($0.count)" }.joined(separator: ", "))
        }
        if let target = summary.target {
            lines.append("target: min \(formatted(target.min)), mean \(formatted(target.mean)), max \(formatted(target.max))")
        }
        print(lines.joined(separator: "\n") + "\n")
        let rows = summary.featureStatistics.map { [$0.name, formatted($0.min), formatted($0.mean), formatted($0.max)] }
        print(TextTable(header: ["feature", "min", "mean", "max"], rows: rows).rendered)
    }
}
