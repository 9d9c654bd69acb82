import Foundation

/// Tick positions people read at a glance: multiples of 1, 2 or 5 times a power of ten on linear
/// axes (Heckbert's "nice numbers"), powers of ten (with 2× and 5× between them when the axis
/// spans less than three decades) on logarithmic ones.
public enum NiceTicks {
    /// About `count` ticks inside `lower...upper`, a nice step apart, and the step.
    public static func linear(_ lower: Double, _ upper: Double, count: Int = 5) -> (values: [Double], step: Double) {
        guard lower.isFinite, upper.isFinite else { return ([], 1) }
        guard upper > lower else { return ([lower], 1) }
        let step = niceNumber((upper - lower) / Double(max(count - 1, 1)), rounded: true)
        let first = (lower / step).rounded(.up)
        let last = (upper / step).rounded(.down)
        guard last >= first else { return ([], step) }
        // Multiplying the index (rather than adding the step) keeps 0.3 from becoming 0.30000000000000004.
        let values = stride(from: first, through: last, by: 1).map { ($0 * step * 1e12).rounded() / 1e12 }
        return (values, step)
    }

    /// Ticks inside `lower...upper` (both > 0) for a logarithmic axis.
    public static func logarithmic(_ lower: Double, _ upper: Double) -> [Double] {
        guard lower > 0, upper > lower, lower.isFinite, upper.isFinite else { return lower > 0 ? [lower] : [] }
        let firstExponent = Int(log10(lower).rounded(.down))
        let lastExponent = Int(log10(upper).rounded(.up))
        let decades = log10(upper) - log10(lower)
        let multipliers: [Double] = decades < 1 ? [1, 2, 3, 5] : decades < 3 ? [1, 2, 5] : [1]
        let stepEvery = max(1, Int((decades / 6).rounded(.up)))
        var ticks: [Double] = []
        for exponent in firstExponent...lastExponent where (exponent - firstExponent) % stepEvery == 0 {
            for multiplier in multipliers {
                let value = multiplier * pow(10, Double(exponent))
                if value >= lower * (1 - 1e-9), value <= upper * (1 + 1e-9) { ticks.append(value) }
            }
        }
        // A narrow range holding no listed multiple falls back to linear ticks.
        return ticks.count >= 2 ? ticks : linear(lower, upper).values.filter { $0 > 0 }
    }

    /// The nice number (1, 2, 5 or 10 × 10^k) nearest to `value` (or at least `value`).
    static func niceNumber(_ value: Double, rounded: Bool) -> Double {
        let exponent = log10(value).rounded(.down)
        let fraction = value / pow(10, exponent)
        let nice: Double
        if rounded {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return nice * pow(10, exponent)
    }
}
