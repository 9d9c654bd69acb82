import Foundation
import TuneData
import TuneTensor

/// What a cross-validation fold is scored by. Scores are "higher is better": errors are negated,
/// as scikit-learn's `neg_mean_squared_error`.
public enum CrossValidationMetric: String, Codable, CaseIterable, Sendable {
    /// Accuracy for classifiers, R² for regressors.
    case score
    case accuracy
    case balancedAccuracy = "balanced_accuracy"
    case f1Macro = "f1_macro"
    case r2
    case negativeMeanSquaredError = "neg_mean_squared_error"
    case negativeMeanAbsoluteError = "neg_mean_absolute_error"

    func evaluate(_ model: any FittedModel, on fold: Dataset) -> Double {
        let predictions = model.predict(fold.features)
        switch self {
        case .score: return model.score(fold)
        case .accuracy: return TuneModels.accuracy(predicted: predictions.map { Int($0) }, actual: fold.classIndices)
        case .balancedAccuracy: return TuneModels.balancedAccuracy(predicted: predictions.map { Int($0) }, actual: fold.classIndices)
        case .f1Macro: return f1Score(predicted: predictions.map { Int($0) }, actual: fold.classIndices, average: .macro)
        case .r2: return rSquared(predicted: predictions, actual: fold.targets)
        case .negativeMeanSquaredError: return -meanSquaredError(predicted: predictions, actual: fold.targets)
        case .negativeMeanAbsoluteError: return -meanAbsoluteError(predicted: predictions, actual: fold.targets)
        }
    }
}

/// Per-fold scores of a cross-validation and their summary.
public struct CrossValidationResult: Sendable, Equatable, Codable {
    public var scores: [Double]
    public var mean: Double
    /// The population standard deviation of the scores (NumPy's default, as scikit-learn reports).
    public var standardDeviation: Double
    /// Seconds each fold's fit took.
    public var fitSeconds: [Double]
}

/// K-fold cross-validation of `estimator` on `dataset`: what a tuning trial calls.
///
/// Folds are stratified by class for classification (unless `stratified` is false) and drawn from
/// `seed`; they run in parallel on up to `concurrency` threads with BLAS on one thread inside each,
/// so the cores are never oversubscribed. Scores depend only on the seed, not on the thread count.
/// - Parameter preprocess: fitted on each fold's training rows and applied to both parts (e.g.
///   standardisation), so no statistic of the scored rows leaks into training.
/// - Throws: the first fold's error (a ``ModelError`` or `DataError`), after all folds stop.
public func crossValidate<E: Estimator>(
    _ estimator: E, on dataset: Dataset, folds: Int = 5, stratified: Bool = true,
    metric: CrossValidationMetric = .score, seed: UInt64 = 0,
    concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
    preprocess: @escaping @Sendable (Dataset, Dataset) -> (Dataset, Dataset) = { ($0, $1) }
) throws -> CrossValidationResult {
    let splits = stratified && dataset.task.classCount != nil
        ? try StratifiedKFold(folds: folds, shuffle: true, seed: seed).splits(labels: dataset.classIndices)
        : try KFold(folds: folds, shuffle: true, seed: seed).splits(rowCount: dataset.rowCount)
    let outcomes = IndexedResults<Result<(score: Double, seconds: Double), Error>>(count: splits.count)
    let threads = max(1, min(concurrency, splits.count))
    let runFold: @Sendable (Int) -> Void = { index in
        let (train, test) = preprocess(dataset.subset(splits[index].train), dataset.subset(splits[index].test))
        let started = Date()
        do {
            let fitted = try estimator.fit(train)
            let seconds = Date().timeIntervalSince(started)
            outcomes.set(index, .success((metric.evaluate(fitted, on: test), seconds)))
        } catch {
            outcomes.set(index, .failure(error))
        }
    }
    if threads == 1 {
        forEachIndexInParallel(splits.count, threads: 1, runFold)
    } else {
        BLASThreads.withCount(1) { forEachIndexInParallel(splits.count, threads: threads, runFold) }
    }
    let results = try outcomes.values.map { try $0.get() }
    let scores = results.map(\.score)
    let mean = scores.reduce(0, +) / Double(scores.count)
    let variance = scores.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(scores.count)
    return CrossValidationResult(scores: scores, mean: mean, standardDeviation: variance.squareRoot(), fitSeconds: results.map(\.seconds))
}
