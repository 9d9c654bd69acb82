import Foundation
import Testing

struct DatasetsCommandTests {
    @Test func listNamesEveryBuiltInDataSet() throws {
        let outcome = try TuneTrainProcess.run(["datasets", "list"])
        #expect(outcome.status == 0)
        for name in ["iris", "wine", "breast_cancer", "digits", "diabetes"] {
            #expect(outcome.standardOutput.contains(name))
        }
        #expect(outcome.standardOutput.contains("regression"))
    }

    @Test func showIrisAsJSON() throws {
        let outcome = try TuneTrainProcess.run(["datasets", "show", "iris", "--json"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.hasPrefix(#"{"name":"iris","rows":150,"features":4,"classes":3,"#))
        let json = try #require(outcome.json)
        let counts = try #require(json["class_counts"] as? [[String: Any]])
        #expect(counts.map { $0["count"] as? Int } == [50, 50, 50])
    }

    @Test func showDiabetesIsRegression() throws {
        let json = try #require(try TuneTrainProcess.run(["datasets", "show", "diabetes", "--json"]).json)
        #expect(json["rows"] as? Int == 442)
        #expect(json["task"] as? String == "regression")
        #expect(json["classes"] is NSNull)
    }

    @Test func generatorSpecIsReproducible() throws {
        let spec = "make_classification:n_samples=1000,n_features=20,n_informative=2,n_redundant=10,seed=42"
        let first = try TuneTrainProcess.run(["datasets", "show", spec, "--json"])
        let second = try TuneTrainProcess.run(["datasets", "show", spec, "--json"])
        #expect(first.status == 0)
        let json = try #require(first.json)
        #expect(json["rows"] as? Int == 1000)
        #expect(json["features"] as? Int == 20)
        #expect(json["classes"] as? Int == 2)
        #expect(first.standardOutput == second.standardOutput)
        let otherSeed = try TuneTrainProcess.run(["datasets", "show", spec.replacingOccurrences(of: "seed=42", with: "seed=43"), "--json"])
        #expect(otherSeed.standardOutput != first.standardOutput)
    }

    @Test func csvWithTargetByName() throws {
        let file = try temporaryFile("a,label,b\n1,x,2\n3,y,4\n5,x,6\n")
        let outcome = try TuneTrainProcess.run(["datasets", "show", file.path, "--target", "label", "--json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try #require(outcome.json)
        #expect(json["rows"] as? Int == 3)
        #expect(json["features"] as? Int == 2)
        #expect(json["classes"] as? Int == 2)
    }

    @Test func missingFileExitsWithDataErrorNamingThePath() throws {
        let outcome = try TuneTrainProcess.run(["datasets", "show", "/nonexistent/houses.csv"])
        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains("/nonexistent/houses.csv"))
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test func raggedCSVNamesLineAndExitsWithDataError() throws {
        let file = try temporaryFile("a,b,y\n1,2,0\n3,4\n5,6,1\n")
        let outcome = try TuneTrainProcess.run(["datasets", "show", file.path, "--target", "y"])
        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains(":3"))
        #expect(outcome.standardError.split(separator: "\n").count == 1, "one clear line: \(outcome.standardError)")
    }

    @Test func nonNumericCellNamesLineAndColumn() throws {
        let file = try temporaryFile("a,b,y\n1,2,0\n3,abc,1\n")
        let outcome = try TuneTrainProcess.run(["datasets", "show", file.path])
        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains("3"))
        #expect(outcome.standardError.contains("'b'") || outcome.standardError.contains("column 2"))
    }

    @Test func unknownGeneratorKeyIsNamed() throws {
        let outcome = try TuneTrainProcess.run(["datasets", "show", "make_classification:n_sample=10"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("n_sample"))
    }

    @Test func helpShowsAnExample() throws {
        let outcome = try TuneTrainProcess.run(["datasets", "show", "--help"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("tune-train datasets show iris"))
    }

    private func temporaryFile(_ contents: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tt-cli-\(UUID().uuidString).csv")
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
