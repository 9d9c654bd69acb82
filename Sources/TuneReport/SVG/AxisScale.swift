import Foundation

/// How an axis maps data values to pixels: linearly, logarithmically (for values spanning
/// decades and log-distributed parameters) or as evenly spaced categories (value = index).
public struct AxisScale: Sendable {
    public enum Kind: Sendable, Equatable {
        case linear
        case logarithmic
        /// Category `i` sits at value `i`; the domain runs from −0.5 to count − 0.5.
        case categorical([String])
    }

    public var kind: Kind
    /// The data values at the two ends of the axis.
    public var domain: (lower: Double, upper: Double)
    /// The pixel positions of `domain.lower` and `domain.upper` (the upper end may be the smaller
    /// pixel, as on a y axis).
    public var pixels: (start: Double, end: Double)

    /// A linear scale over `values` padded by 5% each side (a fixed span around a single value).
    public static func linear(covering values: [Double], pixels: (Double, Double)) -> AxisScale {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else {
            return AxisScale(kind: .linear, domain: (0, 1), pixels: pixels)
        }
        let pad = high > low ? (high - low) * 0.05 : max(abs(low) * 0.1, 0.5)
        return AxisScale(kind: .linear, domain: (low - pad, high + pad), pixels: pixels)
    }

    /// A logarithmic scale over the positive `values`, padded by 5% of the decades each side.
    public static func logarithmic(covering values: [Double], pixels: (Double, Double)) -> AxisScale {
        let positive = values.filter { $0 > 0 && $0.isFinite }
        guard let low = positive.min(), let high = positive.max() else {
            return AxisScale(kind: .logarithmic, domain: (1, 10), pixels: pixels)
        }
        let pad = high > low ? (log10(high) - log10(low)) * 0.05 : 0.5
        return AxisScale(kind: .logarithmic, domain: (low / pow(10, pad), high * pow(10, pad)), pixels: pixels)
    }

    /// A log scale when `values` span more than a decade, else a linear one.
    public static func automatic(covering values: [Double], pixels: (Double, Double)) -> AxisScale {
        spansDecades(values) ? logarithmic(covering: values, pixels: pixels) : linear(covering: values, pixels: pixels)
    }

    /// Evenly spaced categories.
    public static func categorical(_ names: [String], pixels: (Double, Double)) -> AxisScale {
        AxisScale(kind: .categorical(names), domain: (-0.5, Double(names.count) - 0.5), pixels: pixels)
    }

    /// Whether `values` read better on a log axis: all positive, the largest more than ten
    /// times the smallest.
    public static func spansDecades(_ values: [Double]) -> Bool {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), low > 0 else { return false }
        return high / low > 10
    }

    /// The pixel position of `value` (clamped a little outside the axis for values beyond it).
    public func position(_ value: Double) -> Double {
        let fraction: Double
        switch kind {
        case .logarithmic:
            let v = max(value, domain.lower * 1e-3)
            fraction = (log10(v) - log10(domain.lower)) / (log10(domain.upper) - log10(domain.lower))
        case .linear, .categorical:
            fraction = (value - domain.lower) / (domain.upper - domain.lower)
        }
        let clamped = fraction.isFinite ? min(max(fraction, -0.05), 1.05) : 0.5
        return pixels.start + clamped * (pixels.end - pixels.start)
    }

    /// The ticks to draw: values with their labels.
    public var ticks: [(value: Double, label: String)] {
        switch kind {
        case .linear:
            return NiceTicks.linear(domain.lower, domain.upper).values.map { ($0, NumberLabel.text($0)) }
        case .logarithmic:
            return NiceTicks.logarithmic(domain.lower, domain.upper).map { ($0, NumberLabel.text($0)) }
        case .categorical(let names):
            // Label at most about 12 categories, evenly thinned.
            let every = max(1, (names.count + 11) / 12)
            return names.enumerated().filter { $0.offset % every == 0 }.map { (Double($0.offset), $0.element) }
        }
    }
}
