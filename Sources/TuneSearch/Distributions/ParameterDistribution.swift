import Foundation

/// The set a hyperparameter is drawn from, with Optuna's three kinds.
///
/// Every value also has an *internal* form, a `Double`, which is what storages keep and samplers
/// compute with (Optuna's "internal representation"): a float is itself, an integer its value, a
/// categorical value the index of its choice.
public enum ParameterDistribution: Hashable, Sendable {
    /// Real numbers in `low...high`, uniform or log-uniform; with a `step`, only
    /// `low, low + step, …, high`.
    case float(low: Double, high: Double, log: Bool = false, step: Double? = nil)
    /// Integers `low, low + step, …, high`, uniform or (with step 1) log-uniform.
    case int(low: Int, high: Int, log: Bool = false, step: Int = 1)
    /// One of a list of choices.
    case categorical([ParameterValue])

    /// Checks that the distribution can be sampled.
    /// - Throws: ``SearchSpaceError`` naming `name` for `low > high`, a log range with `low ≤ 0`,
    ///   log together with a step, a step that is not positive or does not divide the range,
    ///   non-finite bounds, empty choices or repeated choices.
    public func validate(name: String) throws {
        func fail(_ problem: String) -> SearchSpaceError { SearchSpaceError(parameter: name, problem: problem) }
        switch self {
        case let .float(low, high, log, step):
            guard low.isFinite, high.isFinite else { throw fail("bounds must be finite numbers, got \(low)...\(high)") }
            guard low <= high else { throw fail("low (\(low)) must not exceed high (\(high)); swap them") }
            if log {
                guard low > 0 else { throw fail("a log range needs low > 0, got low = \(low); use a positive lower bound or log: false") }
                guard step == nil else { throw fail("log and step cannot be combined; drop one") }
            }
            if let step {
                guard step > 0, step.isFinite else { throw fail("step must be > 0, got \(step)") }
                let count = (high - low) / step
                guard abs(count - count.rounded()) <= 1e-8 * max(1, count) else {
                    throw fail("step \(step) does not divide the range \(low)...\(high) (\(count) steps); choose a step that does or move high to a multiple of it")
                }
            }
        case let .int(low, high, log, step):
            guard low <= high else { throw fail("low (\(low)) must not exceed high (\(high)); swap them") }
            guard step > 0 else { throw fail("step must be >= 1, got \(step)") }
            if log {
                guard low > 0 else { throw fail("a log range needs low >= 1, got low = \(low); use a positive lower bound or log: false") }
                guard step == 1 else { throw fail("log and step cannot be combined; drop one") }
            }
            guard (high - low) % step == 0 else {
                throw fail("step \(step) does not divide the range \(low)...\(high); choose a step that does or move high to \(low + (high - low) / step * step)")
            }
        case .categorical(let choices):
            guard !choices.isEmpty else { throw fail("choices must not be empty; list at least one") }
            for (index, choice) in choices.enumerated() where choices[..<index].contains(where: { $0.matches(choice) }) {
                throw fail("choice \(choice) is listed twice; list each choice once")
            }
        }
    }

    /// Whether the distribution has exactly one value (sampling it needs no sampler).
    public var isSingleValue: Bool {
        switch self {
        case let .float(low, high, _, _): return low == high
        case let .int(low, high, _, _): return low == high
        case .categorical(let choices): return choices.count == 1
        }
    }

    /// Whether the distribution is a list of choices.
    public var isCategorical: Bool {
        if case .categorical = self { return true }
        return false
    }

    /// The internal value of the lowest value (the first choice of a categorical).
    public var lowestInternalValue: Double {
        switch self {
        case .float(let low, _, _, _): return low
        case .int(let low, _, _, _): return Double(low)
        case .categorical: return 0
        }
    }

    /// Whether `internalValue` is a value of this distribution.
    public func contains(internalValue value: Double) -> Bool {
        guard value.isFinite else { return false }
        switch self {
        case let .float(low, high, _, step):
            guard low <= value, value <= high else { return false }
            guard let step else { return true }
            let index = (value - low) / step
            return abs(index - index.rounded()) <= 1e-8 * max(1, index)
        case let .int(low, high, _, step):
            guard value == value.rounded(), Double(low) <= value, value <= Double(high) else { return false }
            return (Int(value) - low) % step == 0
        case .categorical(let choices):
            return value == value.rounded() && value >= 0 && Int(value) < choices.count
        }
    }

    /// The value the objective sees for an internal value of this distribution.
    public func externalValue(_ internalValue: Double) -> ParameterValue {
        switch self {
        case .float: return .float(internalValue)
        case .int: return .int(Int(internalValue.rounded()))
        case .categorical(let choices):
            let index = min(max(Int(internalValue.rounded()), 0), choices.count - 1)
            return choices[index]
        }
    }

    /// The internal value of `value`, or nil when `value` is not in the distribution.
    public func internalValue(_ value: ParameterValue) -> Double? {
        switch self {
        case .float, .int:
            guard let number = value.number, contains(internalValue: number) else { return nil }
            return number
        case .categorical(let choices):
            return choices.firstIndex { $0.matches(value) }.map(Double.init)
        }
    }

    /// The kind's name in Optuna's terms, for messages.
    public var kindName: String {
        switch self {
        case .float: return "FloatDistribution"
        case .int: return "IntDistribution"
        case .categorical: return "CategoricalDistribution"
        }
    }
}

extension ParameterDistribution: CustomStringConvertible {
    /// `float 1e-05...0.1 log`, `int 1...5 step 2`, `categorical [32, 64]`.
    public var description: String {
        switch self {
        case let .float(low, high, log, step):
            return "float \(low)...\(high)" + (log ? " log" : "") + (step.map { " step \($0)" } ?? "")
        case let .int(low, high, log, step):
            return "int \(low)...\(high)" + (log ? " log" : "") + (step != 1 ? " step \(step)" : "")
        case .categorical(let choices):
            return "categorical [\(choices.map(\.description).joined(separator: ", "))]"
        }
    }
}
