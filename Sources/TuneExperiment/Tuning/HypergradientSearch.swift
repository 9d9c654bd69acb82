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

    /// Model fits (trials) at most: `--trials`, or 20.
    var maximumFits: Int { settings.trials ?? 20 }

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
        guard space.parameters.count == 1, case .float(let low, _, _, nil) = space.parameters[0].distribution, space.parameters[0].name == "alpha" else {
            throw ParameterError(message: "--search gradient tunes \(settings.model.rawValue)'s alpha alone, as a continuous range; the space has \(space.names.joined(separator: ", "))")
        }
        guard low > 0 else {
            throw ParameterError(message: "--search gradient works on log alpha, so alpha's range must start above 0, e.g. alpha: {type: float, low: 1e-4, high: 100, log: true}")
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

    /// Runs the search on `trainingPart`, recording in `study` every evaluated strength it does
    /// not hold yet.
    /// - Returns: a warning when the least validation loss found is at a bound of alpha's range
    ///   and the loss still falls beyond it.
    func run(study: Study, trainingPart: Dataset, callbacks: [StudyCallback]) throws -> [BoundaryWarning] {
        let (train, validation) = try trainingPart.trainTestSplit(testSize: .fraction(settings.validationFraction), seed: settings.seed)
        let gradientTrained = settings.model.trainsByGradient(parameters: Dictionary(settings.fixedParameters, uniquingKeysWith: { $1 }))
        let (scaledTrain, scaledValidation, _) = settings.scaling.apply(train: train, test: validation, gradientTrained: gradientTrained)
        let objective = try objective(train: scaledTrain, validation: scaledValidation)
        let distribution = space.parameters[0].distribution
        guard case let .float(low, high, _, _) = distribution else { return [] }
        var search = PenaltyGradientSearch(maximumFits: maximumFits)
        search.logAlphaBounds = log(low)...log(high)
        let steps = try search.search(objective.loss)
        // The search is deterministic: run again on a stored study, it records only the
        // strengths the study lacks (none when nothing changed, the later ones after a larger --trials).
        var stored = Set(try study.trials.filter { $0.state == .complete }.compactMap { $0.internalParameters["alpha"] })
        for step in steps {
            let alpha = min(max(step.alpha, low), high)
            guard stored.insert(alpha).inserted else { continue }
            try study.enqueueTrial(["alpha": .float(alpha)])
            guard let trial = try study.ask() else { break }
            _ = try trial.suggest("alpha", distribution)
            try trial.setUserAttribute(lossAttribute, .double(step.loss))
            try trial.setUserAttribute("hypergradient", .double(step.derivative))
            let record = try study.tell(trial, value: try objective.score(step))
            for callback in callbacks { callback(study, record) }
        }
        guard let least = steps.min(by: { $0.loss < $1.loss }) else { return [] }
        let warning = BoundaryWarning.gradientCheck(parameter: "alpha", distribution: distribution,
                                                    best: min(max(least.alpha, low), high), loss: least.loss, slope: least.derivative)
        return warning.map { [$0] } ?? []
    }
}
