import Foundation
import Testing
import TuneSQLite
import TuneSearch

/// `tune-train report`, `tune-train --report FILE` and `bench-optimizers --report FILE`, run as a
/// user would: the file is written, stdout holds only the JSON, mistakes exit 64 with one line.
@Suite(.serialized) struct ReportCommandTests {
    static let awkwardStudy = #"s&<>"'"#
    let folder: URL
    var storage: String { "sqlite:///" + folder.appendingPathComponent("report.db").path }

    /// A stored study with a hostile name and parameter: 6 completed trials with curves, one pruned.
    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tune-train-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = try SQLiteStorage(path: folder.appendingPathComponent("report.db").path)
        let study = try Study(name: Self.awkwardStudy, direction: .minimize, sampler: RandomSampler(seed: 1), storage: database)
        try database.setStudyUserAttribute("model", .string("mlp"), studyID: study.id)
        for number in 0..<7 {
            let trial = try #require(try study.ask(detached: true))
            let x = try trial.suggestFloat("<script>alert(1)</script>", 1e-3...1, log: true)
            _ = try trial.suggestCategorical("kind", ["a", "b"])
            for step in 0..<(number == 6 ? 2 : 5) { try trial.report(x * Double(5 - step), step: step) }
            if number == 6 { try study.tell(trial, state: .pruned) } else { try study.tell(trial, value: x) }
        }
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    @Test func writesTheStoredStudysReport() throws {
        let outcome = try TuneTrainProcess.run(["report", "--storage", storage, "--study", Self.awkwardStudy, "-o", path("r.html"), "--json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try #require(outcome.json)
        #expect(json["trials"] as? Int == 7)
        #expect(json["study"] as? String == Self.awkwardStudy)
        let html = try String(contentsOfFile: path("r.html"), encoding: .utf8)
        #expect(json["bytes"] as? Int == html.utf8.count)
        for id in ["history", "learning-curves", "importance", "heat-map", "parallel-coordinates", "slices", "trials"] {
            #expect(html.contains("<section id=\"\(id)\">"))
        }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.components(separatedBy: "<script").count == 2)
    }

    @Test func mistakesAreUsageErrors() throws {
        try expectUsageErrors([
            (["report", "--storage", storage, "--study", "nope", "-o", path("r.html")], "no study named 'nope'"),
            (["report", "--storage", storage, "--study", Self.awkwardStudy, "-o", path("missing/r.html")], "does not exist"),
            (["report", "--storage", "sqlite:///" + path("absent.db"), "--study", "x", "-o", path("r.html")], "no study database"),
            (["--model", "rf", "--data", "iris", "--report", path("missing/r.html")], "--report"),
        ])
    }

    @Test func aTuningRunWritesItsReport() throws {
        let outcome = try TuneTrainProcess.run([
            "--model", "tree", "--data", "iris", "--search", "random", "--trials", "3",
            "--report", path("tune.html"), "--json",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.json?["n_trials"] as? Int == 3, "stdout holds only the JSON")
        #expect(outcome.standardError.contains("wrote \(path("tune.html"))"))
        let html = try String(contentsOfFile: path("tune.html"), encoding: .utf8)
        #expect(html.contains("<section id=\"history\">"))
    }

    @Test func benchOptimizersDrawsEveryOptimizersLoss() throws {
        let outcome = try TuneTrainProcess.run([
            "bench-optimizers", "--problems", "linreg", "--optimizers", "sgd,adam", "--steps", "40", "--report", path("bench.html"), "--json",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.json != nil)
        let html = try String(contentsOfFile: path("bench.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "class=\"loss-curve\"").count - 1 == 2)
        #expect(html.contains("<section id=\"problem-linreg\">"))
    }
}
