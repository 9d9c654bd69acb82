import TuneData
import TuneModels

extension TrainingRun {
    /// The cross-validated score of the settings on `trainingPart` (already split from the test
    /// part), each fold scaled with its own training rows' statistics.
    /// - Parameter concurrency: folds evaluated at once.
    public func crossValidationScore(on trainingPart: Dataset, folds: Int, concurrency: Int) throws -> CrossValidationResult {
        let gradient = isGradientTrained
        let (estimator, _) = try makeEstimator(for: trainingPart)
        let scaling = self.scaling
        return try crossValidate(estimator, on: trainingPart, folds: folds, seed: seed, concurrency: concurrency) { train, test in
            let (scaledTrain, scaledTest, _) = scaling.apply(train: train, test: test, gradientTrained: gradient)
            return (scaledTrain, scaledTest)
        }
    }

    /// The score on `validation` of the model fitted on `train`, both scaled with `train`'s
    /// statistics. Iterative networks score `validation` after every epoch, so ``epochCallback``
    /// sees `validationMetric` (what pruners judge).
    public func validationScore(train: Dataset, validation: Dataset) throws -> Double {
        let (scaledTrain, scaledValidation, _) = scaling.apply(
            train: train, test: validation, gradientTrained: isGradientTrained)
        let (estimator, _) = try makeEstimator(for: scaledTrain)
        switch estimator {
        case let classifier as MLPClassifier:
            return try classifier.fit(scaledTrain, validation: scaledValidation).score(scaledValidation)
        case let regressor as MLPRegressor:
            return try regressor.fit(scaledTrain, validation: scaledValidation).score(scaledValidation)
        default:
            return try estimator.fit(scaledTrain).score(scaledValidation)
        }
    }
}
