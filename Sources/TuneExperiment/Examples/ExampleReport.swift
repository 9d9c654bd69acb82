/// What an example found, before it is stamped with its name and time (``ExampleOutcome``).
public struct ExampleReport: Sendable {
    /// The data it ran on, with its shape or the reason for a stand-in.
    public var data: String
    /// Its results as `--json` prints them (a study's ``TuningResult``, a list of them, a table
    /// of optimizer runs).
    public var results: any Encodable & Sendable
    /// What the document printed (its output lines, with this run's values), then the time taken.
    public var printed: [ExampleOutput]
    /// Where the working version departs from the document's code, and why.
    public var notes: [String]

    public init(data: String, results: any Encodable & Sendable, printed: [ExampleOutput], notes: [String]) {
        self.data = data
        self.results = results
        self.printed = printed
        self.notes = notes
    }
}
