/// A low-discrepancy sequence that cannot be built.
public struct QuasiRandomError: Error, CustomStringConvertible, Sendable {
    public let description: String
}
