import Foundation
import TuneSearch

/// A hyperparameter as the plots draw it: an axis over its whole range (log for log
/// distributions, one slot per choice for categorical ones) that matches the unit box fANOVA
/// works in, and each trial's position on it.
struct ReportParameter {
    var name: String
    var distribution: ParameterDistribution

    /// The value `trial` had, on this parameter's axis (a category's index), or nil.
    func axisValue(of trial: TrialRecord) -> Double? {
        guard let internalValue = trial.internalParameters[name] else { return nil }
        return distribution.isCategorical ? internalValue : distribution.externalValue(internalValue).number
    }

    /// The axis from `pixels.0` (lowest value) to `pixels.1`.
    func scale(pixels: (Double, Double)) -> AxisScale {
        if case .categorical(let choices) = distribution {
            return .categorical(choices.map(\.description), pixels: pixels)
        }
        let (lower, upper) = SearchSpaceTransform.numericBounds(distribution)
        if SearchSpaceTransform.isLog(distribution) {
            return AxisScale(kind: .logarithmic, domain: (exp(lower), exp(upper)), pixels: pixels)
        }
        return upper > lower ? AxisScale(kind: .linear, domain: (lower, upper), pixels: pixels)
            : .linear(covering: [lower], pixels: pixels)
    }

    /// The axis title: the name, with "(log)" for log parameters.
    var title: String { name + (SearchSpaceTransform.isLog(distribution) ? " (log)" : "") }
}
