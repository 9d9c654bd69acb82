import Foundation
import Testing

/// `tune-train lr-sweep`: one row per rate, divergence as a result, the recommendation, usage errors.
struct LRSweepCommandTests {
    @Test func oneRowPerRateADivergentRateReportedAndARecommendation() throws {
        let outcome = try TuneTrainProcess.run([
            "lr-sweep", "--model", "mlp", "--data", "iris", "--rates", "0.001,0.01,0.1,10", "--steps", "80", "--seed", "2", "--json",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try #require(outcome.json)
        #expect(json["steps"] as? Int == 80)
        // 120 training rows in batches of 16: the loss is averaged over one epoch, 8 steps.
        #expect(json["window"] as? Int == 8)
        let rates = try #require(json["rates"] as? [[String: Any]])
        #expect(rates.map { $0["lr"] as? Double } == [0.001, 0.01, 0.1, 10])
        let divergent = rates[3]
        #expect(divergent["diverged"] as? Bool == true)
        #expect(divergent["diverged_at_step"] is Int)
        #expect(divergent["test_score"] == nil)
        for rate in rates.prefix(3) {
            #expect(rate["diverged"] as? Bool == false)
            #expect(rate["best_loss"] is Double && rate["final_loss"] is Double && rate["test_score"] is Double)
            let curve = try #require(rate["curve"] as? [String: Any])
            #expect((curve["steps"] as? [Int])?.last == 80)
        }
        let recommendation = try #require(json["recommendation"] as? [String: Any])
        let stepsToBest = try #require(recommendation["steps_to_best"] as? Int)
        let maxTrainSteps = try #require(recommendation["max_train_steps"] as? Int)
        #expect(stepsToBest >= 1 && stepsToBest <= 80 && maxTrainSteps >= stepsToBest)
        #expect([0.001, 0.01, 0.1].contains(recommendation["lr"] as? Double ?? 0))
        let params = try #require(json["params"] as? [String: Any])
        #expect(params["lr_schedule"] as? String == "constant" && params["dropout"] as? Double == 0 && params["lr"] == nil)
    }

    @Test func theTextReportStatesTheRuleAndTheSuggestion() throws {
        let outcome = try TuneTrainProcess.run(["lr-sweep", "--model", "logistic", "--data", "iris", "--rates", "0.01,0.1", "--steps", "40"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("max_train_steps ≈"))
        #expect(outcome.standardOutput.contains("steps to best"))
        #expect(outcome.standardError.contains("lr 0.01:"))
    }

    @Test func usageErrorsExit64WithTheFix() throws {
        let base = ["lr-sweep", "--data", "iris", "--steps", "5", "--model", "logistic"]
        try expectUsageErrors([
            (base + ["--rates", "0,0.1"], "positive"),
            (base + ["--rates=-0.1"], "positive"),
            (base + ["--rates", "0.1,abc"], "positive"),
            (base + ["--rates", "0.1,0.1"], "twice"),
            (base + ["--model", "rf"], "trained by an optimizer"),
            (base + ["--param", "lr=0.1"], "--rates"),
            (base + ["--param", "epochs=3"], "--steps"),
            (base + ["--steps", "0"], "--steps"),
            (base + ["--cv", "3"], "drop --cv"),
        ])
    }
}
