import Foundation
import TuneExperiment

/// The end-of-study summary printed without `--json`.
enum TuningSummary {
    static func text(_ result: TuningResult) -> String {
        let states = result.states
        let parameters = result.bestParameters.entries.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
        return """
            study \(result.study) (\(result.storage)): \(result.trialCount) trials, \(result.trialsRun) run now \
            (\(states.complete) complete, \(states.pruned) pruned, \(states.fail) failed) in \(String(format: "%.1f", result.seconds)) s
            search \(result.search), pruner \(result.pruner), model \(result.model) on \(result.data), seed \(result.seed)
            best \(result.metric) \(String(format: "%.4f", result.bestValue)) (trial \(result.bestTrial)): \(parameters)
            retrained on the training part: test \(result.metric) \(String(format: "%.4f", result.testScore)), train \(String(format: "%.4f", result.trainScore))
            """
    }
}
