/// A low-discrepancy sequence that cannot be built.
public struct QuasiRandomError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, with the allowed range.
    public let description: String
}
