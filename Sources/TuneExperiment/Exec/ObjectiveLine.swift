import Foundation

/// What a line of a trial command's standard output tells the study: the objective (a line
/// that is a number, or a JSON object `{"value": v}`) or an intermediate value for the pruner
/// (`{"step": k, "value": v}`). Other lines (logs, progress bars) say nothing.
public enum ObjectiveLine: Equatable, Sendable {
    /// A candidate for the trial's value; the last one printed wins.
    case value(Double)
    /// The objective after `step` steps (an epoch, say).
    case intermediate(step: Int, value: Double)

    /// The JSON form of a line.
    private struct Report: Decodable {
        var step: Int?
        var value: Double
    }

    /// Reads one line (surrounding white space ignored); nil when it is neither a number nor a
    /// report. `nan` and `inf` read as numbers, so the trial fails naming them.
    public init?(_ line: some StringProtocol) {
        let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("{"), text.hasSuffix("}") {
            guard let report = try? JSONDecoder().decode(Report.self, from: Data(text.utf8)) else { return nil }
            if let step = report.step {
                guard step >= 0 else { return nil }
                self = .intermediate(step: step, value: report.value)
            } else {
                self = .value(report.value)
            }
            return
        }
        guard let number = Double(text) else { return nil }
        self = .value(number)
    }
}
