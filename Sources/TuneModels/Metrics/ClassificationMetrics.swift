/// How per-class scores are combined into one, as scikit-learn's `average` argument.
public enum MetricAverage: String, Codable, CaseIterable, Sendable {
    /// The score of the positive class (index 1) alone; for two-class problems.
    case binary
    /// The unweighted mean over the classes present in the truth or the predictions.
    case macro
    /// The mean over those classes weighted by their number of true rows (support).
    case weighted
}

/// The fraction of predictions equal to the truth (NaN for no rows).
public func accuracy(predicted: [Int], actual: [Int]) -> Double {
    precondition(predicted.count == actual.count, "accuracy: \(predicted.count) predictions for \(actual.count) rows")
    guard !actual.isEmpty else { return .nan }
    return Double(zip(predicted, actual).filter { $0 == $1 }.count) / Double(actual.count)
}

/// `counts[i][j]`: rows of true class `i` predicted as class `j`, over classes
/// `0..<classCount` (default: one more than the largest label seen).
public func confusionMatrix(predicted: [Int], actual: [Int], classCount: Int? = nil) -> [[Int]] {
    precondition(predicted.count == actual.count, "confusionMatrix: \(predicted.count) predictions for \(actual.count) rows")
    let classes = classCount ?? ((predicted + actual).max() ?? -1) + 1
    var counts = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
    for (p, a) in zip(predicted, actual) { counts[a][p] += 1 }
    return counts
}

/// The mean of the per-class recalls over classes that occur in the truth (scikit-learn's
/// `balanced_accuracy_score`): accuracy that a majority class cannot inflate.
public func balancedAccuracy(predicted: [Int], actual: [Int]) -> Double {
    let counts = confusionMatrix(predicted: predicted, actual: actual)
    let recalls = counts.indices.compactMap { c -> Double? in
        let support = counts[c].reduce(0, +)
        return support > 0 ? Double(counts[c][c]) / Double(support) : nil
    }
    return recalls.isEmpty ? .nan : recalls.reduce(0, +) / Double(recalls.count)
}

/// Precision TP / (TP + FP); a class never predicted scores 0 (scikit-learn's `zero_division=0`).
public func precision(predicted: [Int], actual: [Int], average: MetricAverage = .binary) -> Double {
    averaged(predicted: predicted, actual: actual, average: average) { tp, fp, _ in ratio(tp, tp + fp) }
}

/// Recall TP / (TP + FN); a class absent from the truth scores 0.
public func recall(predicted: [Int], actual: [Int], average: MetricAverage = .binary) -> Double {
    averaged(predicted: predicted, actual: actual, average: average) { tp, _, fn in ratio(tp, tp + fn) }
}

/// F1 = 2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall (0 when both are 0).
public func f1Score(predicted: [Int], actual: [Int], average: MetricAverage = .binary) -> Double {
    averaged(predicted: predicted, actual: actual, average: average) { tp, fp, fn in ratio(2 * tp, 2 * tp + fp + fn) }
}

private func ratio(_ numerator: Int, _ denominator: Int) -> Double {
    denominator == 0 ? 0 : Double(numerator) / Double(denominator)
}

/// Applies a per-class score (from TP, FP, FN) and averages as asked.
private func averaged(
    predicted: [Int], actual: [Int], average: MetricAverage, score: (Int, Int, Int) -> Double
) -> Double {
    let counts = confusionMatrix(predicted: predicted, actual: actual)
    func classScore(_ c: Int) -> Double {
        guard c < counts.count else { return 0 }
        let tp = counts[c][c]
        let fp = counts.indices.reduce(0) { $0 + ($1 == c ? 0 : counts[$1][c]) }
        let fn = counts[c].reduce(0, +) - tp
        return score(tp, fp, fn)
    }
    switch average {
    case .binary:
        precondition(counts.count <= 2, "binary average needs two classes; use macro or weighted for \(counts.count)")
        return classScore(1)
    case .macro, .weighted:
        let present = Set(predicted + actual).sorted()
        guard !present.isEmpty else { return .nan }
        if average == .macro { return present.map(classScore).reduce(0, +) / Double(present.count) }
        let supports = present.map { counts[$0].reduce(0, +) }
        let total = supports.reduce(0, +)
        guard total > 0 else { return 0 }
        return zip(present, supports).reduce(0) { $0 + classScore($1.0) * Double($1.1) } / Double(total)
    }
}
