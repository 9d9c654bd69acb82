/// A chart's data rectangle inside a canvas, with its two scales: draws the frame, grid lines,
/// ticks and axis titles, so every plot gets the same readable axes.
public struct PlotArea: Sendable {
    /// The data rectangle in canvas pixels.
    public var left: Double, top: Double, width: Double, height: Double
    public var x: AxisScale
    public var y: AxisScale

    public var right: Double { left + width }
    public var bottom: Double { top + height }

    /// The rectangle, and its scales built from their pixel ranges (x: left to right, y: bottom to top).
    public init(left: Double, top: Double, width: Double, height: Double, x: (Double, Double) -> AxisScale, y: (Double, Double) -> AxisScale) {
        self.left = left
        self.top = top
        self.width = width
        self.height = height
        self.x = x(left, left + width)
        self.y = y(top + height, top)
    }

    /// The canvas point of a data point.
    public func point(_ xValue: Double, _ yValue: Double) -> (Double, Double) {
        (x.position(xValue), y.position(yValue))
    }

    /// Draws the frame, light grid lines at the ticks, tick labels and the axis titles.
    public func drawAxes(on canvas: inout SVGCanvas, xTitle: String, yTitle: String) {
        canvas.rect(x: left, y: top, width: width, height: height, ["fill": "#fff", "stroke": "#999"])
        canvas.beginGroup(["class": "axis"])
        for tick in x.ticks {
            let px = x.position(tick.value)
            canvas.line(px, top, px, bottom, ["stroke": "#e6e6e6"])
            canvas.line(px, bottom, px, bottom + 4, ["stroke": "#666"])
            canvas.text(px, bottom + 16, tick.label, anchor: "middle", size: 10)
        }
        for tick in y.ticks {
            let py = y.position(tick.value)
            canvas.line(left, py, right, py, ["stroke": "#e6e6e6"])
            canvas.line(left - 4, py, left, py, ["stroke": "#666"])
            canvas.text(left - 6, py + 3.5, tick.label, anchor: "end", size: 10)
        }
        canvas.line(left, bottom, right, bottom, ["stroke": "#666"])
        canvas.line(left, top, left, bottom, ["stroke": "#666"])
        canvas.text(left + width / 2, bottom + 34, xTitle, anchor: "middle", size: 12)
        canvas.text(left - 46, top + height / 2, yTitle, anchor: "middle", size: 12, rotate: -90)
        canvas.endGroup()
    }
}
