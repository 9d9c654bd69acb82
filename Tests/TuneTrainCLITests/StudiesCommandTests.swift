import Foundation
import Testing
import TuneSQLite
import TuneSearch

/// `tune-train studies list|show|export|delete` on a database written through the library: a
/// maximised study with a COMPLETE, a PRUNED, a FAIL and a RUNNING trial (a categorical choice
/// holding a comma and quotes, to test CSV quoting), and an empty minimised study.
@Suite(.serialized) struct StudiesCommandTests {
    struct Fixture {
        let folder: URL
        var databasePath: String { folder.appendingPathComponent("studies.db").path }
        var storage: String { "sqlite:///\(databasePath)" }
        static let awkward = #"a,"b""#

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("tune-train-studies-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let database = try SQLiteStorage(path: databasePath)
            let study = try Study(name: "mixed", direction: .maximize, sampler: RandomSampler(seed: 1), storage: database)
            try database.setStudyUserAttribute("model", .string("rf"), studyID: study.id)
            try database.setStudyUserAttribute("search", .string("tpe"), studyID: study.id)
            for kind in [Self.awkward, "plain", "plain", "plain"] { try study.enqueueTrial(["x": 0.5, "kind": .string(kind)]) }
            func started() throws -> Trial {
                let trial = try #require(try study.ask(detached: true))
                _ = try trial.suggestFloat("x", 0...1)
                _ = try trial.suggestCategorical("kind", [Self.awkward, "plain"])
                return trial
            }
            let complete = try started()
            try complete.report(0.5, step: 0)
            try complete.report(0.8, step: 1)
            try study.tell(complete, value: 0.9)
            let pruned = try started()
            try pruned.report(0.1, step: 0)
            try study.tell(pruned, state: .pruned)
            try study.tell(try started(), state: .fail)
            _ = try started()
            _ = try database.createStudy(name: "empty", direction: .minimize)
        }

        func run(_ arguments: [String]) throws -> TuneTrainProcess.Outcome {
            try TuneTrainProcess.run(arguments + ["--storage", storage])
        }
    }

