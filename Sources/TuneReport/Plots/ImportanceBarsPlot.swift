/// Horizontal bars of fANOVA importances: each parameter's main effect, then the pairs'
/// interactions, as fractions of the objective's variance.
enum ImportanceBarsPlot {
    /// Pairs shown at most (the rest are smaller).
    static let pairLimit = 10

    static func svg(_ importances: ParameterImportances) -> String {
        let entries = importances.single.map { ($0, false) } + importances.pairs.prefix(pairLimit).map { ($0, true) }
        let rowHeight = 22.0
        let labelWidth = 260.0
        var canvas = SVGCanvas(width: 900, height: Double(entries.count) * rowHeight + 60)
        let largest = max(entries.map(\.0.importance).max() ?? 0, 1e-9)
        let area = PlotArea(left: labelWidth, top: 10, width: 560, height: Double(entries.count) * rowHeight,
                            x: { AxisScale(kind: .linear, domain: (0, largest * 1.1), pixels: ($0, $1)) },
                            y: { AxisScale(kind: .linear, domain: (Double(entries.count), 0), pixels: ($0, $1)) })
        canvas.beginGroup(["class": "importance-bars"])
        for (index, (entry, isPair)) in entries.enumerated() {
            let y = area.top + Double(index) * rowHeight
            let label = entry.parameters.joined(separator: " × ")
            canvas.text(labelWidth - 8, y + rowHeight * 0.65, label, anchor: "end", size: 11)
            canvas.rect(x: area.left, y: y + 3, width: area.x.position(entry.importance) - area.left, height: rowHeight - 6,
                        ["class": isPair ? "bar pair" : "bar single", "fill": isPair ? "#9ecae1" : "#3182bd"],
                        title: "\(label): \(NumberLabel.text(entry.importance * 100, significantDigits: 3))% of the variance, "
                            + "\(NumberLabel.text(importances.share(of: entry) * 100, significantDigits: 3))% of all importance listed")
            canvas.text(area.x.position(entry.importance) + 4, y + rowHeight * 0.65,
                        NumberLabel.text(entry.importance * 100, significantDigits: 3) + "%", size: 10)
        }
        canvas.endGroup()
        canvas.line(area.left, area.top, area.left, area.bottom, ["stroke": "#666"])
        Legend([
            ("single parameter (main effect)", .line(colour: "#3182bd", width: 8, dashed: false)),
            ("pair (interaction only)", .line(colour: "#9ecae1", width: 8, dashed: false)),
        ]).draw(on: &canvas, x: labelWidth, y: area.bottom + 30)
        return canvas.rendered(label: "hyperparameter importances")
    }
}
