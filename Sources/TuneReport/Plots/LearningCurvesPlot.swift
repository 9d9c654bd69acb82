import TuneSearch

/// The intermediate values of every trial that reported them, against the step: completed
/// trials in blue, pruned ones in orange ending in a cross where they were stopped, the best
/// trial thick and on top.
enum LearningCurvesPlot {
    /// Trials with at least one intermediate value.
    static func curves(_ study: StudySnapshot) -> [TrialRecord] {
        study.trials.filter { !$0.intermediateValues.isEmpty }
    }

    static func svg(_ study: StudySnapshot) -> String {
        var canvas = SVGCanvas(width: 1000, height: 480)
        let trials = curves(study)
        let steps = trials.flatMap { $0.intermediateValues.keys.map(Double.init) }
        let values = trials.flatMap { $0.intermediateValues.values }.filter(\.isFinite)
        let area = PlotArea(
            left: 70, top: 40, width: 900, height: 380,
            x: { .linear(covering: steps.isEmpty ? [0] : steps, pixels: ($0, $1)) },
            y: { study.valueScale(covering: values, pixels: ($0, $1)) })
        area.drawAxes(on: &canvas, xTitle: "step (epoch)", yTitle: "intermediate value")
        let bestNumber = study.best?.number
        // Pruned under completed, the best last, so what matters is drawn on top.
        func layer(_ trial: TrialRecord) -> Int {
            trial.number == bestNumber ? 4 : trial.state == .complete ? 3 : trial.state == .pruned ? 0 : 1
        }
        let drawn = trials.sorted { layer($0) < layer($1) }
        canvas.beginGroup(["class": "curves"])
        for trial in drawn {
            let points = trial.intermediateValues.sorted { $0.key < $1.key }.filter { $0.value.isFinite }
                .map { area.point(Double($0.key), $0.value) }
            let isBest = trial.number == bestNumber
            let colour: String
            switch trial.state {
            case _ where isBest: colour = TrialStyle.best
            case .pruned: colour = TrialStyle.pruned
            case .fail: colour = TrialStyle.failed
            default: colour = TrialStyle.complete
            }
            let title = "trial \(trial.number) \(trial.state.rawValue), \(trial.intermediateValues.count) steps"
            if points.count >= 2 {
                canvas.polyline(points, ["class": "curve", "stroke": colour, "stroke-width": isBest ? "3" : "1.2",
                                         "stroke-opacity": isBest ? "1" : "0.55"], title: title)
            } else if let only = points.first {
                canvas.circle(only.0, only.1, radius: 2.5, ["class": "curve", "fill": colour], title: title)
            }
            if trial.state == .pruned, let end = points.last {
                canvas.cross(end.0, end.1, size: 3.5, ["stroke": TrialStyle.pruned, "stroke-width": "1.5"])
            }
        }
        canvas.endGroup()
        Legend([
            ("complete", .line(colour: TrialStyle.complete, width: 1.5, dashed: false)),
            ("pruned (× where stopped)", .line(colour: TrialStyle.pruned, width: 1.5, dashed: false)),
            ("best trial", .line(colour: TrialStyle.best, width: 3, dashed: false)),
        ]).draw(on: &canvas, x: 70, y: 24)
        return canvas.rendered(label: "learning curves")
    }
}
