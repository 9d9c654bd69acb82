import Testing

/// Runs `tune-train` with each argument list and expects a usage error: exit 64, standard error
/// naming the problem (`message`), nothing on standard output.
func expectUsageErrors(_ cases: [(arguments: [String], message: String)], sourceLocation: SourceLocation = #_sourceLocation) throws {
    for (arguments, message) in cases {
        let outcome = try TuneTrainProcess.run(arguments)
        #expect(outcome.status == 64, "\(arguments): \(outcome.standardError)", sourceLocation: sourceLocation)
        #expect(outcome.standardError.contains(message), "\(arguments): \(outcome.standardError)", sourceLocation: sourceLocation)
        #expect(outcome.standardOutput.isEmpty, "\(arguments)", sourceLocation: sourceLocation)
    }
}
