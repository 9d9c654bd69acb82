import Foundation
import Testing
import TuneSQLite
import TuneSearch

/// `tune-train ask` and `tell` end to end: shell loops sharing a study, the sampler learning from
/// told trials, the JSON contract and every usage error.
@Suite(.serialized) struct AskTellCommandTests {
    /// A temporary folder holding `space.yaml` (x in [-2, 2]) and the URL of a database beside it.
    struct Workspace {
        let folder: URL
        var databasePath: String { folder.appendingPathComponent("study.db").path }
        var storage: String { "sqlite:///\(databasePath)" }
        var space: String { folder.appendingPathComponent("space.yaml").path }

        init(space text: String = "x: {type: float, low: -2, high: 2}\n") throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("tune-train-ask-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(toFile: space, atomically: true, encoding: .utf8)
        }

        func ask(_ extra: [String] = []) throws -> TuneTrainProcess.Outcome {
            try TuneTrainProcess.run(["ask", "--storage", storage, "--study", "q", "--space", space] + extra)
        }

        func tell(_ extra: [String]) throws -> TuneTrainProcess.Outcome {
            try TuneTrainProcess.run(["tell", "--storage", storage, "--study", "q"] + extra)
        }

        func trials() throws -> [TrialRecord] {
            let storage = try SQLiteStorage(path: databasePath)
            return try storage.trials(studyID: try #require(try storage.study(named: "q")).id)
        }
    }

    /// Two shell loops at once, each doing ask → compute → tell six times on one study (one
    /// reading the text output, one the JSON): twelve trials numbered 0…11 without repeats, each
    /// COMPLETE with the value its loop computed from its parameters.
    @Test func twoConcurrentShellLoopsShareOneStudy() throws {
        let workspace = try Workspace()
        let loop = """
            for i in 1 2 3 4 5 6; do
              out=$("$TT" ask --storage "$DB" --study q --space "$SPACE" $JSON) || exit 1
              if [ -n "$JSON" ]; then
                n=$(echo "$out" | sed 's/^{"trial":\\([0-9]*\\),.*/\\1/'); x=$(echo "$out" | sed 's/.*"x":\\([^,}]*\\).*/\\1/')
              else
                n=$(echo "$out" | sed 's/^trial \\([0-9]*\\):.*/\\1/'); x=$(echo "$out" | sed 's/.* x=\\([^ ]*\\).*/\\1/')
              fi
              v=$(awk "BEGIN { printf \\"%.17g\\", ($x - 0.3) ^ 2 }")
              "$TT" tell --storage "$DB" --study q --trial "$n" --value "$v" > /dev/null || exit 1
              echo "$n" >> "$NUMBERS"
            done
            """
        let loops = try ["", "--json"].enumerated().map { index, json in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", loop]
            process.environment = ProcessInfo.processInfo.environment.merging([
                "TT": TuneTrainProcess.executable.path, "DB": workspace.storage, "SPACE": workspace.space, "JSON": json,
                "NUMBERS": workspace.folder.appendingPathComponent("numbers-\(index)").path,
            ]) { $1 }
            try process.run()
            return process
        }
        for process in loops { process.waitUntilExit() }
        #expect(loops.allSatisfy { $0.terminationStatus == 0 })
        let told = try (0..<2).map { index in
            try String(contentsOf: workspace.folder.appendingPathComponent("numbers-\(index)"), encoding: .utf8)
                .split(separator: "\n").compactMap { Int($0) }
        }
        #expect(told.map(\.count) == [6, 6])
        #expect(Set(told[0]).isDisjoint(with: told[1]))
        let trials = try workspace.trials()
        #expect(trials.map(\.number) == Array(0..<12))
        for trial in trials {
            #expect(trial.state == .complete)
            let x = try #require(trial.parameters["x"]?.number)
            #expect(abs((trial.value ?? .nan) - (x - 0.3) * (x - 0.3)) < 1e-12, "trial \(trial.number)")
        }
    }

    /// TPE sees every told trial: after its ten random startup trials it samples closer to the
    /// minimum at 0.3 than they did (a sampler blind to the history would not).
    @Test func tpeLearnsFromTheToldTrials() throws {
        let workspace = try Workspace()
        var distances: [Double] = []
        for _ in 0..<20 {
            let asked = try workspace.ask(["--search", "tpe", "--seed", "1", "--json"])
            #expect(asked.status == 0, "\(asked.standardError)")
            let json = try #require(asked.json)
            let number = try #require(json["trial"] as? Int)
            let x = try #require((json["params"] as? [String: Any])?["x"] as? Double)
            distances.append(abs(x - 0.3))
            let told = try workspace.tell(["--trial", "\(number)", "--value", "\((x - 0.3) * (x - 0.3))"])
            #expect(told.status == 0, "\(told.standardError)")
        }
        let random = distances[..<10].reduce(0, +) / 10, modelled = distances[10...].reduce(0, +) / 10
        #expect(modelled < 0.75 * random, "mean distance to the minimum: \(random) random, \(modelled) by TPE")
    }

