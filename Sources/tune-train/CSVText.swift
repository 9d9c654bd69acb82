import Foundation

/// Comma-separated text as RFC 4180 defines it: CRLF line ends, and a field holding a comma, a
/// double quote, CR or LF enclosed in double quotes with its quotes doubled.
enum CSVText {
    /// The header and rows as one CSV document.
    static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One field, quoted when it must be.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
