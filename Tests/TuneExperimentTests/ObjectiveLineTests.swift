import Testing
import TuneExperiment

/// How `tune-train exec` reads its commands' standard output.
@Suite struct ObjectiveLineTests {
    @Test func numbersAndValueReportsAreObjectives() {
        #expect(ObjectiveLine("0.25") == .value(0.25))
        #expect(ObjectiveLine("  -3e-2 \r") == .value(-0.03))
        #expect(ObjectiveLine(#"{"value": 1.5, "note": "x"}"#) == .value(1.5))
        #expect(ObjectiveLine(#"{"step": 3, "value": 0.5}"#) == .intermediate(step: 3, value: 0.5))
    }

    @Test func nonFiniteNumbersAreReadSoTheTrialCanFailNamingThem() {
        guard case .value(let value)? = ObjectiveLine("nan") else {
            Issue.record("nan was not read")
            return
        }
        #expect(value.isNaN)
        #expect(ObjectiveLine("inf") == .value(.infinity))
    }

    @Test func otherLinesSayNothing() {
        for line in ["", "epoch 3: loss 0.25", "{}", #"{"step": 1}"#, #"{"step": -1, "value": 2}"#, #"{"value": "high"}"#, "[1]"] {
            #expect(ObjectiveLine(line) == nil, "\(line)")
        }
    }
}
