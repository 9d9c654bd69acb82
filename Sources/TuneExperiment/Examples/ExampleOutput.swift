/// One piece of an example's printed output: a line of text or a table (the CLI aligns it).
public enum ExampleOutput: Sendable, Equatable {
    case line(String)
    case table(header: [String], rows: [[String]])
}
