import Foundation
import Testing

/// What a tuning run shows while it works: a progress line redrawn in place on a terminal, plain
/// per-trial lines elsewhere, colours only on a terminal and never with NO_COLOR.
@Suite(.serialized) struct ProgressDisplayTests {
    static let study = ["--model", "logistic", "--data", "iris", "--search", "random", "--trials", "6", "--param", "epochs=3", "--seed", "2"]

    @Test func aTerminalGetsOneProgressLineRedrawnInPlaceInColour() throws {
        let outcome = try TuneTrainProcess.runOnTerminal(Self.study, environment: ["NO_COLOR": ""])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let terminal = outcome.standardError
        // Each redraw returns to the start of the line and clears it; the last shows 6 of 6.
        #expect(terminal.contains("\r\u{1B}[2K["))
        #expect(terminal.contains("[6/6] "))
        #expect(terminal.contains("elapsed"))
        #expect(terminal.contains("best "))
        // Without --verbose no per-trial line reaches the terminal.
        #expect(!terminal.contains("trial 0 COMPLETE"))
        #expect(terminal.contains("\u{1B}[1m"), "the best value is bold on a terminal")
        #expect(outcome.standardOutput.contains("top "))
    }

    @Test func noColorTurnsColoursOffButKeepsTheLiveLine() throws {
        let outcome = try TuneTrainProcess.runOnTerminal(Self.study + ["--verbose"], environment: ["NO_COLOR": "1"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("\r\u{1B}[2K"))
        #expect(!outcome.standardError.contains("\u{1B}[1m") && !outcome.standardError.contains("\u{1B}[3"))
        // --verbose prints each trial above the line.
        #expect(outcome.standardError.contains("trial 0 "))
    }

    @Test func aPipeGetsOnePlainLinePerTrial() throws {
        let outcome = try TuneTrainProcess.run(Self.study)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("\u{1B}") && !outcome.standardError.contains("\r"))
        let trialLines = outcome.standardError.split(separator: "\n").filter { $0.hasPrefix("trial ") }
        #expect(trialLines.count == 6)
        #expect(!outcome.standardOutput.contains("\u{1B}"))
    }

    @Test func quietPrintsNothingWhileRunningAndJSONKeepsStandardOutputClean() throws {
        let quiet = try TuneTrainProcess.run(Self.study + ["--quiet"])
        #expect(quiet.standardError.isEmpty, "\(quiet.standardError)")
        let json = try TuneTrainProcess.run(Self.study + ["--json"])
        #expect(json.json != nil, "stdout must be one JSON document: \(json.standardOutput)")
        #expect(json.standardError.split(separator: "\n").filter { $0.hasPrefix("trial ") }.count == 6)
    }

    /// The end of a study: the top-5 table with a column per parameter, the best parameters,
    /// the test score and where the study is kept.
    @Test func theSummaryShowsTheTopFiveTheBestAndTheTestScore() throws {
        let outcome = try TuneTrainProcess.run(Self.study + ["--quiet"])
        let text = outcome.standardOutput
        #expect(text.contains("top 5 trials (accuracy):"))
        let header = try #require(text.split(separator: "\n").first { $0.hasPrefix("trial") && $0.contains("value") })
        for column in ["lr", "alpha", "state", "seconds"] { #expect(header.contains(column), "\(header)") }
        #expect(text.contains("best accuracy "))
        #expect(text.contains("test accuracy "))
        #expect(text.contains("stored in memory only"))
    }
}
