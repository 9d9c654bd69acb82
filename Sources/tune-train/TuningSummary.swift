import Foundation
import TuneExperiment

/// The end-of-study report printed without `--json`: the study's outcome, the top five trials,
/// repeats and ensemble when asked for, the final setting's test score, boundary warnings and
/// where the study is kept.
enum TuningSummary {
    static func text(_ result: TuningResult, colour: Colour = Colour(enabled: false)) -> String {
        let states = result.states
        var lines = [
            "study \(result.study): \(result.trialCount) trials, \(result.trialsRun) run now "
                + "(\(states.complete) complete, \(states.pruned) pruned, \(states.fail) failed) in \(String(format: "%.1f", result.seconds)) s",
            "search \(result.search), pruner \(result.pruner), model \(result.model) on \(result.data), seed \(result.seed)",
            "",
            "top \(result.topTrials.count) trials (\(result.metric)):",
            topTable(result.topTrials),
            "",
            colour.bold("best \(result.metric) \(String(format: "%.4f", result.bestValue)) (trial \(result.bestTrial)): \(parameters(result.bestParameters))"),
        ]
        if let repeats = result.repeats, let first = repeats.first {
            lines += ["", "re-run with \(first.values.count) seeds each (mean ± standard deviation):", repeatTable(repeats)]
            if result.finalTrial != result.bestTrial {
                lines.append("final setting: trial \(result.finalTrial) (best mean), not trial \(result.bestTrial) (best single run): \(parameters(result.finalParameters))")
            } else {
                lines.append("final setting: trial \(result.finalTrial), best both by its run and by its mean")
            }
        }
        lines.append("retrained on the training part: test \(result.metric) \(String(format: "%.4f", result.testScore)), train \(String(format: "%.4f", result.trainScore))")
        if let ensemble = result.ensemble {
            lines.append("ensemble of trials \(ensemble.trials.map(String.init).joined(separator: ", ")): test \(result.metric) "
                + "\(String(format: "%.4f", ensemble.testScore)) (members alone: \(ensemble.memberScores.map { String(format: "%.4f", $0) }.joined(separator: ", ")))")
        }
        for warning in result.warnings { lines.append("warning: \(warning)") }
        lines.append("stored in \(result.storage == "memory" ? "memory only (add --storage sqlite:///FILE to keep it)" : result.storage)")
        return lines.joined(separator: "\n")
    }

    private static func parameters(_ list: ParameterList) -> String {
        list.entries.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
    }

    /// Value, each parameter, state and seconds, one row per trial.
    static func topTable(_ trials: [TrialSummary]) -> String {
        var names: [String] = []
        for trial in trials { for entry in trial.params.entries where !names.contains(entry.name) { names.append(entry.name) } }
        let rows = trials.map { trial in
            ["\(trial.number)", trial.value.map { String(format: "%.4f", $0) } ?? "-"]
                + names.map { name in trial.params.entries.first { $0.name == name }.map { short($0.value) } ?? "-" }
                + [trial.state, trial.seconds.map { String(format: "%.1f", $0) } ?? "-"]
        }
        return TextTable(header: ["trial", "value"] + names + ["state", "seconds"], rows: rows).rendered
    }

    /// A value short enough for a table column: numbers to four significant digits.
    private static func short(_ value: ParameterList.Value) -> String {
        if case .number(let number) = value { return String(format: "%.4g", number) }
        return value.description
    }

    private static func repeatTable(_ repeats: [RepeatedSetting]) -> String {
        let rows = repeats.map { setting in
            ["\(setting.trial)", String(format: "%.4f", setting.trialValue), String(format: "%.4f", setting.mean),
             String(format: "%.4f", setting.standardDeviation), setting.values.map { String(format: "%.4f", $0) }.joined(separator: " ")]
        }
        return TextTable(header: ["trial", "its run", "mean", "std", "runs"], rows: rows).rendered
    }
}
