import Foundation
import TuneSearch
import Yams

/// A search space written in a YAML or JSON file (`--space FILE`), one parameter per key, in the
/// order they are suggested:
///
/// ```yaml
/// optimizer: {type: categorical, choices: [momentum, adam]}
/// lr: {type: float, low: 1e-5, high: 1e-1, log: true}
/// momentum: {type: float, low: 0, high: 1, condition: {parent: optimizer, value: momentum}}
/// num_layers: {type: int, low: 1, high: 5, step: 1}
/// ```
///
/// Keys per parameter: `type` (float, int, categorical), `low`, `high`, `log`, `step`, `choices`,
/// and `condition` (`parent` with `value` or `values`). Quoted choices stay strings; unquoted ones
/// are read as numbers, Booleans or `null` (none) where they look like one.
public enum SearchSpaceFile {
    /// Reads the space in `path`.
    /// - Throws: ``SearchSpaceFileError`` naming the file, the parameter and the fix.
    public static func load(_ path: String) throws -> SearchSpace {
        try parse(try readText(path), file: path)
    }

    /// The text of the file at `path`.
    /// - Throws: ``SearchSpaceFileError`` when it cannot be read.
    static func readText(_ path: String) throws -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SearchSpaceFileError(file: path, message: "cannot be read (\(error.localizedDescription)); check the path")
        }
    }

    /// The YAML or JSON document in `text`; `file` names it in errors.
    /// - Throws: ``SearchSpaceFileError`` when it does not parse.
    static func compose(_ text: String, file: String) throws -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch {
            throw SearchSpaceFileError(file: file, message: "is not valid YAML or JSON: \(error)")
        }
    }

    /// Reads a space from YAML or JSON text; `file` names it in errors.
    public static func parse(_ text: String, file: String = "space") throws -> SearchSpace {
        func fail(_ message: String) -> SearchSpaceFileError { SearchSpaceFileError(file: file, message: message) }
        let root = try compose(text, file: file)
        guard let mapping = root?.mapping, !mapping.isEmpty else {
            throw fail("must map each parameter name to its definition, e.g. lr: {type: float, low: 0.0001, high: 0.1, log: true}")
        }
        var parameters: [SearchSpace.Parameter] = []
        for (keyNode, definition) in mapping {
            guard let name = keyNode.scalar?.string else { throw fail("a parameter name must be text") }
            parameters.append(try parameter(name, definition, fail: { fail("parameter '\(name)': \($0)") }))
        }
        do {
            return try SearchSpace(parameters)
        } catch let error as SearchSpaceError {
            throw fail(error.description)
        }
    }

    private static let allowedKeys: Set<String> = ["type", "low", "high", "log", "step", "choices", "condition"]

    private static func parameter(
        _ name: String, _ node: Node, fail: (String) -> SearchSpaceFileError
    ) throws -> SearchSpace.Parameter {
        guard let fields = node.mapping else {
            throw fail("expected a mapping such as {type: float, low: 0, high: 1}")
        }
        var values: [String: Node] = [:]
        for (key, value) in fields {
            guard let key = key.scalar?.string, allowedKeys.contains(key) else {
                throw fail("unknown key '\(key.scalar?.string ?? "?")'; allowed: \(allowedKeys.sorted().joined(separator: ", "))")
            }
            values[key] = value
        }
        func number(_ key: String) throws -> Double {
            guard let node = values[key] else { throw fail("needs '\(key)'") }
            switch scalarValue(node) {
            case .float(let value)?: return value
            case .int(let value)?: return Double(value)
            default: throw fail("'\(key)' must be a number, got '\(node.scalar?.string ?? "a collection")'")
            }
        }
        func integer(_ key: String) throws -> Int {
            guard let node = values[key] else { throw fail("needs '\(key)'") }
            guard case .int(let value)? = scalarValue(node) else {
                throw fail("'\(key)' must be an integer, got '\(node.scalar?.string ?? "a collection")'")
            }
            return value
        }
        func flag(_ key: String) throws -> Bool {
            guard let node = values[key] else { return false }
            guard case .bool(let value)? = scalarValue(node) else { throw fail("'\(key)' must be true or false") }
            return value
        }
        guard let type = values["type"]?.scalar?.string else {
            throw fail("needs 'type': float, int or categorical")
        }
        let distribution: ParameterDistribution
        switch type {
        case "float":
            distribution = .float(low: try number("low"), high: try number("high"), log: try flag("log"),
                                  step: values["step"] == nil ? nil : try number("step"))
        case "int":
            distribution = .int(low: try integer("low"), high: try integer("high"), log: try flag("log"),
                                step: values["step"] == nil ? 1 : try integer("step"))
        case "categorical":
            guard let items = values["choices"]?.sequence else { throw fail("needs 'choices', a list such as [32, 64, 128]") }
            distribution = .categorical(try items.map { item in
                guard let value = scalarValue(item) else { throw fail("a choice must be a number, text, true/false or null") }
                return value
            })
        default:
            throw fail("type must be float, int or categorical, got '\(type)'")
        }
        var condition: ParameterCondition?
        if let node = values["condition"] {
            guard let fields = node.mapping, let parent = fields["parent"]?.scalar?.string else {
                throw fail("condition must be {parent: NAME, value: VALUE} or {parent: NAME, values: [...]}")
            }
            let listed = fields["values"]?.sequence.map { Array($0) } ?? fields["value"].map { [$0] } ?? []
            let conditionValues = listed.compactMap { scalarValue($0) }
            guard !conditionValues.isEmpty, conditionValues.count == listed.count else {
                throw fail("condition needs 'value' (or 'values') of its parent '\(parent)'")
            }
            condition = ParameterCondition(parent: parent, values: conditionValues)
        }
        return SearchSpace.Parameter(name, distribution, condition: condition)
    }

    /// A scalar node as a parameter value: quoted text stays text; plain text is read as an
    /// integer, a number, a Boolean or null where it looks like one.
    static func scalarValue(_ node: Node) -> ParameterValue? {
        guard let scalar = node.scalar else { return nil }
        let text = scalar.string
        guard scalar.style == .plain else { return .string(text) }
        if ["null", "~", "none", "None", "NULL"].contains(text) { return ParameterValue.none }
        if ["true", "True", "TRUE"].contains(text) { return .bool(true) }
        if ["false", "False", "FALSE"].contains(text) { return .bool(false) }
        if let value = Int(text) { return .int(value) }
        if let value = Double(text), value.isFinite { return .float(value) }
        return .string(text)
    }
}

/// A space file that cannot be used: names the file, the parameter and the fix.
public struct SearchSpaceFileError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let message: String
    public var description: String { "\(file): \(message)" }
}
