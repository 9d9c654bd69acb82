extension String {
    /// The text with `&`, `<`, `>`, `"` and `'` replaced by character references, safe inside
    /// HTML and SVG text and inside quoted attribute values. Every string that reaches a report
    /// goes through it once (study, parameter and category names come from users).
    public var htmlEscaped: String {
        var escaped = ""
        escaped.reserveCapacity(utf8.count)
        for character in unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
