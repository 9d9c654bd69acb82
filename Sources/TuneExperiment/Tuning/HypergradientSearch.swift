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

    /// Settings the final model is trained with, before the user's `--param`s: the exact fit the
    /// search evaluated (ridge's closed form is its default already).
    var finalFitParameters: [(name: String, value: String)] {
        settings.model == .logistic ? [("solver", LogisticRegression.Solver.newton.rawValue)] : []
    }

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
        guard settings.repeats == nil else {
            throw ParameterError(message: "--search gradient fits each strength exactly, so there is no seed-dependent training to repeat; leave out --repeats")
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
