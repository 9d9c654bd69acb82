/// Optuna's `distribution_json` form, `{"name": "FloatDistribution", "attributes": {...}}`, so
/// that studies stored by either tool open in the other.
extension ParameterDistribution {
    /// The distribution as Optuna's `distributions.distribution_to_json` writes it.
    public var optunaJSON: JSONValue {
        let attributes: [(key: String, value: JSONValue)]
        switch self {
        case let .float(low, high, log, step):
            attributes = [("step", step.map(JSONValue.double) ?? .null), ("low", .double(low)),
                          ("high", .double(high)), ("log", .bool(log))]
        case let .int(low, high, log, step):
            attributes = [("log", .bool(log)), ("step", .int(step)), ("low", .int(low)), ("high", .int(high))]
        case .categorical(let choices):
            attributes = [("choices", .array(choices.map(\.json)))]
        }
        return .object([("name", .string(kindName)), ("attributes", .object(attributes))])
    }

    /// Reads Optuna's JSON form, including the pre-3.0 names (`UniformDistribution`,
    /// `LogUniformDistribution`, `DiscreteUniformDistribution`, `IntUniformDistribution`,
    /// `IntLogUniformDistribution`) that old studies still hold.
    /// - Throws: ``SearchSpaceError`` when the text is not a distribution.
    public init(optunaJSON json: JSONValue) throws {
        func fail(_ problem: String) -> SearchSpaceError { SearchSpaceError(parameter: "distribution_json", problem: problem) }
        guard case .string(let name)? = json["name"], let attributes = json["attributes"] else {
            throw fail("expected {\"name\": ..., \"attributes\": ...}, got \(json.jsonText)")
        }
        func number(_ key: String) throws -> Double {
            guard let value = attributes[key]?.number else { throw fail("\(name) needs a numeric '\(key)'") }
            return value
        }
        func flag(_ key: String) -> Bool {
            if case .bool(let value)? = attributes[key] { return value }
            return false
        }
        switch name {
        case "FloatDistribution":
            self = .float(low: try number("low"), high: try number("high"), log: flag("log"), step: attributes["step"]?.number)
        case "UniformDistribution":
            self = .float(low: try number("low"), high: try number("high"))
        case "LogUniformDistribution":
            self = .float(low: try number("low"), high: try number("high"), log: true)
        case "DiscreteUniformDistribution":
            self = .float(low: try number("low"), high: try number("high"), step: try number("q"))
        case "IntDistribution", "IntUniformDistribution", "IntLogUniformDistribution":
            let step = attributes["step"]?.number ?? 1
            self = .int(low: Int(try number("low")), high: Int(try number("high")),
                        log: flag("log") || name == "IntLogUniformDistribution", step: Int(step))
        case "CategoricalDistribution":
            guard case .array(let items)? = attributes["choices"] else { throw fail("CategoricalDistribution needs 'choices'") }
            self = .categorical(try items.map { item in
                guard let value = ParameterValue(json: item) else { throw fail("a choice must be a number, string, Boolean or null") }
                return value
            })
        default:
            throw fail("unknown distribution '\(name)'")
        }
    }
}
