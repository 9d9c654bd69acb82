/// A plot's key: one row per entry, each with a swatch drawn as the plot draws that series.
public struct Legend: Sendable {
    /// How an entry's swatch looks.
    public enum Swatch: Sendable {
        case line(colour: String, width: Double, dashed: Bool)
        case dot(fill: String, stroke: String)
        case cross(colour: String)
        case star(colour: String)
    }

    public var entries: [(label: String, swatch: Swatch)]

    public init(_ entries: [(label: String, swatch: Swatch)]) {
        self.entries = entries
    }

    /// Draws the entries in rows starting at `(x, y)` (the first row's text baseline), wrapping
    /// before `x + width`.
    public func draw(on canvas: inout SVGCanvas, x: Double, y startY: Double, width: Double = 900) {
        var cursor = x, y = startY
        canvas.beginGroup(["class": "legend"])
        for entry in entries {
            let entryWidth = 24 + Double(entry.label.count) * 6.2 + 18
            if cursor > x, cursor + entryWidth > x + width {
                cursor = x
                y += 17
            }
            switch entry.swatch {
            case let .line(colour, width, dashed):
                canvas.line(cursor, y - 4, cursor + 18, y - 4, dashed
                    ? ["stroke": colour, "stroke-width": SVGCanvas.number(width), "stroke-dasharray": "4 3"]
                    : ["stroke": colour, "stroke-width": SVGCanvas.number(width)])
            case let .dot(fill, stroke):
                canvas.circle(cursor + 9, y - 4, radius: 4, ["fill": fill, "stroke": stroke])
            case .cross(let colour):
                canvas.cross(cursor + 9, y - 4, size: 4, ["stroke": colour, "stroke-width": "2"])
            case .star(let colour):
                canvas.star(cursor + 9, y - 4, radius: 7, ["fill": colour, "stroke": "#333"])
            }
            canvas.text(cursor + 24, y, entry.label, size: 11)
            cursor += entryWidth
        }
        canvas.endGroup()
    }
}
