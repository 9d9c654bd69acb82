import Foundation
import TuneSearch

/// The HTML report of one study (issue 9): metadata, optimisation history, learning curves,
/// fANOVA importances, the heat map of the two most important parameters, parallel coordinates,
/// slice plots and the sortable trials table, in one self-contained file.
public struct StudyReport: Sendable {
    public var study: StudySnapshot
    /// Seeds the importance forest.
    public var seed: UInt64

    public init(_ study: StudySnapshot, seed: UInt64 = 0) {
        self.study = study
        self.seed = seed
    }

    /// The section identifiers, in page order (tests look for each).
    public static let sectionIDs = ["metadata", "history", "learning-curves", "importance", "heat-map", "parallel-coordinates", "slices", "trials"]

    /// The page.
    public func html() -> String {
        let importances: ParameterImportances?
        var importanceProblem = "fANOVA needs at least two completed trials with different values and a parameter that varies."
        do {
            importances = try FanovaImportance(seed: seed).evaluate(study.trials)
        } catch {
            importances = nil
            importanceProblem = "fANOVA failed: \(error)"
        }
        let completed = study.completed
        let curves = LearningCurvesPlot.curves(study)
        let noCompleted = HTMLPage.emptyNote("No completed trial yet.")
        let sections: [HTMLPage.Section] = [
            .init(id: "metadata", title: "Study", note: "", body: StudyMetadata.html(study)),
            .init(id: "history", title: "Optimisation history",
                  note: "Each finished trial's value; the line is the best value so far, the star the best trial.",
                  body: study.trials.contains(where: \.state.isFinished) ? OptimizationHistoryPlot.svg(study) : HTMLPage.emptyNote("No finished trial yet.")),
            .init(id: "learning-curves", title: "Learning curves",
                  note: "Intermediate values of the \(curves.count) trials that reported them; pruned trials stop where the pruner cut them (×).",
                  body: curves.isEmpty ? HTMLPage.emptyNote("No trial reported intermediate values.") : LearningCurvesPlot.svg(study)),
            .init(id: "importance", title: "Hyperparameter importances (fANOVA)",
                  note: importances.map { "Fraction of the objective's variance explained by each parameter alone and by each pair's interaction (Hutter et al. 2014), from a 64-tree random forest fitted on \($0.trialCount) completed trials." } ?? "",
                  body: importances.map(ImportanceBarsPlot.svg) ?? HTMLPage.emptyNote(importanceProblem)),
            .init(id: "heat-map", title: "Heat map of the two most important parameters",
                  note: importances?.surface.map { "The forest's mean prediction over \($0.parameters.0) and \($0.parameters.1), the other parameters averaged out; dots are completed trials." } ?? "",
                  body: importances?.surface.flatMap { HeatMapPlot.svg(study, surface: $0) }
                      ?? HTMLPage.emptyNote("Needs importances over at least two parameters.")),
            .init(id: "parallel-coordinates", title: "Parallel coordinates",
                  note: "Each completed trial as a line through its parameters and value, coloured by value.",
                  body: completed.isEmpty ? noCompleted : ParallelCoordinatesPlot.svg(study)),
            .init(id: "slices", title: "Slice plots",
                  note: "Value against each parameter; colour shows the trial number.",
                  body: completed.isEmpty ? noCompleted : SlicePlot.svg(study)),
            .init(id: "trials", title: "Trials", note: "Click a column header to sort by it.",
                  body: "<div class=\"table-box\">" + TrialsTable.html(study) + "</div>"),
        ]
        let subtitle = [study.userAttributes["model"], study.userAttributes["data"], study.userAttributes["search"]]
            .compactMap { value -> String? in if case .string(let text)? = value { return text }; return nil }.joined(separator: " · ")
        return HTMLPage(title: "Study \(study.name)", subtitle: subtitle, sections: sections).rendered()
    }
}
