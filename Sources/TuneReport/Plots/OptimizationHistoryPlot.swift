import TuneSearch

/// Every finished trial's value against its number, the best-so-far line and the best trial
/// starred: completed trials filled, pruned ones hollow, failed ones (which have no value) as
/// crosses along the bottom edge.
enum OptimizationHistoryPlot {
    static func svg(_ study: StudySnapshot) -> String {
        var canvas = SVGCanvas(width: 1000, height: 480)
        let finished = study.trials.filter(\.state.isFinished)
        let valued = finished.filter { $0.state != .fail && $0.value?.isFinite == true }
        let numbers = finished.map { Double($0.number) }
        let area = PlotArea(
            left: 70, top: 40, width: 900, height: 380,
            x: { .linear(covering: numbers.isEmpty ? [0] : numbers, pixels: ($0, $1)) },
            y: { study.valueScale(covering: valued.map { $0.value! }, pixels: ($0, $1)) })
        area.drawAxes(on: &canvas, xTitle: "trial", yTitle: "objective value (\(study.direction.rawValue.lowercased()))")

        var bestSoFar: [(Double, Double)] = []
        var incumbent: Double?
        for trial in study.completed {
            let value = trial.value!
            if incumbent == nil || study.direction.isBetter(value, than: incumbent!) {
                if let incumbent { bestSoFar.append(area.point(Double(trial.number), incumbent)) }
                incumbent = value
                bestSoFar.append(area.point(Double(trial.number), value))
            }
        }
        if let incumbent, let last = numbers.max() { bestSoFar.append(area.point(last, incumbent)) }
        canvas.polyline(bestSoFar, ["stroke": TrialStyle.best, "stroke-width": "2", "class": "best-so-far"])

        canvas.beginGroup(["class": "trials"])
        for trial in finished {
            let title = "trial \(trial.number) \(trial.state.rawValue)" + (trial.value.map { ": " + NumberLabel.text($0, significantDigits: 6) } ?? "")
            let x = area.x.position(Double(trial.number))
            switch trial.state {
            case .complete where trial.value?.isFinite == true:
                canvas.circle(x, area.y.position(trial.value!), radius: 3.5,
                              ["class": "trial-point", "fill": TrialStyle.complete, "stroke": "#fff", "stroke-width": "0.5"], title: title)
            case .pruned where trial.value?.isFinite == true:
                canvas.circle(x, area.y.position(trial.value!), radius: 3.5,
                              ["class": "trial-point", "fill": "#fff", "stroke": TrialStyle.pruned, "stroke-width": "1.5"], title: title)
            default:
                // No value to place: a cross on the bottom edge (orange for a pruned trial that reported nothing).
                let colour = trial.state == .pruned ? TrialStyle.pruned : TrialStyle.failed
                canvas.cross(x, area.bottom - 7, size: 4, ["class": "trial-point", "stroke": colour, "stroke-width": "2"], title: title)
            }
        }
        canvas.endGroup()

        if let best = study.best {
            let (x, y) = area.point(Double(best.number), best.value!)
            canvas.star(x, y, radius: 9, ["fill": TrialStyle.bestMarker, "stroke": "#333", "class": "best-trial"],
                        title: "best: trial \(best.number)")
            let label = "best \(NumberLabel.text(best.value!, significantDigits: 6)) (trial \(best.number))"
            let anchor = x > area.left + area.width * 0.7 ? "end" : "start"
            canvas.text(anchor == "end" ? x - 12 : x + 12, y < area.top + 20 ? y + 18 : y - 10, label, anchor: anchor, size: 12,
                        ["font-weight": "bold"])
        }
        Legend([
            ("complete", TrialStyle.completeDot), ("pruned (last reported value)", TrialStyle.prunedDot),
            ("failed", .cross(colour: TrialStyle.failed)), ("best so far", .line(colour: TrialStyle.best, width: 2, dashed: false)),
            ("best trial", .star(colour: TrialStyle.bestMarker)),
        ]).draw(on: &canvas, x: 70, y: 24)
        return canvas.rendered(label: "optimisation history")
    }
}
