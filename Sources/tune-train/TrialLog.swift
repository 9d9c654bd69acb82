import Foundation
import TuneSearch

/// One plain line per finished trial on standard error:
/// `trial 12 COMPLETE 0.9583  best 0.9667 (trial 4)  n_estimators=50 max_depth=none`.
enum TrialLog {
    static let callback: StudyCallback = { study, trial in
        let best = (try? study.bestTrial) ?? nil
        let value = trial.value.map { String(format: "%.4f", $0) } ?? "-"
        let bestText = best.flatMap { record in record.value.map { String(format: "best %.4f (trial %d)", $0, record.number) } } ?? "best -"
        let parameters = trial.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let reason = trial.failReason.map { "  (\($0))" } ?? ""
        let line = "trial \(trial.number) \(trial.state.rawValue) \(value)  \(bestText)  \(parameters)\(reason)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
