import TuneSearch

/// The command `tune-train exec` runs once per trial: its arguments with `{name}` placeholders
/// that each trial fills with its parameter values, and the environment that carries the same
/// values as `TT_PARAM_NAME` variables.
///
/// A placeholder is a parameter's name in braces, anywhere in an argument (`--lr={lr}`). Other
/// braces are left alone (`{"a": 1}`, `{}`), and `{{name}}` stands for the literal text `{name}`.
/// A conditional parameter that a trial does not use is substituted as the empty string and its
/// variable is not set.
public struct CommandTemplate: Sendable {
    /// One piece of an argument.
    enum Segment: Equatable, Sendable {
        case text(String)
        case parameter(String)
    }

    /// The arguments as given, the program first.
    public let arguments: [String]
    private let segments: [[Segment]]

    /// Reads the placeholders of `arguments` against `space`.
    /// - Throws: ``CommandTemplateError`` for an empty command, a placeholder naming no
    ///   parameter of the space, or two parameters whose variable names collide.
    public init(arguments: [String], space: SearchSpace) throws {
        guard !arguments.isEmpty else {
            throw CommandTemplateError(message: "no command to run; put it after --, e.g. -- python3 train.py --lr {lr}")
        }
        let names = Set(space.names)
        let segments = arguments.map { Self.segments(of: $0, parameterNames: names) }
        for case .parameter(let name) in segments.joined() where !names.contains(name) {
            throw CommandTemplateError(message: "the command uses {\(name)}, which is not a parameter of the space (\(space.names.joined(separator: ", "))); fix the name, or write {{\(name)}} for the literal text {\(name)}")
        }
        var owners: [String: String] = [:]
        for name in space.names {
            let variable = Self.environmentName(for: name)
            if let other = owners[variable] {
                throw CommandTemplateError(message: "parameters '\(other)' and '\(name)' would both be exported as \(variable); rename one of them in the space file")
            }
            owners[variable] = name
        }
        self.arguments = arguments
        self.segments = segments
    }

    /// The arguments of a trial that chose `parameters`.
    public func arguments(for parameters: [(name: String, value: ParameterValue)]) -> [String] {
        segments.map { pieces in
            pieces.map { piece in
                switch piece {
                case .text(let text): return text
                case .parameter(let name): return parameters.first { $0.name == name }?.value.description ?? ""
                }
            }.joined()
        }
    }

    /// The variables a trial exports: `TT_PARAM_<NAME>` per chosen parameter and
    /// `TT_TRIAL_NUMBER`.
    public func environment(for parameters: [(name: String, value: ParameterValue)], trialNumber: Int) -> [String: String] {
        var variables = ["TT_TRIAL_NUMBER": String(trialNumber)]
        for parameter in parameters { variables[Self.environmentName(for: parameter.name)] = parameter.value.description }
        return variables
    }

    /// `TT_PARAM_` and the name upper-cased, each character other than an ASCII letter or digit
    /// written `_`: `hidden-size` → `TT_PARAM_HIDDEN_SIZE`.
    public static func environmentName(for parameter: String) -> String {
        "TT_PARAM_" + String(parameter.uppercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }

    /// Splits `argument` into text and placeholders. A placeholder's name is one of
    /// `parameterNames`, or looks like one (letters, digits, `_`, `-`, `.`), so a misspelt name
    /// is reported rather than passed on as text.
    static func segments(of argument: String, parameterNames: Set<String>) -> [Segment] {
        func isName(_ text: Substring) -> Bool {
            parameterNames.contains(String(text))
                || (text.first.map { $0.isLetter || $0 == "_" } ?? false)
                && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
        }
        var segments: [Segment] = []
        var text = ""
        var rest = argument[...]
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            rest = rest[open...]
            if rest.hasPrefix("{{"), let close = rest.range(of: "}}"), isName(rest[rest.index(open, offsetBy: 2)..<close.lowerBound]) {
                text += rest[rest.index(after: open)..<rest.index(before: close.upperBound)]
                rest = rest[close.upperBound...]
            } else if let close = rest.firstIndex(of: "}"), isName(rest[rest.index(after: open)..<close]) {
                if !text.isEmpty { segments.append(.text(text)) }
                text = ""
                segments.append(.parameter(String(rest[rest.index(after: open)..<close])))
                rest = rest[rest.index(after: close)...]
            } else {
                text += "{"
                rest = rest.dropFirst()
            }
        }
        text += rest
        if !text.isEmpty || segments.isEmpty { segments.append(.text(text)) }
        return segments
    }
}

/// A command that cannot be run as given; the message names the fix.
public struct CommandTemplateError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}
