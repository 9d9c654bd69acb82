/// The key of a colour scale: a vertical viridis bar with the values at its ends and middle.
public struct ColourBar: Sendable {
    public var lower: Double
    public var upper: Double
    public var title: String

    public init(lower: Double, upper: Double, title: String) {
        self.lower = lower
        self.upper = upper
        self.title = title
    }

    /// Draws the bar with its top-left corner at `(x, y)`.
    public func draw(on canvas: inout SVGCanvas, x: Double, y: Double, height: Double) {
        let bands = 24
        canvas.beginGroup(["class": "colour-bar"])
        for band in 0..<bands {
            let fraction = 1 - (Double(band) + 0.5) / Double(bands)
            canvas.rect(x: x, y: y + Double(band) * height / Double(bands), width: 12, height: height / Double(bands) + 0.5,
                        ["fill": ColourScale.viridis(fraction)])
        }
        canvas.rect(x: x, y: y, width: 12, height: height, ["fill": "none", "stroke": "#999"])
        for (fraction, value) in [(0.0, upper), (0.5, (lower + upper) / 2), (1.0, lower)] {
            canvas.text(x + 16, y + fraction * height + 4, NumberLabel.text(value), size: 10)
        }
        canvas.text(x, y - 8, title, size: 11)
        canvas.endGroup()
    }
}
