/// Data that cannot be read: a missing file, a malformed CSV, a bad generator spec.
///
/// The message names the place (file, 1-based line, column number and header name) and what was
/// expected, so a user can fix the input without reading code:
/// `houses.csv:3: row has 2 fields, expected 3 (the header has 3 columns)`.
public struct DataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file or spec the error is about.
    public var source: String
    /// The 1-based line, when the error is about one line.
    public var line: Int?
    /// What is wrong and how to fix it.
    public var message: String

    public init(source: String, line: Int? = nil, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(source):\(line): \(message)" }
        return "\(source): \(message)"
    }
}
