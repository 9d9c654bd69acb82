import Foundation

/// One example of the documents the project implements (the five posts in the project's seeds,
/// cited as `000_…` to `004_…`), reproducible with `tune-train examples run NAME`: it runs what
/// the document's code means with this toolkit, prints what the document printed, and says where
/// the working version departs from the document's code.
public struct DocumentExample: Sendable {
    /// The name `tune-train examples run` takes, e.g. `iris-grid`.
    public var name: String
    /// The document and section, e.g. `000_1fa8d7deb634aa7a.txt §4.1`.
    public var source: String
    /// One sentence: what the example runs.
    public var description: String
    /// Runs the example and reports what it found.
    private var body: @Sendable (ExampleContext) throws -> ExampleReport

    public init(name: String, source: String, description: String, body: @escaping @Sendable (ExampleContext) throws -> ExampleReport) {
        self.name = name
        self.source = source
        self.description = description
        self.body = body
    }

    /// Runs the example, timing it.
    /// - Throws: what its study or training throws (``ParameterError``, `DataError`, ``ModelError``, ``TuningError``).
    public func run(_ context: ExampleContext) throws -> ExampleOutcome {
        let started = Date()
        let report = try body(context)
        return ExampleOutcome(example: name, source: source, quick: context.quick, report: report,
                              seconds: Date().timeIntervalSince(started))
    }

    /// Every example, in the order of the documents.
    public static let all: [DocumentExample] = [
        .irisGrid, .irisRandom, .bayesianForest, .learningRateRegularisation, .lineOptimizers, .cifar10MLP,
    ]

    /// The example called `name`.
    /// - Throws: ``ParameterError`` listing the names when there is none.
    public static func named(_ name: String) throws -> DocumentExample {
        guard let example = all.first(where: { $0.name == name }) else {
            throw ParameterError(message: "no example '\(name)'; the examples are: \(all.map(\.name).joined(separator: ", "))")
        }
        return example
    }
}
