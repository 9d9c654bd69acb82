/// A finished example as `tune-train examples run --json` prints it:
/// `{example, source, quick, data, results, notes, seconds}`.
public struct ExampleOutcome: Encodable, Sendable {
    public var example: String
    public var source: String
    public var quick: Bool
    public var report: ExampleReport
    /// Seconds the whole example took.
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case example, source, quick, data, results, notes, seconds
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(example, forKey: .example)
        try container.encode(source, forKey: .source)
        try container.encode(quick, forKey: .quick)
        try container.encode(report.data, forKey: .data)
        try container.encode(report.results, forKey: .results)
        try container.encode(report.notes, forKey: .notes)
        try container.encode(seconds, forKey: .seconds)
    }
}
