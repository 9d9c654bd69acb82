import Foundation

/// Short text for numbers on axes, in tooltips and in tables: at most four significant digits,
/// scientific notation outside 10⁻³…10⁶, no trailing zeros.
public enum NumberLabel {
    /// `0.001`, `0.25`, `1.5e-05`, `12000`, `3.142`.
    public static func text(_ value: Double, significantDigits: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude < 1e-3 || magnitude >= 1e6 {
            var text = String(format: "%.\(max(significantDigits - 1, 0))e", value)
            // 1.500e-05 → 1.5e-05
            if let e = text.firstIndex(of: "e") {
                var mantissa = String(text[..<e])
                if mantissa.contains(".") {
                    while mantissa.hasSuffix("0") { mantissa.removeLast() }
                    if mantissa.hasSuffix(".") { mantissa.removeLast() }
                }
                text = mantissa + text[e...]
            }
            return text
        }
        let decimals = max(0, significantDigits - 1 - Int(log10(magnitude).rounded(.down)))
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
