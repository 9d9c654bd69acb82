import TuneExperiment

/// The HTML report of `bench-optimizers`: per problem, every optimizer's smoothed training loss
/// against the step (on a log axis when the losses span more than two decades), a diverged run
/// ending in a cross.
public struct OptimizerBenchReport: Sendable {
    public var result: OptimizerBenchResult

    public init(_ result: OptimizerBenchResult) {
        self.result = result
    }

    /// The problems in the order they ran.
    private var problems: [String] {
        result.runs.map(\.problem.rawValue).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    /// The page.
    public func html() -> String {
        let sections = problems.map { problem in
            HTMLPage.Section(id: "problem-\(problem)", title: problem,
                             note: "Training loss (mean over the last epoch of batches) after each of \(result.steps) steps.",
                             body: plot(result.runs.filter { $0.problem.rawValue == problem }))
        }
        return HTMLPage(title: "Optimizer benchmark", subtitle: "\(result.steps) steps per run, seed \(result.seed)",
                        sections: sections).rendered()
    }

    private func plot(_ runs: [OptimizerBenchResult.Run]) -> String {
        let samples = runs.map { $0.curve.sampled() }
        let losses = samples.flatMap(\.loss).filter(\.isFinite)
        let steps = samples.flatMap(\.steps).map(Double.init)
        var canvas = SVGCanvas(width: 1000, height: 460)
        let area = PlotArea(left: 80, top: 10, width: 880, height: 320,
                            x: { .linear(covering: steps.isEmpty ? [0] : steps, pixels: ($0, $1)) },
                            y: { .automatic(covering: losses, pixels: ($0, $1)) })
        area.drawAxes(on: &canvas, xTitle: "step", yTitle: "training loss" + (area.y.kind == .logarithmic ? " (log)" : ""))
        var legend: [(label: String, swatch: Legend.Swatch)] = []
        for (index, (run, sample)) in zip(runs, samples).enumerated() {
            let colour = SeriesPalette.colour(index)
            let points = zip(sample.steps, sample.loss).filter { $0.1.isFinite }.map { area.point(Double($0.0), $0.1) }
            let label = "\(run.optimizer.rawValue) (\(run.setting.summary))"
            canvas.polyline(points, ["class": "loss-curve", "stroke": colour, "stroke-width": "1.8"], title: label)
            if run.diverged, let end = points.last { canvas.cross(end.0, end.1, size: 5, ["stroke": colour, "stroke-width": "2"]) }
            legend.append((label + (run.diverged ? " diverged" : ""), .line(colour: colour, width: 2, dashed: false)))
        }
        Legend(legend).draw(on: &canvas, x: 80, y: area.bottom + 62, width: 880)
        return canvas.rendered(label: "loss against step")
    }
}
