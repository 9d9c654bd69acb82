/// A hyperparameter's value as the objective sees it: a number, a string, a Boolean or none
/// (Optuna's categorical choices may be any of these).
public enum ParameterValue: Hashable, Sendable, CustomStringConvertible {
    case float(Double)
    case int(Int)
    case string(String)
    case bool(Bool)
    case none

    /// The value as a number, for float and int values.
    public var number: Double? {
        switch self {
        case .float(let value): return value
        case .int(let value): return Double(value)
        default: return nil
        }
    }

    /// The value as JSON (what Optuna stores for categorical choices and enqueued parameters).
    public var json: JSONValue {
        switch self {
        case .float(let value): return .double(value)
        case .int(let value): return .int(value)
        case .string(let value): return .string(value)
        case .bool(let value): return .bool(value)
        case .none: return .null
        }
    }

    /// The parameter value a JSON scalar stands for, or nil for arrays and objects.
    public init?(json: JSONValue) {
        switch json {
        case .null: self = .none
        case .bool(let value): self = .bool(value)
        case .int(let value): self = .int(value)
        case .double(let value): self = .float(value)
        case .string(let value): self = .string(value)
        case .array, .object: return nil
        }
    }

    /// `0.01`, `64`, `gini`, `true`, `none`: the form a user types on the command line.
    public var description: String {
        switch self {
        case .float(let value): return "\(value)"
        case .int(let value): return String(value)
        case .string(let value): return value
        case .bool(let value): return value ? "true" : "false"
        case .none: return "none"
        }
    }

    /// Whether two values are the same choice: numbers compare by value (`2` matches `2.0`, as
    /// Python's `==` does), everything else by kind and content.
    public func matches(_ other: ParameterValue) -> Bool {
        if let left = number, let right = other.number { return left == right }
        return self == other
    }
}

extension ParameterValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .none }
}
