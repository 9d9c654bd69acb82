import Foundation

/// A `--param` the model does not have, or a value of the wrong kind: a usage error.
public struct ParameterError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Applies `name=value` settings from the command line to a Codable hyperparameter value, by its
/// coding keys (`lr`, `num_layers`), so every model's parameters are settable with no per-model
/// parsing code.
enum ParameterOverrides {
    /// `defaults` with `overrides` applied.
    /// - Parameter choices: the allowed values of enumerated fields, for error messages.
    /// - Throws: ``ParameterError`` for an unknown name (listing the known ones) or a value that
    ///   does not fit the field.
    static func apply<Hyperparameters: Codable>(
        _ overrides: [(name: String, value: String)], to defaults: Hyperparameters, model: String,
        choices: [String: [String]] = [:]
    ) throws -> Hyperparameters {
        guard !overrides.isEmpty else { return defaults }
        var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(defaults)) as? [String: Any] ?? [:]
        for (name, text) in overrides {
            guard object[name] != nil else {
                throw ParameterError(message:
                    "\(model) has no parameter '\(name)'; its parameters are: \(object.keys.sorted().joined(separator: ", "))")
            }
            object[name] = jsonValue(text)
        }
        let data = try JSONSerialization.data(withJSONObject: object)
        do {
            return try JSONDecoder().decode(Hyperparameters.self, from: data)
        } catch let DecodingError.typeMismatch(_, context) {
            throw valueError(context.codingPath, overrides, choices)
        } catch let DecodingError.dataCorrupted(context) {
            throw valueError(context.codingPath, overrides, choices)
        }
    }

    /// `"3"` → 3, `"true"` → true, `"none"` → null (scikit-learn's `None`), anything else the string.
    private static func jsonValue(_ text: String) -> Any {
        if ["none", "None", "null"].contains(text) { return NSNull() }
        if let integer = Int(text) { return integer }
        if let number = Double(text), number.isFinite { return number }
        if text == "true" || text == "false" { return text == "true" }
        return text
    }

    private static func valueError(
        _ path: [CodingKey], _ overrides: [(name: String, value: String)], _ choices: [String: [String]]
    ) -> ParameterError {
        let name = path.first?.stringValue ?? "?"
        let given = overrides.last { $0.name == name }?.value ?? "?"
        if let allowed = choices[name] {
            return ParameterError(message: "\(name) must be one of \(allowed.joined(separator: ", ")), got '\(given)'")
        }
        return ParameterError(message: "\(name) has the wrong kind of value: '\(given)' (expected a number of its kind, e.g. an integer for counts)")
    }
}
