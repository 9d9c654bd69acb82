import Foundation
import TuneSearch

/// The trials as an HTML table, one row per trial, every column sortable by a click (the page's
/// script sorts by each cell's `data-sort` key, numbers as numbers).
enum TrialsTable {
    static func html(_ study: StudySnapshot) -> String {
        let names = study.parameters.map(\.name)
        let header = ["number", "state", "value"] + names + ["steps", "seconds"]
        var rows: [String] = []
        rows.reserveCapacity(study.trials.count)
        for trial in study.trials {
            let parameters = trial.parameters
            var cells: [(text: String, key: String)] = [
                (String(trial.number), String(trial.number)), (trial.state.rawValue, trial.state.rawValue),
                numberCell(trial.value),
            ]
            for name in names {
                if let value = parameters[name] {
                    cells.append(value.number.map { numberCell($0) } ?? (value.description, value.description))
                } else {
                    cells.append(("–", ""))
                }
            }
            cells.append(trial.lastStep.map { (String($0), String($0)) } ?? ("–", ""))
            cells.append(numberCell(trial.duration))
            rows.append("<tr class=\"\(trial.state.rawValue.lowercased())\">"
                + cells.map { "<td data-sort=\"\($0.key.htmlEscaped)\">\($0.text.htmlEscaped)</td>" }.joined() + "</tr>")
        }
        let head = header.map { "<th title=\"sort by \($0.htmlEscaped)\">\($0.htmlEscaped)</th>" }.joined()
        return "<table class=\"trials sortable\"><thead><tr>\(head)</tr></thead><tbody>\n" + rows.joined(separator: "\n") + "\n</tbody></table>"
    }

    /// A number's label and its full-precision sort key; an empty key for a missing number.
    private static func numberCell(_ value: Double?) -> (text: String, key: String) {
        guard let value else { return ("–", "") }
        return (NumberLabel.text(value, significantDigits: 6), "\(value)")
    }
}
