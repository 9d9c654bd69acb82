import Foundation
import Testing
import TuneSQLite
import TuneSearch

/// The tuning command end to end: the JSON contract, grids, resumption after SIGKILL, processes
/// sharing a study, and its usage errors.
@Suite(.serialized) struct TuneCommandTests {
    static func temporaryStorage() -> (url: String, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tune-train-cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("study.db").path
        return ("sqlite:///\(path)", path)
    }

    @Test func theDocumentsGridRunsEveryCombinationAndPrintsTheContract() throws {
        let outcome = try TuneTrainProcess.run(["--model", "rf", "--search", "grid", "--data", "iris", "--cv", "2", "--seed", "1", "--json", "--quiet"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try #require(outcome.json)
        for key in ["study", "search", "n_trials", "states", "best_value", "best_params", "test_score", "seconds"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["n_trials"] as? Int == 144)
        #expect((json["states"] as? [String: Int])?["COMPLETE"] == 144)
        let parameters = try #require(json["best_params"] as? [String: Any])
        #expect(Set(parameters.keys) == ["n_estimators", "max_depth", "min_samples_split", "min_samples_leaf"])
        #expect((json["best_value"] as? Double ?? 0) >= 0.9)
    }

    /// Without --data a model runs on its default data set; the MLP, scored on a validation split,
    /// is pruned with the median rule unless told otherwise.
    @Test func defaultsGiveARunnableStudy() throws {
        let mlp = try #require(try TuneTrainProcess.run(["--model", "mlp", "--search", "tpe", "--trials", "2", "--param", "epochs=2", "--json", "--quiet"]).json)
        #expect(mlp["data"] as? String == "digits" && mlp["pruner"] as? String == "median")
        let ridge = try #require(try TuneTrainProcess.run(["--model", "ridge", "--search", "gp", "--trials", "3", "--cv", "3", "--json", "--quiet"]).json)
        #expect(ridge["data"] as? String == "diabetes" && ridge["pruner"] as? String == "none")
    }

    /// Ridge's and logistic regression's alpha are tuned by their hypergradients (logistic's
    /// default space for it is alpha alone), each evaluated strength a trial with the validation
    /// loss and its derivative, ties in the metric ranked by the loss; a best strength at a bound where the loss still falls materially
    /// is warned of, a flat one is not; a model without a differentiable hyperparameter is a
    /// usage error naming the two that have one.
    @Test func gradientSearchTunesRidgeAndLogisticAndRefusesOthers() throws {
        let ridge = try #require(try TuneTrainProcess.run(["--model", "ridge", "--search", "gradient", "--data", "diabetes", "--json", "--quiet"]).json)
        #expect((ridge["n_trials"] as? Int ?? 99) <= 20)
        #expect((ridge["best_params"] as? [String: Any])?["alpha"] != nil)
        // Unscaled diabetes: the loss falls toward alpha → 0, but by under 0.1% a decade further.
        #expect((ridge["warnings"] as? [String])?.isEmpty == true, "\(ridge["warnings"] ?? "none")")

        let storage = Self.temporaryStorage()
        let logistic = try TuneTrainProcess.run([
            "--model", "logistic", "--search", "gradient", "--data", "breast_cancer", "--trials", "12",
            "--storage", storage.url, "--study", "logistic", "--json", "--quiet"])
        #expect(logistic.status == 0, "\(logistic.standardError)")
        let json = try #require(logistic.json)
        #expect(json["n_trials"] as? Int == 12 && json["metric"] as? String == "accuracy")
        let stored = try SQLiteStorage(path: storage.path)
        let trials = try stored.trials(studyID: try #require(try stored.study(named: "logistic")).id)
        for trial in trials {
            guard case .double(let loss) = trial.userAttributes["validation_cross_entropy"],
                  case .double = trial.userAttributes["hypergradient"] else {
                Issue.record("trial \(trial.number) lacks the loss or its hypergradient: \(trial.userAttributes)")
                continue
            }
            #expect(loss > 0 && (0...1).contains(trial.value ?? -1))
        }
        #expect((json["warnings"] as? [String])?.isEmpty == true)
        // Validation accuracy is flat near the optimum: of the trials tied at the best accuracy,
        // the best is the one with the least validation loss, the search's own optimum.
        let bestAccuracy = trials.compactMap(\.value).max() ?? .nan
        let leastLossAtBest = trials.filter { $0.value == bestAccuracy }.min { a, b in
            guard case .double(let lossA)? = a.userAttributes["validation_cross_entropy"],
                  case .double(let lossB)? = b.userAttributes["validation_cross_entropy"] else { return false }
            return lossA < lossB
        }
        #expect(trials.filter { $0.value == bestAccuracy }.count > 1, "a tie to break")
        #expect(json["best_trial"] as? Int == leastLossAtBest?.number)
        // The final model is the exact (Newton) fit the search evaluated, not an SGD run.
        let bestAlpha = try #require((json["best_params"] as? [String: Any])?["alpha"] as? Double)
        let exact = try #require(try TuneTrainProcess.run([
            "train", "--model", "logistic", "--data", "breast_cancer", "--param", "solver=newton",
            "--param", "alpha=\(bestAlpha)", "--json"]).json)
        #expect(exact["test_score"] as? Double == json["test_score"] as? Double)
        #expect(exact["epochs_run"] as? Int == 0)

        // Breast cancer's least validation loss is near alpha = 0.004, below this range.
        let space = URL(fileURLWithPath: storage.path).deletingLastPathComponent().appendingPathComponent("alpha.yaml")
        try "alpha: {type: float, low: 0.03, high: 10, log: true}".write(to: space, atomically: true, encoding: .utf8)
        let narrow = try #require(try TuneTrainProcess.run([
            "--model", "logistic", "--search", "gradient", "--data", "breast_cancer", "--space", space.path, "--seed", "0",
            "--json", "--quiet"]).json)
        let warnings = try #require(narrow["warnings"] as? [String])
        #expect(warnings.count == 1 && warnings[0].contains("alpha: the best setting is its lower bound 0.03")
                && warnings[0].contains("low: 0.003"), "\(warnings)")
        try "alpha: {type: float, low: 0.03, high: 10}".write(to: space, atomically: true, encoding: .utf8)
        let linear = try TuneTrainProcess.run(["--model", "logistic", "--search", "gradient", "--data", "breast_cancer", "--space", space.path])
        #expect(linear.status == 64 && linear.standardError.contains("must be logarithmic"), "\(linear.standardError)")
        let repeated = try TuneTrainProcess.run(["--model", "ridge", "--search", "gradient", "--data", "diabetes", "--repeats", "3"])
        #expect(repeated.status == 64 && repeated.standardError.contains("leave out --repeats"), "\(repeated.standardError)")

        for model in ["mlp", "rf"] {
            let refused = try TuneTrainProcess.run(["--model", model, "--search", "gradient", "--data", "iris"])
            #expect(refused.status == 64 && refused.standardError.contains("differentiable")
                    && refused.standardError.contains("ridge and logistic"), "\(refused.standardError)")
        }
    }

    /// The gradient search is deterministic, so run again on its stored study it adds nothing,
    /// and with a larger --trials it adds only the fits beyond the stored ones.
    @Test func aGradientSearchRunAgainAddsOnlyWhatTheStudyLacks() throws {
        let storage = Self.temporaryStorage()
        func run(trials: Int) throws -> [String: Any] {
            try #require(try TuneTrainProcess.run([
                "--model", "ridge", "--search", "gradient", "--data", "diabetes", "--scale", "standard", "--seed", "0",
                "--trials", "\(trials)", "--storage", storage.url, "--json", "--quiet"]).json)
        }
        let first = try run(trials: 12), again = try run(trials: 12), longer = try run(trials: 16)
        #expect(first["n_trials"] as? Int == 12 && again["n_trials"] as? Int == 12)
        #expect(again["best_value"] as? Double == first["best_value"] as? Double)
        #expect(longer["n_trials"] as? Int == 16)
        #expect((longer["best_value"] as? Double ?? 0) >= (first["best_value"] as? Double ?? 1))
        let added = try #require(try TuneTrainProcess.run([
            "--model", "ridge", "--search", "gradient", "--data", "diabetes", "--scale", "standard", "--seed", "0",
            "--add-trials", "3", "--storage", storage.url, "--json", "--quiet"]).json)
        #expect(added["n_trials"] as? Int == 19, "--add-trials 3 fits three beyond the 16 stored")
    }

    /// Trials waiting in the study (here `--enqueue`d; a killed run's retries alike) are
    /// evaluated at their own strengths before the search's: every trial's stored loss is the
    /// loss at its stored alpha, as in a study run without them.
    @Test func aGradientSearchEvaluatesWaitingTrialsAtTheirOwnStrengths() throws {
        let storage = Self.temporaryStorage(), plain = Self.temporaryStorage()
        let enqueued = URL(fileURLWithPath: storage.path).deletingLastPathComponent().appendingPathComponent("enqueue.yaml")
        try "- {alpha: 0.5}\n".write(to: enqueued, atomically: true, encoding: .utf8)
        let arguments = ["--model", "ridge", "--search", "gradient", "--data", "diabetes", "--scale", "standard", "--seed", "0",
                         "--trials", "10", "--study", "s", "--json", "--quiet"]
        let withQueue = try TuneTrainProcess.run(arguments + ["--storage", storage.url, "--enqueue", enqueued.path])
        #expect(withQueue.status == 0, "\(withQueue.standardError)")
        #expect(try TuneTrainProcess.run(arguments + ["--storage", plain.url]).status == 0)
        func lossByAlpha(_ path: String) throws -> [Double: Double] {
            let database = try SQLiteStorage(path: path)
            let trials = try database.trials(studyID: try #require(try database.study(named: "s")).id)
            #expect(trials.allSatisfy { $0.state == .complete })
            return Dictionary(uniqueKeysWithValues: trials.compactMap { trial -> (Double, Double)? in
                guard let alpha = trial.internalParameters["alpha"], case .double(let loss)? = trial.userAttributes["validation_mse"] else { return nil }
                return (alpha, loss)
            })
        }
        let queued = try lossByAlpha(storage.path), alone = try lossByAlpha(plain.path)
        #expect(queued.count == 11 && queued[0.5] != nil && alone.count == 10)
        for (alpha, loss) in alone {
            #expect(queued[alpha].map { abs($0 - loss) <= 1e-9 * loss } == true, "alpha \(alpha)")
        }
    }

    @Test func theSameSeedGivesTheSameStudy() throws {
        let arguments = ["--model", "logistic", "--search", "qmc", "--data", "iris", "--trials", "4", "--param", "epochs=5", "--seed", "3", "--json", "--quiet"]
        let first = try #require(try TuneTrainProcess.run(arguments).json)
        let second = try #require(try TuneTrainProcess.run(arguments).json)
        #expect(first["best_value"] as? Double == second["best_value"] as? Double)
        #expect(NSDictionary(dictionary: first["best_params"] as? [String: Any] ?? [:])
                == NSDictionary(dictionary: second["best_params"] as? [String: Any] ?? [:]))
    }

    @Test func aKilledStudyResumesToItsTrialCount() throws {
        let storage = Self.temporaryStorage()
        let arguments = ["--model", "rf", "--search", "random", "--data", "breast_cancer", "--trials", "12", "--cv", "2",
                         "--seed", "2", "--storage", storage.url, "--study", "k"]
        let process = try TuneTrainProcess.start(arguments)
        // Kill once a few trials are stored.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let stored = (try? SQLiteStorage(path: storage.path).study(named: "k")).flatMap { $0 }
            if let stored, let trials = try? SQLiteStorage(path: storage.path).trials(studyID: stored.id),
               trials.filter({ $0.state == .complete }).count >= 3 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let database = try SQLiteStorage(path: storage.path)
        let study = try #require(try database.study(named: "k"))
        let completedBefore = try database.trials(studyID: study.id).filter { $0.state == .complete }
        #expect(completedBefore.count >= 3)

        let outcome = try TuneTrainProcess.run(arguments + ["--json", "--quiet"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let trials = try database.trials(studyID: study.id)
        for earlier in completedBefore {
            #expect(trials.first { $0.number == earlier.number }?.value == earlier.value)
        }
        let killed = trials.filter { $0.state == .fail }
        let retried = Set(trials.compactMap { trial -> Int? in
            if case .int(let number)? = trial.systemAttributes[SystemAttributeKey.retriedTrial] { return number }
            return nil
        })
        #expect(killed.allSatisfy { retried.contains($0.number) }, "every trial the kill interrupted is retried")
        #expect(trials.filter { $0.state == .complete }.count == 12)
        #expect(try database.integrityCheck() == "ok")
    }

    /// Runs two `tune-train` processes with `arguments` at once; returns the stored study's trials.
    static func runTwoProcesses(_ arguments: [String], storagePath: String, study: String,
                                sourceLocation: SourceLocation = #_sourceLocation) throws -> [TrialRecord] {
        let outcomes = IndexedOutcomes()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            outcomes.set(index, try? TuneTrainProcess.run(arguments))
        }
        for outcome in outcomes.all {
            #expect(outcome?.status == 0, "\(outcome?.standardError ?? "did not run")", sourceLocation: sourceLocation)
        }
        let database = try SQLiteStorage(path: storagePath)
        let stored = try #require(try database.study(named: study), sourceLocation: sourceLocation)
        return try database.trials(studyID: stored.id)
    }

    @Test func twoProcessesSharingAStudyLoseNoTrial() throws {
        let storage = Self.temporaryStorage()
        let arguments = ["--model", "ridge", "--search", "random", "--data", "diabetes", "--add-trials", "30", "--cv", "2",
                         "--seed", "4", "--storage", storage.url, "--study", "shared", "--quiet", "--json"]
        let trials = try Self.runTwoProcesses(arguments, storagePath: storage.path, study: "shared")
        #expect(trials.map(\.number).sorted() == Array(0..<60))
        #expect(trials.allSatisfy { $0.state == .complete })
    }

    @Test func twoProcessesShareOneGridWithoutRepeatingAPoint() throws {
        let storage = Self.temporaryStorage()
        let arguments = ["--model", "rf", "--search", "grid", "--data", "iris", "--cv", "2", "--seed", "5",
                         "--storage", storage.url, "--study", "grid", "--quiet", "--json"]
        let trials = try Self.runTwoProcesses(arguments, storagePath: storage.path, study: "grid")
        #expect(trials.count == 144)
        let points = Set(trials.map { trial in trial.parameters.sorted { $0.key < $1.key }.map { "\($0.value)" }.joined(separator: ",") })
        #expect(points.count == 144)
    }

    @Test func aSpaceFileIsSearchedAndItsMistakesNameTheParameter() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tune-train-space-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let good = folder.appendingPathComponent("space.yaml")
        try """
            optimizer: {type: categorical, choices: [momentum, adam]}
            lr: {type: float, low: 0.001, high: 0.1, log: true}
            momentum: {type: float, low: 0.5, high: 0.99, condition: {parent: optimizer, value: momentum}}
            """.write(to: good, atomically: true, encoding: .utf8)
        let outcome = try TuneTrainProcess.run(["--model", "logistic", "--data", "iris", "--search", "random", "--trials", "3",
                                                "--param", "epochs=5", "--space", good.path, "--json", "--quiet"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try #require(outcome.json)
        let parameters = try #require(json["best_params"] as? [String: Any])
        #expect(parameters["lr"] is Double)

        let bad = folder.appendingPathComponent("bad.json")
        try #"{"lr": {"type": "float", "low": 0, "high": 0.1, "log": true}}"#.write(to: bad, atomically: true, encoding: .utf8)
        let refused = try TuneTrainProcess.run(["--model", "logistic", "--data", "iris", "--space", bad.path])
        #expect(refused.status == 65)
        #expect(refused.standardError.contains("'lr'") && refused.standardError.contains("low > 0"))
    }

    @Test func usageMistakesExitWith64AndSayTheFix() throws {
        let unknownSearch = try TuneTrainProcess.run(["--model", "rf", "--search", "nonsense", "--data", "iris"])
        #expect(unknownSearch.status == 64)
        #expect(unknownSearch.standardError.contains("grid"))
        let studyWithoutStorage = try TuneTrainProcess.run(["--model", "rf", "--data", "iris", "--study", "x"])
        #expect(studyWithoutStorage.status == 64)
        #expect(studyWithoutStorage.standardError.contains("--storage"))
        let both = try TuneTrainProcess.run(["--model", "rf", "--data", "iris", "--param", "n_estimators=5", "--trials", "1"])
        #expect(both.status == 64)
        #expect(both.standardError.contains("n_estimators"))
        let badURL = try TuneTrainProcess.run(["--model", "rf", "--data", "iris", "--storage", "postgres://x"])
        #expect(badURL.status == 64)
    }
}

/// Results written by concurrent closures.
final class IndexedOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: TuneTrainProcess.Outcome?] = [:]

    func set(_ index: Int, _ value: TuneTrainProcess.Outcome?) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    var all: [TuneTrainProcess.Outcome?] {
        lock.lock()
        defer { lock.unlock() }
        return values.keys.sorted().map { values[$0]! }
    }
}
