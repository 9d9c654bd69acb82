import Foundation
import Testing

/// Every mistake a user can make on the command line ends in one clear line that names the fix
/// and the documented exit code (64 usage, 65 a data or space file that does not parse, 1 a run
/// that cannot go on), never a crash or a stack trace.
@Suite struct UserErrorTests {
    /// The first line of standard error, which must say what is wrong.
    static func firstLine(_ outcome: TuneTrainProcess.Outcome) -> String {
        String(outcome.standardError.split(separator: "\n").first ?? "")
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tune-train-errors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func expectClear(_ outcome: TuneTrainProcess.Outcome, code: Int32, mentions words: [String]) {
        let line = firstLine(outcome)
        #expect(outcome.status == code, "\(outcome.standardError)")
        #expect(line.hasPrefix("Error: "), "\(line)")
        for word in words { #expect(line.contains(word) || outcome.standardError.contains(word), "'\(word)' missing from: \(outcome.standardError)") }
        #expect(!outcome.standardError.contains("Fatal error") && !outcome.standardError.contains("Stack dump"))
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test func anUnknownModelListsTheModels() throws {
        Self.expectClear(try TuneTrainProcess.run(["--model", "svm"]), code: 64, mentions: ["'svm'", "mlp", "rf"])
    }

    @Test func anUnknownSearchListsTheSearches() throws {
        Self.expectClear(try TuneTrainProcess.run(["--model", "rf", "--search", "bayes"]), code: 64, mentions: ["'bayes'", "tpe", "playbook"])
    }

    @Test func aSpaceFileThatDoesNotParseNamesTheFile() throws {
        let file = try Self.folder().appendingPathComponent("space.yaml")
        try "lr: {type: float, low: 0.1\n".write(to: file, atomically: true, encoding: .utf8)
        Self.expectClear(try TuneTrainProcess.run(["--model", "logistic", "--data", "iris", "--space", file.path]),
                         code: 65, mentions: [file.path, "YAML"])
    }

    @Test func aStorageURLOfAnotherKindSaysWhichKindsWork() throws {
        Self.expectClear(try TuneTrainProcess.run(["--model", "rf", "--data", "iris", "--storage", "postgres://db/study"]),
                         code: 64, mentions: ["sqlite:///"])
    }

    @Test func aStorageFileThatCannotBeOpenedNamesItsFolder() throws {
        Self.expectClear(try TuneTrainProcess.run(["--model", "rf", "--data", "iris", "--trials", "1", "--storage", "sqlite:////nonexistent-folder/x.db"]),
                         code: 1, mentions: ["/nonexistent-folder/x.db", "folder exists"])
    }

    @Test func aStudyThatDoesNotExistListsTheOnesThatDo() throws {
        let storage = TuneCommandTests.temporaryStorage()
        _ = try TuneTrainProcess.run(["--model", "logistic", "--data", "iris", "--trials", "1", "--param", "epochs=1",
                                      "--storage", storage.url, "--study", "kept", "--quiet"])
        Self.expectClear(try TuneTrainProcess.run(["studies", "show", "--storage", storage.url, "--study", "lost"]),
                         code: 64, mentions: ["'lost'", "kept"])
    }

    @Test func aDataFileThatDoesNotParseNamesTheRow() throws {
        let file = try Self.folder().appendingPathComponent("data.csv")
        try "a,b,label\n1,2,0\n3,x,1\n".write(to: file, atomically: true, encoding: .utf8)
        Self.expectClear(try TuneTrainProcess.run(["--model", "rf", "--data", file.path, "--trials", "1"]),
                         code: 65, mentions: ["\(file.path):3"])
    }

    @Test func aMissingDataFileSaysWhatDataCanBe() throws {
        Self.expectClear(try TuneTrainProcess.run(["--model", "rf", "--data", "/nonexistent/data.csv"]),
                         code: 65, mentions: ["no such file", "datasets list"])
    }

    @Test func contradictoryOptionsSayWhichToDrop() throws {
        Self.expectClear(try TuneTrainProcess.run(["--model", "rf", "--quiet", "--verbose"]), code: 64, mentions: ["--quiet", "--verbose"])
        Self.expectClear(try TuneTrainProcess.run(["--model", "rf", "--warm-start", "old"]), code: 64, mentions: ["--storage"])
        Self.expectClear(try TuneTrainProcess.run(["--model", "rf", "--ensemble", "1"]), code: 64, mentions: ["--ensemble"])
    }
}
