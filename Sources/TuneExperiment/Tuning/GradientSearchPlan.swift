import Foundation
import TuneModels
import TuneSearch

/// What a gradient search will record in its study, and the recording.
struct GradientSearchPlan {
    var lossAttribute: String
    var distribution: ParameterDistribution
    /// WAITING trials the study holds, recorded first, each at its own strength.
    var waiting: Int
    /// Every strength the search visited, in order.
    var visited: [PenaltyGradientSearch.Step]
    /// The visited strengths the study lacks.
    var new: [PenaltyGradientSearch.Step]
    var loss: any DifferentiableValidationLoss
    var score: (_ step: PenaltyGradientSearch.Step) throws -> Double

    /// Trials the recording adds or finishes.
    var trialCount: Int { waiting + new.count }

    /// Records the waiting trials, then the new strengths, as trials of `study`.
    /// - Returns: a warning when the least validation loss found is at a bound of alpha's range
    ///   and the loss still falls beyond it.
    func record(in study: Study, callbacks: [StudyCallback]) throws -> [BoundaryWarning] {
        var evaluated = visited
        for index in 0..<trialCount {
            if index >= waiting { try study.enqueueTrial(["alpha": .float(new[index - waiting].alpha)]) }
            guard let trial = try study.ask() else { break }
            // Whatever trial the queue hands out, its own strength is the one evaluated.
            guard let alpha = try trial.suggest("alpha", distribution).number else { preconditionFailure("alpha is a float range") }
            let step: PenaltyGradientSearch.Step
            if index >= waiting, new[index - waiting].alpha == alpha {
                step = new[index - waiting]
            } else {
                let (loss, derivative) = try loss.evaluate(logAlpha: log(alpha))
                step = PenaltyGradientSearch.Step(alpha: alpha, loss: loss, derivative: derivative)
                evaluated.append(step)
            }
            try trial.setUserAttribute(lossAttribute, .double(step.loss))
            try trial.setUserAttribute("hypergradient", .double(step.derivative))
            let record = try study.tell(trial, value: try score(step))
            for callback in callbacks { callback(study, record) }
        }
        guard let least = evaluated.filter({ $0.loss.isFinite && $0.derivative.isFinite }).min(by: { $0.loss < $1.loss }) else { return [] }
        let warning = BoundaryWarning.gradientCheck(parameter: "alpha", distribution: distribution,
                                                    best: least.alpha, loss: least.loss, slope: least.derivative)
        return warning.map { [$0] } ?? []
    }
}
