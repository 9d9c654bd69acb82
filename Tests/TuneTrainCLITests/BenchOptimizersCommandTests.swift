import Foundation
import Testing

/// `tune-train bench-optimizers`: every optimizer on every problem, targets, seeds, tuning, usage errors.
struct BenchOptimizersCommandTests {
    static func runs(_ json: [String: Any]) -> [[String: Any]] { json["runs"] as? [[String: Any]] ?? [] }

    @Test func everyOptimizerOnEveryProblemWithCurves() throws {
        let outcome = try TuneTrainProcess.run(["bench-optimizers", "--steps", "20", "--json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try #require(outcome.json)
        let runs = Self.runs(json)
        let cells = Set(runs.map { "\($0["problem"] as? String ?? "")/\($0["optimizer"] as? String ?? "")" })
        for problem in ["linreg", "logistic-breast-cancer", "mlp-digits"] {
            for optimizer in ["sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw"] {
                #expect(cells.contains("\(problem)/\(optimizer)"), "missing \(problem)/\(optimizer)")
            }
        }
        #expect(runs.count == 18)
        for run in runs {
            #expect(run["loss"] is Double && run["lr"] is Double && run["seconds"] is Double && run["test_score"] is Double)
            let curve = try #require(run["curve"] as? [String: Any])
            #expect((curve["steps"] as? [Int])?.count == 20 && (curve["loss"] as? [Double])?.count == 20)
        }
        let adam = try #require(runs.first { $0["problem"] as? String == "linreg" && $0["optimizer"] as? String == "adam" })
        #expect(adam["lr"] as? Double == 0.001 && adam["metric"] as? String == "r2")
    }

    @Test func adamReachesTheLineTarget() throws {
        let outcome = try TuneTrainProcess.run(["bench-optimizers", "--problems", "linreg", "--optimizers", "adam", "--steps", "3000", "--json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try #require(outcome.json)
        let run = try #require(Self.runs(json).first)
        #expect(run["target"] as? Double == 0.3)
        let steps = try #require(run["steps_to_target"] as? Int)
        #expect(steps > 100 && steps <= 3000)
        #expect((run["loss"] as? Double ?? 1) < 0.3)
        #expect((run["test_score"] as? Double ?? 0) > 0.4)
    }

    @Test func theSameSeedGivesTheSameLosses() throws {
        let arguments = ["bench-optimizers", "--problems", "mlp-digits", "--optimizers", "sgd,adam", "--steps", "15", "--json"]
        func curves(seed: String) throws -> [[Double]] {
            let json = try #require(try TuneTrainProcess.run(arguments + ["--seed", seed]).json)
            return Self.runs(json).map { ($0["curve"] as? [String: Any])?["loss"] as? [Double] ?? [] }
        }
        let (first, second, other) = (try curves(seed: "3"), try curves(seed: "3"), try curves(seed: "4"))
        #expect(first.count == 2 && first.allSatisfy { $0.count == 15 })
        #expect(first == second)
        #expect(first != other)
    }

    @Test func tunedRunsComeFromAStudyPerOptimizer() throws {
        let outcome = try TuneTrainProcess.run([
            "bench-optimizers", "--problems", "linreg", "--optimizers", "sgd,momentum", "--steps", "30", "--tuned", "--tune-trials", "4",
            "--target", "linreg=0.5", "--json",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try #require(outcome.json)
        #expect(json["tune_trials"] as? Int == 4)
        for run in Self.runs(json) {
            #expect(run["tuned"] as? Bool == true && run["tuning_seconds"] is Double && run["target"] as? Double == 0.5)
        }
        #expect(Self.runs(json).last?["momentum"] as? Double != 0.9)
    }

    @Test func usageErrorsExit64WithTheFix() throws {
        try expectUsageErrors([
            (["bench-optimizers", "--problems", "mnist"], "linreg, logistic-breast-cancer, mlp-digits"),
            (["bench-optimizers", "--optimizers", "adagrad"], "sgd, momentum, nesterov, rmsprop, adam, adamw"),
            (["bench-optimizers", "--target", "linreg=abc"], "--target"),
            (["bench-optimizers", "--target", "cifar=0.1"], "unknown name 'cifar'"),
            (["bench-optimizers", "--steps", "0"], "--steps"),
            (["bench-optimizers", "--tuned", "--tune-trials", "0"], "--tune-trials"),
        ])
    }
}
