import Foundation
import TuneData
import TuneModels
import TuneSearch

/// `--search gradient`: tunes a differentiable hyperparameter by the exact gradient of the
/// validation loss instead of by sampling (ridge regression's `alpha`, through
/// ``PenaltyGradientSearch``). Each evaluated strength is recorded in the study as a trial (value:
/// validation R², user attributes: the validation MSE and its derivative with respect to
/// log alpha), so the study reads, resumes and reports like any other.
struct HypergradientSearch {
    var settings: TuningSettings
    var space: SearchSpace

    /// Checks that the model and space have a differentiable hyperparameter to follow.
    /// - Throws: ``ParameterError`` naming what to change.
    func validate() throws {
        guard settings.model == .ridge else {
            throw ParameterError(message:
                "--search gradient needs a differentiable hyperparameter; \(settings.model.rawValue) has none (it is available for ridge, whose alpha is tuned by the validation loss's exact gradient); use --search tpe or gp")
        }
        guard settings.folds == nil else {
            throw ParameterError(message: "--search gradient follows the gradient of a validation split's loss; leave out --cv")
        }
        guard space.parameters.count == 1, case .float(let low, _, _, nil) = space.parameters[0].distribution, space.parameters[0].name == "alpha" else {
            throw ParameterError(message: "--search gradient tunes ridge's alpha alone, as a continuous range; the space has \(space.names.joined(separator: ", "))")
        }
        guard low > 0 else {
            throw ParameterError(message: "--search gradient works on log alpha, so alpha's range must start above 0, e.g. alpha: {type: float, low: 1e-4, high: 100, log: true}")
        }
    }

    /// Runs the search on `trainingPart`, recording every evaluated strength in `study`.
    func run(study: Study, trainingPart: Dataset, callbacks: [StudyCallback]) throws {
        let (train, validation) = try trainingPart.trainTestSplit(testSize: .fraction(settings.validationFraction), seed: settings.seed)
        let (scaledTrain, scaledValidation, _) = settings.scaling.apply(train: train, test: validation, gradientTrained: false)
        let objective = try RidgeValidationLoss(training: scaledTrain, validation: scaledValidation)
        let distribution = space.parameters[0].distribution
        guard case let .float(low, high, _, _) = distribution else { return }
        var search = PenaltyGradientSearch(maximumFits: settings.trials ?? 20)
        search.logAlphaBounds = log(low)...log(high)
        let targets = scaledValidation.targets.map(Double.init)
        let mean = targets.reduce(0, +) / Double(targets.count)
        let variance = targets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(targets.count)
        for step in try search.search(objective) {
            try study.enqueueTrial(["alpha": .float(min(max(step.alpha, low), high))])
            guard let trial = try study.ask() else { return }
            _ = try trial.suggest("alpha", distribution)
            try trial.setUserAttribute("validation_mse", .double(step.loss))
            try trial.setUserAttribute("hypergradient", .double(step.derivative))
            let record = try study.tell(trial, value: variance > 0 ? 1 - step.loss / variance : -step.loss)
            for callback in callbacks { callback(study, record) }
        }
    }
}
