/// A plain fixed-width table for terminal output: left-aligned text, right-aligned numbers.
struct TextTable {
    var header: [String]
    var rows: [[String]]

    var rendered: String {
        let widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { cell, width in
                let padding = String(repeating: " ", count: width - cell.count)
                return Double(cell) != nil ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces
        }
        let rule = widths.map { String(repeating: "-", count: $0) }
        return ([line(header), line(rule)] + rows.map(line)).joined(separator: "\n")
    }
}

/// A number with up to four significant decimals and no trailing noise.
func formatted(_ value: Double) -> String {
    if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
    let magnitude = abs(value)
    let decimals = magnitude >= 100 ? 2 : magnitude >= 1 ? 3 : 4
    var text = String(value.rounded(toPlaces: decimals))
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
}

extension Double {
    fileprivate func rounded(toPlaces places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}

extension String {
    /// The text without the spaces that pad its last column.
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
