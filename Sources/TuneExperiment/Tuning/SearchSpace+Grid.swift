import Foundation
import TuneSearch

extension SearchSpace {
    /// The values a grid search tries: each categorical's choices, every value of an integer
    /// range with at most `pointsPerRange` values, otherwise `pointsPerRange` evenly spaced values
    /// (log-spaced for log ranges, on the step grid for stepped ones).
    /// - Throws: ``SearchSpaceError`` for a conditional parameter (a grid has no branches) or
    ///   fewer than 2 points per range.
    public func gridValues(pointsPerRange: Int) throws -> [(name: String, values: [ParameterValue])] {
        guard pointsPerRange >= 2 else {
            throw SearchSpaceError(parameter: "grid", problem: "points per numeric range must be >= 2, got \(pointsPerRange)")
        }
        return try parameters.map { parameter in
            guard parameter.condition == nil else {
                throw SearchSpaceError(parameter: parameter.name,
                    problem: "is conditional, and a grid enumerates every combination; remove the condition or use another search")
            }
            return (parameter.name, Self.gridValues(parameter.distribution, points: pointsPerRange))
        }
    }

    private static func gridValues(_ distribution: ParameterDistribution, points: Int) -> [ParameterValue] {
        switch distribution {
        case .categorical(let choices):
            return choices
        case let .int(low, high, log, step):
            if (high - low) / step + 1 <= points { return stride(from: low, through: high, by: step).map { .int($0) } }
            let values = spaced(Double(low), Double(high), log: log, points: points)
                .map { Int(SearchSpaceTransform.round($0, to: distribution)) }
            return unique(values).map { .int($0) }
        case let .float(low, high, log, step):
            if low == high { return [.float(low)] }
            let values = spaced(low, high, log: log, points: points)
                .map { step == nil ? $0 : SearchSpaceTransform.round($0, to: distribution) }
            return unique(values).map { .float($0) }
        }
    }

    private static func spaced(_ low: Double, _ high: Double, log: Bool, points: Int) -> [Double] {
        (0..<points).map { index in
            let fraction = Double(index) / Double(points - 1)
            let value = log ? exp(Foundation.log(low) + fraction * (Foundation.log(high) - Foundation.log(low)))
                            : low + fraction * (high - low)
            // Rounding may step just outside the range at its ends.
            return min(max(value, low), high)
        }
    }

    private static func unique<T: Equatable>(_ values: [T]) -> [T] {
        values.reduce(into: []) { result, value in if !result.contains(value) { result.append(value) } }
    }
}
