import Foundation
import Testing

struct TrainCommandTests {
    @Test func trainPrintsTheJSONContract() throws {
        let outcome = try TuneTrainProcess.run([
            "train", "--model", "logistic", "--data", "breast_cancer", "--param", "epochs=30", "--seed", "1", "--json",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try #require(outcome.json)
        for key in ["model", "params", "metric", "train_score", "test_score", "epochs_run", "fit_seconds"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["metric"] as? String == "accuracy")
        #expect((json["test_score"] as? Double ?? 0) >= 0.9)
    }

    @Test func crossValidationAddsItsKeys() throws {
        let outcome = try TuneTrainProcess.run(["train", "--model", "logistic", "--data", "iris", "--cv", "4", "--param", "epochs=20", "--json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try #require(outcome.json)
        #expect((json["cv_scores"] as? [Double])?.count == 4)
        #expect(json["cv_mean"] is Double && json["cv_std"] is Double)
        let without = try #require(try TuneTrainProcess.run(["train", "--model", "logistic", "--data", "iris", "--param", "epochs=5", "--json"]).json)
        #expect(without["cv_scores"] == nil)
    }

    @Test func forestWithScikitLearnParameterNames() throws {
        let outcome = try TuneTrainProcess.run([
            "train", "--model", "rf", "--data", "iris", "--param", "n_estimators=20", "--param", "max_depth=none",
            "--param", "min_samples_leaf=2", "--param", "max_features=sqrt", "--cv", "3", "--seed", "42", "--json",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try #require(outcome.json)
        let params = try #require(json["params"] as? [String: Any])
        #expect(params["n_estimators"] as? Int == 20)
        #expect(params["max_depth"] is NSNull)
        #expect(params["max_features"] as? String == "sqrt")
        #expect((json["cv_scores"] as? [Double])?.count == 3)
        let bad = try TuneTrainProcess.run(["train", "--model", "tree", "--data", "iris", "--param", "min_samples_leaf=0"])
        #expect(bad.status == 64)
        #expect(bad.standardError.contains("min_samples_leaf must be >= 1, got 0"))
    }

    @Test func sameSeedSameResult() throws {
        let arguments = ["train", "--model", "mlp", "--data", "iris", "--param", "epochs=10", "--seed", "4", "--json"]
        let first = try #require(try TuneTrainProcess.run(arguments).json)
        let second = try #require(try TuneTrainProcess.run(arguments).json)
        #expect(first["test_score"] as? Double == second["test_score"] as? Double)
        #expect(first["train_score"] as? Double == second["train_score"] as? Double)
    }

    @Test func divergenceIsAClearFailure() throws {
        let outcome = try TuneTrainProcess.run([
            "train", "--model", "mlp", "--data", "digits", "--param", "lr=10", "--param", "optimizer=sgd", "--param", "epochs=5", "--seed", "1",
        ])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("diverged"))
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test func usageErrorsExit64AndNameTheProblem() throws {
        let unknown = try TuneTrainProcess.run(["train", "--model", "mlp", "--data", "iris", "--param", "bogus_param=1"])
        #expect(unknown.status == 64)
        #expect(unknown.standardError.contains("bogus_param"))
        let range = try TuneTrainProcess.run(["train", "--model", "mlp", "--data", "iris", "--param", "lr=-0.1"])
        #expect(range.status == 64)
        #expect(range.standardError.contains("lr must be > 0, got -0.1"))
        let mismatch = try TuneTrainProcess.run(["train", "--model", "logistic", "--data", "diabetes"])
        #expect(mismatch.status == 64)
        #expect(mismatch.standardError.contains("needs a classification data set"))
        let model = try TuneTrainProcess.run(["train", "--model", "svm", "--data", "iris"])
        #expect(model.status == 64)
        let malformed = try TuneTrainProcess.run(["train", "--model", "mlp", "--data", "iris", "--param", "lr"])
        #expect(malformed.status == 64)
    }

    @Test func badDataExits65() throws {
        let outcome = try TuneTrainProcess.run(["train", "--model", "mlp", "--data", "/nonexistent.csv"])
        #expect(outcome.status == 65)
    }
}
