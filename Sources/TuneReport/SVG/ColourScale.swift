import Foundation

/// Viridis (van der Walt and Smith's perceptually uniform map, readable in grey and by most
/// colour-blind readers): dark purple at 0, yellow at 1, interpolated between 9 stops.
public enum ColourScale {
    private static let stops: [(Double, Double, Double)] = [
        (68, 1, 84), (72, 40, 120), (62, 74, 137), (49, 104, 142), (38, 130, 142),
        (31, 158, 137), (53, 183, 121), (109, 205, 89), (180, 222, 44), (253, 231, 37),
    ]

    /// The colour at `fraction` in 0...1 (clamped) as `#rrggbb`.
    public static func viridis(_ fraction: Double) -> String {
        let t = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        let scaled = t * Double(stops.count - 1)
        let index = min(Int(scaled), stops.count - 2)
        let local = scaled - Double(index)
        let (a, b) = (stops[index], stops[index + 1])
        func channel(_ x: Double, _ y: Double) -> Int { Int((x + (y - x) * local).rounded()) }
        return String(format: "#%02x%02x%02x", channel(a.0, b.0), channel(a.1, b.1), channel(a.2, b.2))
    }

    /// A map from values in `lower...upper` to viridis colours (the middle colour for an empty range).
    public static func viridis(lower: Double, upper: Double) -> @Sendable (Double) -> String {
        { value in upper > lower ? viridis((value - lower) / (upper - lower)) : viridis(0.5) }
    }
}
