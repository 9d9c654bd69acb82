import TuneSearch

/// The forest's mean prediction over the two most important parameters (fANOVA's pairwise
/// marginal) as a viridis heat map, with the completed trials on top as white dots and the best
/// as a star.
enum HeatMapPlot {
    static func svg(_ study: StudySnapshot, surface: MarginalSurface) -> String? {
        let parameters = study.parameters
        guard let first = parameters.first(where: { $0.name == surface.parameters.0 }),
              let second = parameters.first(where: { $0.name == surface.parameters.1 }) else { return nil }
        var canvas = SVGCanvas(width: 720, height: 520)
        let area = PlotArea(left: 80, top: 20, width: 520, height: 440,
                            x: { first.scale(pixels: ($0, $1)) }, y: { second.scale(pixels: ($0, $1)) })
        area.drawAxes(on: &canvas, xTitle: first.title, yTitle: second.title)
        let (low, high) = (surface.values.min() ?? 0, surface.values.max() ?? 1)
        let (dark, bright) = study.direction == .maximize ? (low, high) : (high, low)
        let colour = ColourScale.viridis(lower: dark, upper: bright)
        let n = surface.resolution
        let (cellWidth, cellHeight) = (area.width / Double(n), area.height / Double(n))
        canvas.beginGroup(["class": "heat-map", "shape-rendering": "crispEdges"])
        for row in 0..<n {
            for column in 0..<n {
                // Rows follow the first parameter (x), columns the second (y, upwards).
                canvas.rect(x: area.left + Double(row) * cellWidth, y: area.bottom - Double(column + 1) * cellHeight,
                            width: cellWidth + 0.3, height: cellHeight + 0.3, ["fill": colour(surface.values[row * n + column])])
            }
        }
        canvas.endGroup()
        canvas.beginGroup(["class": "heat-map-trials", "fill": "#fff", "stroke": "#000", "stroke-width": "0.6"])
        for trial in study.completed {
            guard let x = first.axisValue(of: trial), let y = second.axisValue(of: trial) else { continue }
            canvas.circle(area.x.position(x), area.y.position(y), radius: 2.5, [:], title: "trial \(trial.number)")
        }
        canvas.endGroup()
        if let best = study.best, let x = first.axisValue(of: best), let y = second.axisValue(of: best) {
            canvas.star(area.x.position(x), area.y.position(y), radius: 9, ["fill": TrialStyle.bestMarker, "stroke": "#333"],
                        title: "best: trial \(best.number)")
        }
        ColourBar(lower: dark, upper: bright, title: "predicted value").draw(on: &canvas, x: area.right + 30, y: area.top + 20, height: 300)
        return canvas.rendered(label: "heat map")
    }
}
