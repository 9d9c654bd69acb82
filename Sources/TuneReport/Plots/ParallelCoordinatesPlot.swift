import TuneSearch

/// One vertical axis per parameter and a last one for the value; each completed trial is a line
/// through its settings, coloured by its value (yellow best), the best lines drawn last.
enum ParallelCoordinatesPlot {
    static func svg(_ study: StudySnapshot) -> String {
        let parameters = study.parameters
        let trials = study.completed
        let values = trials.map { $0.value! }
        let axisCount = parameters.count + 1
        let spacing = max(110, min(200, 860 / Double(max(axisCount - 1, 1))))
        var canvas = SVGCanvas(width: 140 + spacing * Double(axisCount - 1) + 90, height: 420)
        let (top, bottom) = (50.0, 370.0)
        let xs = (0..<axisCount).map { 80 + spacing * Double($0) }
        let scales = parameters.map { $0.scale(pixels: (bottom, top)) } + [study.valueScale(covering: values, pixels: (bottom, top))]
        let (low, high) = (values.min() ?? 0, values.max() ?? 1)
        // Maximised studies colour high values yellow, minimised ones low values.
        let (dark, bright) = study.direction == .maximize ? (low, high) : (high, low)
        let colour = ColourScale.viridis(lower: dark, upper: bright)
        let ordered = trials.sorted { study.direction.isBetter($1.value!, than: $0.value!) }
        canvas.beginGroup(["class": "lines", "fill": "none", "stroke-width": "1.2", "stroke-opacity": "0.7"])
        for trial in ordered {
            let points = scales.indices.compactMap { axis -> (Double, Double)? in
                let value = axis < parameters.count ? parameters[axis].axisValue(of: trial) : trial.value
                return value.map { (xs[axis], scales[axis].position($0)) }
            }
            canvas.polyline(points, ["class": "trial-line", "stroke": colour(trial.value!)],
                            title: "trial \(trial.number): \(NumberLabel.text(trial.value!, significantDigits: 6))")
        }
        canvas.endGroup()
        canvas.beginGroup(["class": "axis"])
        for (axis, scale) in scales.enumerated() {
            canvas.line(xs[axis], top, xs[axis], bottom, ["stroke": "#333"])
            for tick in scale.ticks {
                let y = scale.position(tick.value)
                canvas.line(xs[axis] - 4, y, xs[axis], y, ["stroke": "#333"])
                canvas.text(xs[axis] - 6, y + 3.5, tick.label, anchor: "end", size: 10, ["paint-order": "stroke", "stroke": "#fff", "stroke-width": "3"])
            }
            canvas.text(xs[axis], top - 14, axis < parameters.count ? parameters[axis].title : "value", anchor: "middle", size: 12,
                        ["font-weight": "bold"])
        }
        canvas.endGroup()
        ColourBar(lower: dark, upper: bright, title: "value").draw(on: &canvas, x: xs.last! + 40, y: top + 10, height: bottom - top - 20)
        return canvas.rendered(label: "parallel coordinates")
    }
}
