import Foundation

/// A JSON value: what user and system attributes hold, and what Optuna's storage writes in its
/// `value_json` and `distribution_json` columns.
///
/// Integers and floating-point numbers are kept apart (`3` is not `3.0`) because categorical
/// choices such as `[32, 64, 128]` must come back from a database as the integers they were.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// Keys keep the order they were written in, so the text form is stable.
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b || (a.isNaN && b.isNaN)
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .int(let value): hasher.combine(value)
        case .double(let value): hasher.combine(value)
        case .string(let value): hasher.combine(value)
        case .array(let values): hasher.combine(values)
        case .object(let pairs):
            for pair in pairs { hasher.combine(pair.key); hasher.combine(pair.value) }
        }
    }

    /// The member named `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// The number this value holds (an integer or a floating-point number), or nil.
    public var number: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }
}

extension JSONValue {
    /// The JSON text in Python's `json.dumps` layout (`{"a": 1, "b": [true, null]}`), which is what
    /// Optuna writes; non-finite numbers are written as Python does (`NaN`, `Infinity`).
    public var jsonText: String {
        var text = ""
        write(to: &text)
        return text
    }

    private func write(to text: inout String) {
        switch self {
        case .null: text += "null"
        case .bool(let value): text += value ? "true" : "false"
        case .int(let value): text += String(value)
        case .double(let value):
            if value.isNaN { text += "NaN" } else if value.isInfinite { text += value > 0 ? "Infinity" : "-Infinity" } else {
                text += "\(value)"
            }
        case .string(let value): JSONValue.writeEscaped(value, to: &text)
        case .array(let values):
            text += "["
            for (index, value) in values.enumerated() {
                if index > 0 { text += ", " }
                value.write(to: &text)
            }
            text += "]"
        case .object(let pairs):
            text += "{"
            for (index, pair) in pairs.enumerated() {
                if index > 0 { text += ", " }
                JSONValue.writeEscaped(pair.key, to: &text)
                text += ": "
                pair.value.write(to: &text)
            }
            text += "}"
        }
    }

    /// Appends `value` to `text` as a JSON string literal: quoted, with quotes, backslashes and
    /// control characters escaped.
    public static func writeEscaped(_ value: String, to text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 {
                    text += String(format: "\\u%04x", scalar.value)
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }

    /// Parses JSON text, including Python's `NaN`, `Infinity` and `-Infinity`.
    /// - Throws: ``JSONValueError`` naming the offset of the first unexpected character.
    public init(parsing text: String) throws {
        var parser = JSONTextParser(Array(text.utf8))
        self = try parser.parseDocument()
    }
}

/// A JSON text that could not be parsed.
public struct JSONValueError: Error, CustomStringConvertible, Sendable {
    /// What was wrong, with the byte offset.
    public let description: String
}

/// A recursive-descent parser over UTF-8 bytes.
private struct JSONTextParser {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func parseDocument() throws -> JSONValue {
        let value = try parseValue()
        skipWhitespace()
        guard position == bytes.count else { throw error("unexpected text after the value") }
        return value
    }

    func error(_ message: String) -> JSONValueError {
        JSONValueError(description: "invalid JSON at byte \(position): \(message)")
    }

    mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
    }

    mutating func consume(_ literal: String) -> Bool {
        let literalBytes = Array(literal.utf8)
        guard position + literalBytes.count <= bytes.count,
              Array(bytes[position..<position + literalBytes.count]) == literalBytes else { return false }
        position += literalBytes.count
        return true
    }

    mutating func parseValue() throws -> JSONValue {
        skipWhitespace()
        guard position < bytes.count else { throw error("unexpected end") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        default:
            if consume("null") { return .null }
            if consume("true") { return .bool(true) }
            if consume("false") { return .bool(false) }
            if consume("NaN") { return .double(.nan) }
            if consume("Infinity") { return .double(.infinity) }
            if consume("-Infinity") { return .double(-.infinity) }
            return try parseNumber()
        }
    }

    mutating func parseObject() throws -> JSONValue {
        position += 1
        var pairs: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .object(pairs) }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a key") }
            let key = try parseString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':'") }
            position += 1
            pairs.append((key, try parseValue()))
            skipWhitespace()
            guard position < bytes.count else { throw error("unterminated object") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "}") { position += 1; return .object(pairs) }
            throw error("expected ',' or '}'")
        }
    }

    mutating func parseArray() throws -> JSONValue {
        position += 1
        var values: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(values) }
        while true {
            values.append(try parseValue())
            skipWhitespace()
            guard position < bytes.count else { throw error("unterminated array") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(values) }
            throw error("expected ',' or ']'")
        }
    }

    mutating func parseString() throws -> String {
        position += 1
        var scalars = String.UnicodeScalarView()
        var run: [UInt8] = []
        func flush(_ run: inout [UInt8], into scalars: inout String.UnicodeScalarView) {
            scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
            run.removeAll(keepingCapacity: true)
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                flush(&run, into: &scalars)
                return String(scalars)
            }
            if byte == UInt8(ascii: "\\") {
                flush(&run, into: &scalars)
                position += 1
                guard position < bytes.count else { break }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "u"):
                    var code = try hexQuad()
                    if (0xD800..<0xDC00).contains(code), consume("\\u") {
                        let low = try hexQuad()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                default: scalars.append(Unicode.Scalar(escape))
                }
                continue
            }
            run.append(byte)
            position += 1
        }
        throw error("unterminated string")
    }

    mutating func hexQuad() throws -> UInt32 {
        guard position + 4 <= bytes.count,
              let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
        else { throw error("bad \\u escape") }
        position += 4
        return code
    }

    mutating func parseNumber() throws -> JSONValue {
        let start = position
        var isInteger = true
        while position < bytes.count {
            let byte = bytes[position]
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
                position += 1
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                isInteger = false
                position += 1
            } else {
                break
            }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isInteger, let value = Int(text) { return .int(value) }
        guard !text.isEmpty, let value = Double(text) else { throw error("unexpected character") }
        return .double(value)
    }
}