    @Test func askAndTellPrintOneJSONDocumentAndTheText() throws {
        let workspace = try Workspace(space: """
            kind: {type: categorical, choices: [a, b]}
            k: {type: int, low: 1, high: 5, condition: {parent: kind, value: b}}
            """)
        let asked = try workspace.ask(["--search", "random", "--seed", "3", "--json"])
        #expect(asked.status == 0 && asked.standardError.isEmpty, "\(asked.standardError)")
        let json = try #require(asked.json)
        #expect(Set(json.keys) == ["trial", "params"])
        let params = try #require(json["params"] as? [String: Any])
        #expect(Set(params.keys) == (params["kind"] as? String == "b" ? ["kind", "k"] : ["kind"]))
        let told = try workspace.tell(["--trial", "0", "--value", "-1.5", "--json"])
        #expect(told.status == 0, "\(told.standardError)")
        let result = try #require(told.json)
        #expect(result["trial"] as? Int == 0 && result["state"] as? String == "COMPLETE" && result["value"] as? Double == -1.5)
        #expect(result["best_trial"] as? Int == 0 && result["best_value"] as? Double == -1.5)

        let text = try workspace.ask()
        #expect(text.standardOutput.hasPrefix("trial 1: kind="), "\(text.standardOutput)")
        let pruned = try workspace.tell(["--trial", "1", "--state", "pruned"])
        #expect(pruned.standardOutput == "trial 1 PRUNED; best -1.5 (trial 0)\n")
        #expect(try workspace.trials().map(\.state) == [.complete, .pruned])
    }

    @Test func tellRefusesWhatItCannotDo() throws {
        let workspace = try Workspace()
        let missing = try workspace.tell(["--trial", "0", "--value", "1"])
        #expect(missing.status == 64 && missing.standardError.contains("no study database at"), "\(missing.standardError)")
        #expect(try workspace.ask().status == 0)
        let both = try workspace.tell(["--trial", "0", "--value", "1", "--state", "fail"])
        #expect(both.status == 64 && both.standardError.hasPrefix("Error: give exactly one of --value V and --state"))
        let neither = try workspace.tell(["--trial", "0"])
        #expect(neither.status == 64 && neither.standardError.hasPrefix("Error: give exactly one of --value V and --state"))
        let unknown = try workspace.tell(["--trial", "7", "--value", "1"])
        #expect(unknown.status == 64 && unknown.standardError == "Error: study 'q' has no trial 7 (its trials are numbered 0 to 0)\n")
        #expect(try workspace.tell(["--trial", "0", "--value", "1"]).status == 0)
        let again = try workspace.tell(["--trial", "0", "--state", "fail"])
        #expect(again.status == 64 && again.standardError.contains("trial 0 is already COMPLETE"), "\(again.standardError)")
        let otherStudy = try TuneTrainProcess.run(["tell", "--storage", workspace.storage, "--study", "nope", "--trial", "0", "--value", "1"])
        #expect(otherStudy.status == 64 && otherStudy.standardError == "Error: no study named 'nope' in this storage; it holds: q\n")
    }

    @Test func askRefusesWhatItCannotDo() throws {
        let workspace = try Workspace()
        let badSpace = workspace.folder.appendingPathComponent("bad.yaml").path
        try "x: {type: float, low: 1}\n".write(toFile: badSpace, atomically: true, encoding: .utf8)
        let unparsable = try TuneTrainProcess.run(["ask", "--storage", workspace.storage, "--study", "q", "--space", badSpace])
        #expect(unparsable.status == 65 && unparsable.standardError == "Error: \(badSpace): parameter 'x': needs 'high'\n")
        let absent = try TuneTrainProcess.run(["ask", "--storage", workspace.storage, "--study", "q", "--space", badSpace + ".none"])
        #expect(absent.status == 65 && absent.standardError.contains("cannot be read"), "\(absent.standardError)")
        let url = try TuneTrainProcess.run(["ask", "--storage", "postgresql://host/db", "--study", "q", "--space", workspace.space])
        #expect(url.status == 64 && url.standardError.contains("not an SQLite URL"), "\(url.standardError)")
        let gradient = try workspace.ask(["--search", "gradient"])
        #expect(gradient.status == 64 && gradient.standardError.hasPrefix("Error: --search gradient is not a sampler"))
        #expect(try workspace.ask().status == 0)
        let flipped = try workspace.ask(["--direction", "maximize"])
        #expect(flipped.status == 64 && flipped.standardError.contains("stored with direction minimize, not maximize"), "\(flipped.standardError)")
        let otherSpace = workspace.folder.appendingPathComponent("other.yaml").path
        try "x: {type: float, low: 0, high: 1}\n".write(toFile: otherSpace, atomically: true, encoding: .utf8)
        let redefined = try TuneTrainProcess.run(["ask", "--storage", workspace.storage, "--study", "q", "--space", otherSpace])
        #expect(redefined.status == 64 && redefined.standardError.contains("keep one distribution per name"), "\(redefined.standardError)")
        #expect(try workspace.trials().last?.state == .fail, "the trial that could not be sampled is not left RUNNING")
    }

    /// A grid study ends: once every point is claimed, ask fails (exit 1) saying so.
    @Test func anExhaustedGridHasNothingLeftToAsk() throws {
        let workspace = try Workspace(space: "kind: {type: categorical, choices: [a, b]}\n")
        let first = try workspace.ask(["--search", "grid"])
        let second = try workspace.ask(["--search", "grid"])
        #expect(Set([first.standardOutput, second.standardOutput]) == ["trial 0: kind=a\n", "trial 1: kind=b\n"]
                || Set([first.standardOutput, second.standardOutput]) == ["trial 0: kind=b\n", "trial 1: kind=a\n"])
        let third = try workspace.ask(["--search", "grid"])
        #expect(third.status == 1 && third.standardError.contains("every point of its grid"), "\(third.standardError)")
    }
}