    /// A minimal RFC 4180 reader: quoted fields with doubled quotes, CRLF records.
    static func records(_ csv: String) -> [[String]] {
        var records: [[String]] = [], fields: [String] = [], field = "", quoted = false
        var characters = Array(csv)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append(characters.removeFirst()) } else { quoted = false }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else if character == "\r\n" {
                records.append(fields + [field])
                fields = []
                field = ""
            } else {
                field.append(character)
            }
        }
        return records
    }

    @Test func listGivesCountsBestAndWhatEachStudyTunes() throws {
        let fixture = try Fixture()
        let table = try fixture.run(["studies", "list"])
        #expect(table.status == 0, "\(table.standardError)")
        let lines = table.standardOutput.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.count == 4)
        #expect(lines[0] == ["study", "direction", "trials", "complete", "pruned", "fail", "best", "value", "best", "trial", "model", "search"])
        #expect(lines[2] == ["mixed", "maximize", "4", "1", "1", "1", "0.9", "0", "rf", "tpe"])
        #expect(lines[3] == ["empty", "minimize", "0", "0", "0", "0", "-", "-", "-", "-"])

        let outcome = try fixture.run(["studies", "list", "--json"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [[String: Any]])
        #expect(array.map { $0["study"] as? String } == ["mixed", "empty"])
        #expect(array[0]["n_trials"] as? Int == 4 && array[0]["best_value"] as? Double == 0.9 && array[0]["best_trial"] as? Int == 0)
        #expect(array[0]["states"] as? [String: Int] == ["COMPLETE": 1, "PRUNED": 1, "FAIL": 1, "RUNNING": 1, "WAITING": 0])
        #expect(array[1]["best_value"] is NSNull && array[1]["model"] is NSNull && array[1]["direction"] as? String == "minimize")
    }

    @Test func showGivesTheAttributesAndATableOfTrials() throws {
        let fixture = try Fixture()
        let text = try fixture.run(["studies", "show", "--study", "mixed"])
        #expect(text.status == 0, "\(text.standardError)")
        #expect(text.standardOutput.hasPrefix("""
            study mixed: maximize, 4 trials (1 complete, 1 pruned, 1 failed, 1 running, 0 waiting)
            best value 0.9 (trial 0)
            attributes: model=rf search=tpe
            """))
        let table = text.standardOutput.split(separator: "\n").dropFirst(3).map { $0.split(separator: " ").map(String.init) }
        #expect(table.count == 6)
        #expect(table[0] == ["number", "state", "value", "kind", "x", "seconds"])
        #expect(Array(table[2].prefix(5)) == ["0", "COMPLETE", "0.9", Fixture.awkward, "0.5"])
        #expect(Array(table[5].prefix(3)) == ["3", "RUNNING", "-"] && table[5].last == "-")

        let json = try #require(try fixture.run(["studies", "show", "--study", "mixed", "--json"]).json)
        #expect(json["study"] as? String == "mixed" && json["n_trials"] as? Int == 4)
        #expect(json["user_attrs"] as? [String: String] == ["model": "rf", "search": "tpe"])
        let trials = try #require(json["trials"] as? [[String: Any]])
        #expect(trials.map { $0["state"] as? String } == ["COMPLETE", "PRUNED", "FAIL", "RUNNING"])
        let params = try #require(trials[0]["params"] as? [String: Any])
        #expect(params.count == 2 && params["kind"] as? String == Fixture.awkward && params["x"] as? Double == 0.5)
        #expect(trials[0]["intermediate_values"] as? [String: Double] == ["0": 0.5, "1": 0.8])
        #expect(trials[1]["value"] as? Double == 0.1, "a pruned trial keeps its last intermediate value")
        #expect(trials[3]["seconds"] is NSNull && trials[3]["datetime_complete"] is NSNull)
    }

    @Test func exportWritesRFC4180CSVWithOneColumnPerParameter() throws {
        let fixture = try Fixture()
        let outcome = try fixture.run(["studies", "export", "--study", "mixed"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains(#""a,""b""""#), "the awkward choice is quoted with its quotes doubled")
        let records = Self.records(outcome.standardOutput)
        #expect(records.first == ["number", "state", "value", "params_kind", "params_x", "intermediate_values", "seconds",
                                  "datetime_start", "datetime_complete"])
        #expect(records.count == 5 && records.allSatisfy { $0.count == 9 })
        #expect(Array(records[1][0...5]) == ["0", "COMPLETE", "0.9", Fixture.awkward, "0.5", #"{"0": 0.5, "1": 0.8}"#])
        #expect(Double(records[1][6]) ?? -1 >= 0)
        #expect(records[1][7].count == 26 && records[1][8].count == 26, "Optuna's YYYY-MM-DD HH:MM:SS.ffffff")
        #expect(Array(records[4][1...2]) == ["RUNNING", ""] && records[4][8] == "")
    }

    @Test func exportWritesJSONToAFile() throws {
        let fixture = try Fixture()
        let file = fixture.folder.appendingPathComponent("trials.json").path
        let outcome = try fixture.run(["studies", "export", "--study", "mixed", "--format", "json", "-o", file])
        #expect(outcome.status == 0 && outcome.standardOutput.isEmpty, "\(outcome.standardError)")
        #expect(outcome.standardError == "wrote 4 trials of study 'mixed' to \(file)\n")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [[String: Any]])
        #expect(rows.map { $0["number"] as? Int } == [0, 1, 2, 3])
        #expect(Set(rows[0].keys) == ["number", "state", "value", "params", "intermediate_values", "seconds", "datetime_start", "datetime_complete"])
        let standardOutput = try fixture.run(["studies", "export", "--study", "mixed", "--json"])
        #expect(try String(contentsOfFile: file, encoding: .utf8) == standardOutput.standardOutput, "--json is --format json")
        let both = try fixture.run(["studies", "export", "--study", "mixed", "--json", "--format", "csv"])
        #expect(both.status == 64 && both.standardError.hasPrefix("Error: --json and --format csv ask for two formats; give one"))
        let nowhere = try fixture.run(["studies", "export", "--study", "mixed", "--format", "csv", "-o", "/nonexistent-folder/t.csv"])
        #expect(nowhere.status == 64 && nowhere.standardError.hasPrefix("Error: -o /nonexistent-folder/t.csv: the folder /nonexistent-folder does not exist"))
    }

    @Test func deleteAsksRefusesWithoutATerminalAndDeletesWithYes() throws {
        let fixture = try Fixture()
        let refused = try fixture.run(["studies", "delete", "--study", "mixed"])
        #expect(refused.status == 64 && refused.standardError == """
            Error: standard input is not a terminal, so deleting study 'mixed' (4 trials) cannot be confirmed; pass --yes\n
            """)
        let deleted = try fixture.run(["studies", "delete", "--study", "mixed", "--yes", "--json"])
        #expect(deleted.status == 0, "\(deleted.standardError)")
        #expect(deleted.standardOutput == #"{"study":"mixed","deleted":true,"n_trials":4}"# + "\n")
        let database = try SQLiteStorage(path: fixture.databasePath)
        #expect(try database.allStudies().map(\.name) == ["empty"])
        #expect(try database.integrityCheck() == "ok")
    }

    /// On a terminal (a pseudo-terminal from util-linux `script`) the command asks, and only
    /// "y" deletes.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func deleteOnATerminalAsks() throws {
        let fixture = try Fixture()
        func answering(_ answer: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            let command = [TuneTrainProcess.executable.path, "studies", "delete", "--storage", fixture.storage, "--study", "empty"]
            process.arguments = ["-qec", command.map { "'\($0)'" }.joined(separator: " "), "/dev/null"]
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            input.fileHandleForWriting.write(Data("\(answer)\n".utf8))
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return text
        }
        let kept = try answering("n")
        #expect(kept.contains("Delete study 'empty' with 0 trials? [y/N]") && kept.contains("kept study 'empty'"), "\(kept)")
        #expect(try SQLiteStorage(path: fixture.databasePath).study(named: "empty") != nil)
        #expect(try answering("y").contains("deleted study 'empty' (0 trials)"))
        #expect(try SQLiteStorage(path: fixture.databasePath).study(named: "empty") == nil)
    }

    @Test func aMissingStudyOrDatabaseIsNamedWithTheFix() throws {
        let fixture = try Fixture()
        for command in [["studies", "show"], ["studies", "export"], ["studies", "delete", "--yes"]] {
            let outcome = try fixture.run(command + ["--study", "nope"])
            #expect(outcome.status == 64 && outcome.standardError == "Error: no study named 'nope' in this storage; it holds: mixed, empty\n",
                    "\(command): \(outcome.standardError)")
        }
        let missing = fixture.folder.appendingPathComponent("missing.db").path
        let absent = try TuneTrainProcess.run(["studies", "list", "--storage", "sqlite:///\(missing)"])
        #expect(absent.status == 64 && absent.standardError.hasPrefix("Error: no study database at \(missing); check the path"))
        #expect(!FileManager.default.fileExists(atPath: missing), "listing creates no file")
        let url = try TuneTrainProcess.run(["studies", "list", "--storage", "mysql://host/db"])
        #expect(url.status == 64 && url.standardError.contains("not an SQLite URL; write sqlite:///file.db"))
        let text = fixture.folder.appendingPathComponent("notes.txt").path
        try "not a database".write(toFile: text, atomically: true, encoding: .utf8)
        let unreadable = try TuneTrainProcess.run(["studies", "list", "--storage", "sqlite:///\(text)"])
        #expect(unreadable.status == 1 && unreadable.standardError == "Error: \(text): is not an SQLite database; check the path, or name a new file to start one\n",
                "\(unreadable.standardError)")
    }
}
