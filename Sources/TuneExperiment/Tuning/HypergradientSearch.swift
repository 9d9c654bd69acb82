import Foundation
import TuneData
import TuneModels
import TuneSearch

/// `--search gradient`: tunes a differentiable hyperparameter by the exact gradient of the
/// validation loss instead of by sampling — the L2 strength `alpha` of ridge regression (validation
/// MSE, ``RidgeValidationLoss``) or of logistic regression (validation cross-entropy of the exact
/// optimum, ``LogisticValidationLoss``), both through ``PenaltyGradientSearch``. Each evaluated
/// strength is recorded in the study as a trial (value: the study's metric on the validation
/// split, R² or accuracy; user attributes: the validation loss and its derivative with respect to
/// log alpha), so the study reads, resumes and reports like any other.
struct HypergradientSearch {
    var settings: TuningSettings
    var space: SearchSpace

    /// The user attribute holding each trial's validation loss, the quantity the search minimises.
    var lossAttribute: String { settings.model == .logistic ? "validation_cross_entropy" : "validation_mse" }

    /// Checks that the model and space have a differentiable hyperparameter to follow.
    /// - Throws: ``ParameterError`` naming what to change.
    func validate() throws {
        guard settings.model == .ridge || settings.model == .logistic else {
            throw ParameterError(message:
                "--search gradient needs a differentiable hyperparameter; \(settings.model.rawValue) has none (it is available for ridge and logistic, whose alpha is tuned by the validation loss's exact gradient); use --search tpe or gp")
        }
        guard settings.folds == nil else {
            throw ParameterError(message: "--search gradient follows the gradient of a validation split's loss; leave out --cv")
        }
        guard space.parameters.count == 1, case .float(_, _, let log, nil) = space.parameters[0].distribution, space.parameters[0].name == "alpha" else {
            throw ParameterError(message: "--search gradient tunes \(settings.model.rawValue)'s alpha alone, as a continuous range; the space has \(space.names.joined(separator: ", "))")
        }
        guard log else {
            throw ParameterError(message: "--search gradient works on log alpha, so alpha's range must be logarithmic, e.g. alpha: {type: float, low: 1e-4, high: 100, log: true}")
        }
    }

    /// The validation loss to follow and the trial value of an evaluated strength.
    private struct Objective {
        var loss: any DifferentiableValidationLoss
        var score: (_ step: PenaltyGradientSearch.Step) throws -> Double
    }

    private func objective(train: Dataset, validation: Dataset) throws -> Objective {
        if settings.model == .logistic {
            let loss = try LogisticValidationLoss(training: train, validation: validation)
            return Objective(loss: loss) { try loss.validationAccuracy(logAlpha: log($0.alpha)) }
        }
        let targets = validation.targets.map(Double.init)
        let mean = targets.reduce(0, +) / Double(targets.count)
        let variance = targets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(targets.count)
        return Objective(loss: try RidgeValidationLoss(training: train, validation: validation)) {
            variance > 0 ? 1 - $0.loss / variance : -$0.loss
        }
    }

    /// Runs the search on `trainingPart` and says what it will record in `study`: first the
    /// study's WAITING trials (a killed run's retries, `--enqueue`, `--warm-start`), each
    /// evaluated at its own strength, then the strengths the search visited that the study does
    /// not hold with the same loss. The search is deterministic, so run again unchanged on a
    /// stored study it adds nothing; with a larger `--trials`, or `--add-trials N` (N fits beyond
    /// the completed trials), the later fits only; on another split or scaling, all of them.
    /// Fits at most: `--trials`, or 20.
    func plan(study: Study, trainingPart: Dataset) throws -> GradientSearchPlan {
        let (train, validation) = try trainingPart.trainTestSplit(testSize: .fraction(settings.validationFraction), seed: settings.seed)
        let gradientTrained = settings.model.trainsByGradient(parameters: Dictionary(settings.fixedParameters, uniquingKeysWith: { $1 }))
        let (scaledTrain, scaledValidation, _) = settings.scaling.apply(train: train, test: validation, gradientTrained: gradientTrained)
        let objective = try objective(train: scaledTrain, validation: scaledValidation)
        let distribution = space.parameters[0].distribution
        guard case let .float(low, high, _, _) = distribution else { preconditionFailure("validate() admits a float range only") }
        let trials = try study.trials
        let completed = trials.filter { $0.state == .complete }
        var search = PenaltyGradientSearch(maximumFits: settings.additionalTrials.map { completed.count + $0 } ?? settings.trials ?? 20)
        search.logAlphaBounds = log(low)...log(high)
        let visited = try search.search(objective.loss).map { step in
            var clamped = step
            clamped.alpha = min(max(step.alpha, low), high)
            return clamped
        }
        let stored = Dictionary(completed.compactMap { trial -> (Double, Double)? in
            guard let alpha = trial.internalParameters["alpha"], case .double(let loss)? = trial.userAttributes[lossAttribute] else { return nil }
            return (alpha, loss)
        }, uniquingKeysWith: { first, _ in first })
        var recorded = Set<Double>()
        let new = visited.filter { step in
            guard recorded.insert(step.alpha).inserted else { return false }
            guard let loss = stored[step.alpha] else { return true }
            return !(abs(loss - step.loss) <= 1e-12 * max(abs(loss), 1))
        }
        return GradientSearchPlan(
            lossAttribute: lossAttribute, distribution: distribution, waiting: trials.filter { $0.state == .waiting }.count,
            visited: visited, new: new, loss: objective.loss, score: objective.score)
    }
}

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
