import Foundation
import Testing
import TuneSQLite
import TuneSearch

/// `tune-train exec` end to end: it tunes a real program, fails and times out trials without
/// stopping the study, prunes from a command's reports, resumes a stored study, and refuses
/// unusable input with one line and the documented code.
@Suite(.serialized) struct ExecCommandTests {
    /// A fresh folder holding `x: float in [0, 1]` as s.yaml.
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tune-train-exec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "x: {type: float, low: 0, high: 1}\n".write(to: folder.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    static func exec(_ options: [String], _ command: [String], in folder: URL) throws -> TuneTrainProcess.Outcome {
        try TuneTrainProcess.run(["exec", "--space", folder.appendingPathComponent("s.yaml").path] + options + ["--"] + command)
    }

    static func trials(storage: URL, study: String) throws -> [TrialRecord] {
        let database = try SQLiteStorage(path: storage.path)
        let stored = try #require(try database.study(named: study))
        return try database.trials(studyID: stored.id)
    }

    @Test func tpeFindsTheMinimumOfAPythonOneLiner() throws {
        let folder = try Self.folder()
        let outcome = try Self.exec(["--search", "tpe", "--trials", "30", "--json", "--quiet"], ["python3", "-c", "print(({x}-0.3)**2)"], in: folder)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try #require(outcome.json)
        #expect(Array(json.keys).sorted() == ["best_params", "best_trial", "best_value", "direction", "states", "study", "trials"])
        #expect(json["trials"] as? Int == 30 && json["direction"] as? String == "minimize")
        let x = try #require((json["best_params"] as? [String: Any])?["x"] as? Double)
        #expect(abs(x - 0.3) < 0.05, "best x \(x)")
        #expect(outcome.standardError.isEmpty, "--quiet prints nothing per trial")
    }

    @Test func aFailingCommandFailsItsTrialWithItsStandardErrorAndTheStudyGoesOn() throws {
        let folder = try Self.folder()
        let storage = folder.appendingPathComponent("study.db")
        let script = """
            if [ "$TT_TRIAL_NUMBER" = 1 ]; then echo 'Traceback (most recent call last):' >&2; echo 'ValueError: boom' >&2; exit 3; fi
            if [ "$TT_TRIAL_NUMBER" = 2 ]; then echo nan; exit 0; fi
            if [ "$TT_TRIAL_NUMBER" = 3 ]; then echo 'no number here'; exit 0; fi
            echo 5; echo "{\\"value\\": $TT_PARAM_X}"; echo done
            """
        let outcome = try Self.exec(["--search", "random", "--trials", "6", "--storage", "sqlite:///\(storage.path)", "--study", "f", "--json"],
                                    ["sh", "-c", script], in: folder)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try #require(outcome.json)
        #expect(json["states"] as? [String: Int] == ["COMPLETE": 3, "PRUNED": 0, "FAIL": 3, "RUNNING": 0, "WAITING": 0])
        let trials = try Self.trials(storage: storage, study: "f")
        #expect(trials[1].failReason == "exited with status 3; standard error ends: Traceback (most recent call last): | ValueError: boom")
        #expect(trials[2].failReason?.hasPrefix("printed nan, not a finite number") == true, "\(trials[2].failReason ?? "")")
        #expect(trials[3].failReason?.hasPrefix("printed no value") == true, "\(trials[3].failReason ?? "")")
        for trial in trials where trial.state == .complete {
            #expect(trial.value == trial.parameters["x"]?.number, "the JSON value line, not the 5 before it")
        }
        #expect(outcome.standardError.contains("trial 1 FAIL") && outcome.standardError.contains("ValueError: boom"))
    }

    @Test func placeholdersAndVariablesCarryTheSameValues() throws {
        let folder = try Self.folder()
        let outcome = try Self.exec(["--search", "qmc", "--trials", "4", "--json", "--quiet"],
                                    ["sh", "-c", #"test "$TT_PARAM_X" = "{x}" && test "$TT_TRIAL_NUMBER" -ge 0 && echo '{x}'"#], in: folder)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect((outcome.json?["states"] as? [String: Int])?["COMPLETE"] == 4)
    }

    @Test func aCommandPastItsTimeoutIsStoppedAndItsTrialFailed() throws {
        let folder = try Self.folder()
        let storage = folder.appendingPathComponent("study.db")
        let outcome = try Self.exec(
            ["--trials", "2", "--trial-timeout", "0.5", "--storage", "sqlite:///\(storage.path)", "--study", "t", "--json", "--quiet"],
            ["sh", "-c", #"if [ "$TT_TRIAL_NUMBER" = 0 ]; then echo waiting >&2; sleep 30; fi; echo {x}"#], in: folder)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let trials = try Self.trials(storage: storage, study: "t")
        // SIGKILL would come 3 s after the timeout: SIGTERM stopped the shell and its sleeping
        // child. Timed by the trial's own stored times, so a busy machine's slow process starts
        // do not count.
        if let started = trials.first?.started, let completed = trials.first?.completed {
            #expect(completed.timeIntervalSince(started) < 3.4, "stopped by SIGTERM")
        } else {
            Issue.record("the timed-out trial has no start or completion time")
        }
        #expect(trials.map(\.state) == [.fail, .complete])
        #expect(trials[0].failReason == "timed out after 0.5 s; standard error ends: waiting")
    }

    @Test func reportedStepsReachThePrunerWhichStopsTheCommand() throws {
        let folder = try Self.folder()
        let finished = folder.appendingPathComponent("finished")
        try FileManager.default.createDirectory(at: finished, withIntermediateDirectories: true)
        // The value at each step is x times the steps left; a pruned run never reaches its end.
        let script = """
            for s in 0 1 2 3 4 5 6 7; do echo "{\\"step\\": $s, \\"value\\": $(awk "BEGIN { print {x} * (10 - $s) }")}"; sleep 0.02; done
            touch \(finished.path)/$TT_TRIAL_NUMBER; echo {x}
            """
        let outcome = try Self.exec(["--search", "random", "--trials", "14", "--pruner", "median", "--json", "--quiet"], ["sh", "-c", script], in: folder)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let states = try #require(outcome.json?["states"] as? [String: Int])
        let pruned = try #require(states["PRUNED"])
        #expect(pruned > 0 && states["COMPLETE"] == 14 - pruned)
        #expect(try FileManager.default.contentsOfDirectory(atPath: finished.path).count == 14 - pruned)
    }

    /// Whether process `pid` exists and is not a zombie (a container's first process may never
    /// reap an orphan).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let state = stat.split(separator: ")").last?.split(separator: " ").first else { return false }
        return state != "Z"
    }

    @Test func anInterruptedStudyStopsItsRunningCommands() throws {
        let folder = try Self.folder()
        let pids = folder.appendingPathComponent("pids")
        let process = try TuneTrainProcess.start(["exec", "--space", folder.appendingPathComponent("s.yaml").path, "--trials", "2",
                                                  "--jobs", "2", "--", "sh", "-c", "echo $$ >> \(pids.path); exec sleep 30"])
        let deadline = Date().addingTimeInterval(20)
        var started: [Int32] = []
        while started.count < 2, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            started = ((try? String(contentsOf: pids, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { Int32($0) }
        }
        #expect(started.count == 2)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGINT)
        // The commands get the signal as tune-train stops; on a busy machine they may take a moment
        // to go, so wait for them (a few seconds at most) rather than a fixed time.
        let stopDeadline = Date().addingTimeInterval(5)
        while started.contains(where: Self.isRunning), Date() < stopDeadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(started.allSatisfy { !Self.isRunning($0) }, "the commands were stopped with tune-train")
    }

    @Test func aStoredStudyResumesToItsTrialCount() throws {
        let folder = try Self.folder()
        let storage = folder.appendingPathComponent("study.db")
        let options = ["--search", "random", "--storage", "sqlite:///\(storage.path)", "--json", "--quiet"]
        let first = try Self.exec(options + ["--trials", "2"], ["echo", "{x}"], in: folder)
        let second = try Self.exec(options + ["--trials", "5"], ["echo", "{x}"], in: folder)
        #expect(first.json?["trials"] as? Int == 2 && second.json?["trials"] as? Int == 5, "\(second.standardError)")
        #expect(second.json?["study"] as? String == "exec-echo-random")
        let flipped = try Self.exec(options + ["--direction", "maximize"], ["echo", "{x}"], in: folder)
        #expect(flipped.status == 64 && flipped.standardError.contains("direction"), "\(flipped.standardError)")
    }

    /// Four one-second commands with `--jobs 4` all start before the first ends (told by the
    /// trials' stored times, which a busy machine's slow process starts do not blur).
    @Test func jobsRunCommandsAtOnce() throws {
        let folder = try Self.folder()
        let storage = folder.appendingPathComponent("study.db")
        let outcome = try Self.exec(["--search", "random", "--trials", "4", "--jobs", "4", "--storage", "sqlite:///\(storage.path)",
                                     "--study", "j", "--json", "--quiet"], ["sh", "-c", "sleep 1; echo {x}"], in: folder)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let trials = try Self.trials(storage: storage, study: "j")
        let lastStart = try #require(trials.compactMap(\.started).max())
        let firstEnd = try #require(trials.compactMap(\.completed).min())
        #expect(trials.count == 4 && lastStart < firstEnd, "four one-second commands at once")
    }

    @Test func userErrorsPrintOneLineAndTheirCode() throws {
        let folder = try Self.folder()
        try "x: {type: flot, low: 0, high: 1}\n".write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let cases: [(arguments: [String], status: Int32, mentions: String)] = [
            (["--space", folder.appendingPathComponent("bad.yaml").path, "--", "echo", "{x}"], 65, "flot"),
            (["--space", folder.appendingPathComponent("missing.yaml").path, "--", "echo", "{x}"], 65, "missing.yaml"),
            (["--space", folder.appendingPathComponent("s.yaml").path], 64, "after --"),
            (["--space", folder.appendingPathComponent("s.yaml").path, "--", "echo", "{y}"], 64, "{y}, which is not a parameter of the space (x)"),
            (["--space", folder.appendingPathComponent("s.yaml").path, "--", "no-such-program-here", "{x}"], 64, "no-such-program-here"),
            (["--space", folder.appendingPathComponent("s.yaml").path, "--search", "gradient", "--", "echo", "{x}"], 64, "choose a sampler"),
            (["--space", folder.appendingPathComponent("s.yaml").path, "--trial-timeout", "0", "--", "echo", "{x}"], 64, "--trial-timeout"),
        ]
        for (arguments, status, mentions) in cases {
            let outcome = try TuneTrainProcess.run(["exec"] + arguments)
            let first = outcome.standardError.split(separator: "\n").first.map(String.init) ?? ""
            #expect(outcome.status == status, "\(arguments): \(outcome.standardError)")
            #expect(first.hasPrefix("Error: ") && first.contains(mentions), "\(arguments): \(outcome.standardError)")
            #expect(outcome.standardOutput.isEmpty)
        }
    }

    @Test func aStudyWithoutACompletedTrialFails() throws {
        let folder = try Self.folder()
        let outcome = try Self.exec(["--trials", "2", "--json", "--quiet"], ["sh", "-c", "echo oops >&2; exit 1"], in: folder)
        #expect(outcome.status == 1 && outcome.standardOutput.isEmpty)
        #expect(outcome.standardError == "Error: study 'exec-sh-tpe' has no completed trial among 2; the first failure: exited with status 1; standard error ends: oops\n")
    }
}
