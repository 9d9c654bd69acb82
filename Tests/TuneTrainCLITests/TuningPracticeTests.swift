import Foundation
import Testing
import TuneSQLite
import TuneSearch

/// The tuning practice built into `tune-train`: repeats of the best settings, ensembles, warm
/// starts, enqueued settings and the playbook's two phases.
@Suite(.serialized) struct TuningPracticeTests {
    static let logistic = ["--model", "logistic", "--data", "iris", "--param", "epochs=3", "--seed", "4", "--json", "--quiet"]

    @Test func repeatsRerunTheBestSettingsAndChooseByMean() throws {
        let outcome = try TuneTrainProcess.run(Self.logistic + ["--search", "random", "--trials", "6", "--repeats", "3", "--repeat-top", "2"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try #require(outcome.json)
        let repeats = try #require(json["repeats"] as? [[String: Any]])
        #expect(repeats.count == 2)
        for setting in repeats { #expect((setting["values"] as? [Double])?.count == 3) }
        let means = repeats.compactMap { $0["mean"] as? Double }
        #expect(means == means.sorted(by: >), "best mean first")
        #expect(json["final_trial"] as? Int == repeats.first?["trial"] as? Int)
        let top = try #require(json["top_trials"] as? [[String: Any]])
        #expect(Set(repeats.compactMap { $0["trial"] as? Int }) == Set(top.prefix(2).compactMap { $0["number"] as? Int }))
    }

    @Test func anEnsembleCombinesTheBestModelsForClassifiersAndRegressors() throws {
        let classifier = try #require(try TuneTrainProcess.run(Self.logistic + ["--search", "random", "--trials", "5", "--ensemble", "3"]).json)
        let ensemble = try #require(classifier["ensemble"] as? [String: Any])
        #expect((ensemble["trials"] as? [Int])?.count == 3)
        #expect((ensemble["member_scores"] as? [Double])?.count == 3)
        let score = try #require(ensemble["test_score"] as? Double)
        #expect(score > 0.5 && score <= 1)
        let regressor = try #require(try TuneTrainProcess.run(
            ["--model", "ridge", "--data", "diabetes", "--search", "random", "--trials", "4", "--cv", "3", "--ensemble", "2", "--json", "--quiet"]).json)
        let r2 = try #require((regressor["ensemble"] as? [String: Any])?["test_score"] as? Double)
        #expect(r2 > 0.2 && r2 < 1)
    }

    @Test func aWarmStartEvaluatesTheEarlierStudysBestSettingsFirst() throws {
        let storage = TuneCommandTests.temporaryStorage()
        let first = try #require(try TuneTrainProcess.run(
            Self.logistic + ["--search", "random", "--trials", "6", "--storage", storage.url, "--study", "earlier"]).json)
        let best = try #require(first["top_trials"] as? [[String: Any]])
        let second = try TuneTrainProcess.run(
            Self.logistic + ["--search", "tpe", "--trials", "3", "--storage", storage.url, "--study", "later",
                             "--warm-start", "earlier", "--warm-start-trials", "2"])
        #expect(second.status == 0, "\(second.standardError)")
        let sqlite = try SQLiteStorage(url: storage.url)
        let later = try #require(try sqlite.study(named: "later"))
        let trials = try sqlite.trials(studyID: later.id).sorted { $0.number < $1.number }
        for index in 0..<2 {
            let expected = try #require(best[index]["params"] as? [String: Any])
            for (name, value) in expected {
                let expectedValue = (value as? Double) ?? Double(value as? Int ?? -1)
                let stored = try #require(trials[index].parameters[name]?.number)
                #expect(abs(stored - expectedValue) <= 1e-12 * abs(expectedValue), "trial \(index) \(name)")
            }
        }
        let missing = try TuneTrainProcess.run(Self.logistic + ["--storage", storage.url, "--study", "third", "--warm-start", "nope"])
        #expect(missing.status == 64 && missing.standardError.contains("earlier"), "\(missing.standardError)")
    }

    @Test func enqueuedSettingsRunFirstAndABadListNamesTheSetting() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tune-train-enqueue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let good = folder.appendingPathComponent("settings.yaml")
        try "- {lr: 0.05, alpha: 0.001, batch_size: 32}\n- {lr: 0.2}\n".write(to: good, atomically: true, encoding: .utf8)
        let storage = TuneCommandTests.temporaryStorage()
        let outcome = try TuneTrainProcess.run(Self.logistic + ["--search", "random", "--trials", "3", "--enqueue", good.path, "--storage", storage.url])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let sqlite = try SQLiteStorage(url: storage.url)
        let trials = try sqlite.trials(studyID: try #require(try sqlite.allStudies().first).id).sorted { $0.number < $1.number }
        #expect(trials[0].parameters["lr"]?.number == 0.05 && trials[0].parameters["batch_size"]?.number == 32)
        #expect(trials[1].parameters["lr"]?.number == 0.2)

        let bad = folder.appendingPathComponent("bad.yaml")
        try "- {lr: 0.05}\n- {momentum: 0.9}\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try TuneTrainProcess.run(Self.logistic + ["--enqueue", bad.path])
        #expect(refused.status == 65)
        #expect(refused.standardError.contains("setting 2") && refused.standardError.contains("momentum"), "\(refused.standardError)")
    }

    @Test func thePlaybookExploresThenExploits() throws {
        let outcome = try TuneTrainProcess.run(Self.logistic + ["--search", "playbook", "--exploit", "gp", "--trials", "12"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.json?["search"] as? String == "playbook")
        let misplaced = try TuneTrainProcess.run(Self.logistic + ["--search", "tpe", "--exploit", "gp"])
        #expect(misplaced.status == 64 && misplaced.standardError.contains("--search playbook"))
    }
}
