import Foundation
import TuneSearch

/// One small plot per parameter: each completed trial's value against the parameter (log axes
/// for log parameters, one column per category, points spread a little within it), coloured by
/// trial number so the search's drift shows.
enum SlicePlot {
    static func svg(_ study: StudySnapshot) -> String {
        let parameters = study.parameters
        let trials = study.completed
        let values = trials.map { $0.value! }
        let columns = 3
        let (cellWidth, cellHeight) = (330.0, 260.0)
        let rows = max(1, (parameters.count + columns - 1) / columns)
        var canvas = SVGCanvas(width: cellWidth * Double(columns) + 80, height: cellHeight * Double(rows) + 10)
        let lastNumber = Double(study.trials.map(\.number).max() ?? 1)
        let colour = ColourScale.viridis(lower: 0, upper: lastNumber)
        for (index, parameter) in parameters.enumerated() {
            let (left, top) = (Double(index % columns) * cellWidth + 60, Double(index / columns) * cellHeight + 20)
            let area = PlotArea(left: left, top: top, width: cellWidth - 80, height: cellHeight - 70,
                                x: { parameter.scale(pixels: ($0, $1)) }, y: { study.valueScale(covering: values, pixels: ($0, $1)) })
            area.drawAxes(on: &canvas, xTitle: parameter.title, yTitle: "value")
            canvas.beginGroup(["class": "slice", "stroke": "#fff", "stroke-width": "0.4"])
            for trial in trials {
                guard var x = parameter.axisValue(of: trial) else { continue }
                if parameter.distribution.isCategorical {
                    // A fixed spread by trial number (golden-ratio steps): reproducible, no overlap pile-up.
                    x += ((Double(trial.number) * 0.618_033_988_75).truncatingRemainder(dividingBy: 1) - 0.5) * 0.4
                }
                canvas.circle(area.x.position(x), area.y.position(trial.value!), radius: 3,
                              ["class": "slice-point", "fill": colour(Double(trial.number))],
                              title: "trial \(trial.number): \(NumberLabel.text(trial.value!, significantDigits: 6))")
            }
            canvas.endGroup()
        }
        ColourBar(lower: 0, upper: lastNumber, title: "trial").draw(on: &canvas, x: cellWidth * Double(columns) + 20, y: 40, height: 160)
        return canvas.rendered(label: "slice plots")
    }
}
