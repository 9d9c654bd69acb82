import Foundation

/// An SVG drawing built element by element. Every text and attribute value is escaped here, so
/// plot code never writes markup by hand; coordinates are rounded to 0.1 px to keep files small.
public struct SVGCanvas: Sendable {
    public let width: Double
    public let height: Double
    private var body: [String] = []

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Presentation attributes of one element, as name/value pairs in the order given.
    public typealias Attributes = KeyValuePairs<String, String>

    /// `value` with at most one decimal, no trailing `.0`.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    private static func attributes(_ list: [(String, String)]) -> String {
        list.map { " \($0.0)=\"\($0.1.htmlEscaped)\"" }.joined()
    }

    private mutating func add(_ tag: String, _ geometry: [(String, String)], _ style: Attributes, content: String? = nil) {
        let opening = "<\(tag)" + Self.attributes(geometry + style.map { ($0.key, $0.value) })
        if let content {
            body.append(opening + ">" + content + "</\(tag)>")
        } else {
            body.append(opening + "/>")
        }
    }

    /// A straight segment.
    public mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ style: Attributes = ["stroke": "#333"]) {
        add("line", [("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)), ("y2", Self.number(y2))], style)
    }

    /// Connected segments through `points` (nothing for fewer than two).
    public mutating func polyline(_ points: [(Double, Double)], _ style: Attributes, title: String? = nil) {
        guard points.count >= 2 else { return }
        let list = points.map { Self.number($0.0) + "," + Self.number($0.1) }.joined(separator: " ")
        add("polyline", [("points", list), ("fill", "none")], style, content: title.map(Self.title))
    }

    /// An axis-aligned rectangle.
    public mutating func rect(x: Double, y: Double, width: Double, height: Double, _ style: Attributes, title: String? = nil) {
        add("rect", [("x", Self.number(x)), ("y", Self.number(y)), ("width", Self.number(max(width, 0))),
                     ("height", Self.number(max(height, 0)))], style, content: title.map(Self.title))
    }

    /// A circle; `title` becomes its tooltip.
    public mutating func circle(_ x: Double, _ y: Double, radius: Double, _ style: Attributes, title: String? = nil) {
        add("circle", [("cx", Self.number(x)), ("cy", Self.number(y)), ("r", Self.number(radius))], style, content: title.map(Self.title))
    }

    /// An × marker of half-size `size`.
    public mutating func cross(_ x: Double, _ y: Double, size: Double, _ style: Attributes, title: String? = nil) {
        let d = "M\(Self.number(x - size)),\(Self.number(y - size))L\(Self.number(x + size)),\(Self.number(y + size))"
            + "M\(Self.number(x - size)),\(Self.number(y + size))L\(Self.number(x + size)),\(Self.number(y - size))"
        add("path", [("d", d)], style, content: title.map(Self.title))
    }

    /// A five-pointed star of outer radius `radius` (marks a best value).
    public mutating func star(_ x: Double, _ y: Double, radius: Double, _ style: Attributes, title: String? = nil) {
        let points = (0..<10).map { index -> String in
            let angle = Double(index) * .pi / 5 - .pi / 2
            let r = index.isMultiple(of: 2) ? radius : radius * 0.45
            return Self.number(x + r * cos(angle)) + "," + Self.number(y + r * sin(angle))
        }.joined(separator: " ")
        add("polygon", [("points", points)], style, content: title.map(Self.title))
    }

    /// Text at `(x, y)`; `anchor` is start, middle or end; `rotate` turns it about its anchor.
    public mutating func text(
        _ x: Double, _ y: Double, _ string: String, anchor: String = "start", size: Double = 11, rotate: Double = 0,
        _ style: Attributes = [:]
    ) {
        var geometry = [("x", Self.number(x)), ("y", Self.number(y)), ("text-anchor", anchor), ("font-size", Self.number(size))]
        if rotate != 0 { geometry.append(("transform", "rotate(\(Self.number(rotate)) \(Self.number(x)) \(Self.number(y)))")) }
        add("text", geometry, style, content: string.htmlEscaped)
    }

    /// Starts a group (`<g>`) carrying `style`; close it with ``endGroup()``.
    public mutating func beginGroup(_ style: Attributes) {
        body.append("<g" + Self.attributes(style.map { ($0.key, $0.value) }) + ">")
    }

    /// Closes the innermost group.
    public mutating func endGroup() {
        body.append("</g>")
    }

    private static func title(_ text: String) -> String { "<title>\(text.htmlEscaped)</title>" }

    /// The finished `<svg>` element, scaling to its container's width.
    public func rendered(label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" "
            + "width=\"\(Self.number(width))\" role=\"img\" aria-label=\"\(label.htmlEscaped)\">"
            + body.joined(separator: "\n") + "</svg>"
    }
}
