import Foundation
import TuneTensor

/// Mean negative log-probability of the true class, with probabilities clipped to
/// [ε, 1 − ε] (ε the Double machine epsilon, as scikit-learn) so a confident mistake costs
/// −log ε ≈ 36 rather than infinity.
/// - Parameter probabilities: `rows × classes`, each row a distribution.
public func logLoss<Scalar: TensorScalar>(probabilities: Tensor<Scalar>, actual: [Int]) -> Double {
    precondition(probabilities.rows == actual.count, "logLoss: \(probabilities.rows) rows for \(actual.count) labels")
    guard !actual.isEmpty else { return .nan }
    let epsilon = Double.ulpOfOne
    return actual.enumerated().reduce(0.0) { total, item in
        let p = min(max(Double(probabilities[item.offset, item.element]), epsilon), 1 - epsilon)
        return total - Foundation.log(p)
    } / Double(actual.count)
}

/// The area under the ROC curve of `scores` for the positive labels (`actual[i] == 1`): the
/// probability that a random positive scores above a random negative, ties counting one half
/// (the Mann–Whitney statistic with mid-ranks). NaN when one class is missing.
public func rocAUC(scores: [Double], actual: [Int]) -> Double {
    precondition(scores.count == actual.count, "rocAUC: \(scores.count) scores for \(actual.count) labels")
    let positives = actual.filter { $0 == 1 }.count
    let negatives = actual.count - positives
    guard positives > 0, negatives > 0 else { return .nan }
    let order = scores.indices.sorted { scores[$0] < scores[$1] }
    var rankSum = 0.0
    var start = 0
    while start < order.count {
        var end = start
        while end + 1 < order.count, scores[order[end + 1]] == scores[order[start]] { end += 1 }
        let midRank = Double(start + end) / 2 + 1
        for position in start...end where actual[order[position]] == 1 { rankSum += midRank }
        start = end + 1
    }
    return (rankSum - Double(positives * (positives + 1)) / 2) / Double(positives * negatives)
}

/// One-vs-rest ROC AUC averaged over classes (scikit-learn's `multi_class="ovr"`,
/// `average="macro"`): each class's probability column scored against "this class or not".
public func rocAUCOneVsRest<Scalar: TensorScalar>(probabilities: Tensor<Scalar>, actual: [Int]) -> Double {
    precondition(probabilities.rows == actual.count, "rocAUCOneVsRest: \(probabilities.rows) rows for \(actual.count) labels")
    let classes = probabilities.columns
    let perClass = (0..<classes).map { c in
        rocAUC(scores: probabilities.column(c).map(Double.init), actual: actual.map { $0 == c ? 1 : 0 })
    }
    return perClass.reduce(0, +) / Double(classes)
}
