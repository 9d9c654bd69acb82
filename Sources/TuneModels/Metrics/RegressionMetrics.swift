/// The coefficient of determination, 1 − Σ(y − ŷ)² / Σ(y − ȳ)², as scikit-learn's `r2_score`:
/// 1 for a perfect fit, 0 for predicting the mean; for constant targets, 1 if the predictions are
/// exact and 0 otherwise.
public func rSquared<T: BinaryFloatingPoint>(predicted: [T], actual: [T]) -> Double {
    precondition(predicted.count == actual.count, "rSquared: \(predicted.count) predictions for \(actual.count) rows")
    guard !actual.isEmpty else { return .nan }
    let mean = actual.reduce(0.0) { $0 + Double($1) } / Double(actual.count)
    var residual = 0.0, total = 0.0
    for (p, y) in zip(predicted, actual) {
        residual += (Double(y) - Double(p)) * (Double(y) - Double(p))
        total += (Double(y) - mean) * (Double(y) - mean)
    }
    if total == 0 { return residual == 0 ? 1 : 0 }
    return 1 - residual / total
}

/// The mean of squared differences.
public func meanSquaredError<T: BinaryFloatingPoint>(predicted: [T], actual: [T]) -> Double {
    precondition(predicted.count == actual.count, "meanSquaredError: \(predicted.count) predictions for \(actual.count) rows")
    guard !actual.isEmpty else { return .nan }
    return zip(predicted, actual).reduce(0.0) { $0 + (Double($1.0) - Double($1.1)) * (Double($1.0) - Double($1.1)) } / Double(actual.count)
}

/// The square root of ``meanSquaredError(predicted:actual:)``, in the target's units.
public func rootMeanSquaredError<T: BinaryFloatingPoint>(predicted: [T], actual: [T]) -> Double {
    meanSquaredError(predicted: predicted, actual: actual).squareRoot()
}

/// The mean of absolute differences.
public func meanAbsoluteError<T: BinaryFloatingPoint>(predicted: [T], actual: [T]) -> Double {
    precondition(predicted.count == actual.count, "meanAbsoluteError: \(predicted.count) predictions for \(actual.count) rows")
    guard !actual.isEmpty else { return .nan }
    return zip(predicted, actual).reduce(0.0) { $0 + abs(Double($1.0) - Double($1.1)) } / Double(actual.count)
}
