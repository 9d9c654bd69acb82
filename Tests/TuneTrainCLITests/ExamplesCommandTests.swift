import Foundation
import Testing

/// `tune-train examples`: every document example runs quick as one JSON document with plausible
/// results, the text prints what the document printed, and mistakes exit with their codes.
struct ExamplesCommandTests {
    static let names = ["iris-grid", "iris-random", "bayes-rf", "lr-reg-search", "linreg-optimizers", "cifar10-mlp"]

    /// A folder that does not exist, so cifar10-mlp runs on its stand-in whatever the machine holds.
    static let absentCIFAR10 = FileManager.default.temporaryDirectory.appendingPathComponent("no-cifar-\(UUID().uuidString)").path

    static func runQuick(_ name: String) throws -> (outcome: TuneTrainProcess.Outcome, json: [String: Any]) {
        let outcome = try TuneTrainProcess.run(["examples", "run", name, "--quick", "--json", "--cifar10", absentCIFAR10])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try #require(outcome.json, "stdout is not one JSON object: \(outcome.standardOutput)")
        #expect(Array(json.keys).sorted() == ["data", "example", "notes", "quick", "results", "seconds", "source"])
        #expect(json["example"] as? String == name && json["quick"] as? Bool == true)
        #expect((json["source"] as? String)?.hasPrefix("00") == true)
        #expect(!((json["notes"] as? [String]) ?? []).isEmpty)
        return (outcome, json)
    }

    @Test func listNamesEveryExampleWithItsDocument() throws {
        let listed = try #require(try TuneTrainProcess.run(["examples", "list", "--json"]).standardOutput.data(using: .utf8))
        let entries = try #require(try JSONSerialization.jsonObject(with: listed) as? [[String: String]])
        #expect(entries.map { $0["name"] } == Self.names)
        #expect(entries.allSatisfy { ($0["source"] ?? "").contains(".txt") && !($0["description"] ?? "").isEmpty })
        let text = try TuneTrainProcess.run(["examples", "list"])
        #expect(text.status == 0 && Self.names.allSatisfy(text.standardOutput.contains))
    }

    @Test func theScikitLearnSearchesFindAccurateForests() throws {
        for (name, trials) in [("iris-grid", 36), ("iris-random", 10)] {
            let (outcome, json) = try Self.runQuick(name)
            let results = try #require(json["results"] as? [String: Any])
            #expect(results["n_trials"] as? Int == trials)
            #expect((results["best_value"] as? Double ?? 0) >= 0.9)
            #expect(Set((results["best_params"] as? [String: Any])?.keys ?? [:].keys)
                    == ["n_estimators", "max_depth", "min_samples_split", "min_samples_leaf"])
            // The trial log goes to standard error, never into the JSON on standard output.
            #expect(outcome.standardError.contains("trial 0 COMPLETE"))
        }
        let bayes = try #require(try Self.runQuick("bayes-rf").json["results"] as? [String: Any])
        #expect(bayes["search"] as? String == "gp" && bayes["n_trials"] as? Int == 12)
        #expect((bayes["best_value"] as? Double ?? 0) > 0.7)
    }

    @Test func theLearningRateSearchRunsGridRandomAndTPE() throws {
        let studies = try #require(try Self.runQuick("lr-reg-search").json["results"] as? [[String: Any]])
        #expect(studies.map { $0["search"] as? String } == ["grid", "random", "tpe"])
        #expect(studies.map { $0["n_trials"] as? Int } == [4, 4, 12])
        for study in studies {
            #expect((study["best_value"] as? Double ?? 0) > 0.9)
            #expect(Set((study["best_params"] as? [String: Any])?.keys ?? [:].keys) == ["lr", "alpha"])
        }
    }

    @Test func everyOptimizerFitsTheLine() throws {
        let results = try #require(try Self.runQuick("linreg-optimizers").json["results"] as? [String: Any])
        let fits = try #require(results["optimizers"] as? [[String: Any]])
        #expect(fits.map { $0["optimizer"] as? String } == ["GD", "SGD", "Momentum", "RMSprop", "Adam"])
        #expect(fits.map { $0["steps"] as? Int } == [1000, 1000, 1000, 1000, 1000])
        let adam = try #require(fits.last)
        #expect(abs((adam["slope"] as? Double ?? 0) - 2) < 0.2)
        #expect(abs((adam["intercept"] as? Double ?? 0) - 1) < 0.2)
        // No optimizer beats the closed-form least squares, and every one gets near it.
        let floor = try #require((results["least_squares"] as? [String: Any])?["mse"] as? Double)
        for fit in fits {
            let loss = try #require(fit["mse"] as? Double)
            #expect(loss >= floor - 1e-6 && loss < floor + 0.05, "\(fit)")
        }
    }

    @Test func cifar10WithoutItsBatchesSaysSoAndRunsOnDigits() throws {
        let (outcome, json) = try Self.runQuick("cifar10-mlp")
        #expect((json["data"] as? String)?.hasPrefix("digits (stand-in: CIFAR-10 batches not found at \(Self.absentCIFAR10)") == true)
        #expect(outcome.standardError.contains("running on digits instead"))
        let results = try #require(json["results"] as? [String: Any])
        #expect(results["search"] as? String == "tpe" && results["pruner"] as? String == "median")
        #expect(results["n_trials"] as? Int == 6)
        #expect(Set((results["best_params"] as? [String: Any])?.keys ?? [:].keys)
                == ["lr", "momentum", "weight_decay", "num_layers", "hidden_size", "dropout"])
    }

    @Test func theTextPrintsWhatTheDocumentPrinted() throws {
        let grid = try TuneTrainProcess.run(["examples", "run", "iris-grid", "--quick", "--quiet"])
        #expect(grid.status == 0, "\(grid.standardError)")
        #expect(grid.standardOutput.contains("Best parameters: {'max_depth': "))
        #expect(grid.standardOutput.contains("Best cross-validation score: 0."))
        #expect(grid.standardOutput.contains("Where this departs from the document:"))
        #expect(grid.standardError.isEmpty)
        let mlp = try TuneTrainProcess.run(["examples", "run", "cifar10-mlp", "--quick", "--quiet", "--cifar10", Self.absentCIFAR10])
        #expect(mlp.standardOutput.contains("Best trial:\n  Value: 0.") && mlp.standardOutput.contains("    hidden_size: "))
    }

    @Test func helpShowsAUsageExample() throws {
        for command in [["examples"], ["examples", "list"], ["examples", "run"]] {
            let help = try TuneTrainProcess.run(command + ["--help"])
            #expect(help.status == 0 && help.standardOutput.contains("Examples:\n  tune-train examples "), "\(command)")
        }
    }

    @Test func mistakesExitWithTheirCodes() throws {
        let unknown = try TuneTrainProcess.run(["examples", "run", "unknown-name"])
        #expect(unknown.status == 64)
        #expect(unknown.standardError.split(separator: "\n").count == 1)
        #expect(Self.names.allSatisfy(unknown.standardError.contains), "\(unknown.standardError)")
        // A CIFAR-10 folder without the batches is data that cannot be read, named with the fix.
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("empty-cifar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let missing = try TuneTrainProcess.run(["examples", "run", "cifar10-mlp", "--quick", "--cifar10", empty.path])
        #expect(missing.status == 65 && missing.standardError.contains("Scripts/fetch-cifar10"), "\(missing.standardError)")
    }
}
