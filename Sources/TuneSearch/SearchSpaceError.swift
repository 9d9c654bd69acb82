/// A search space that cannot be sampled, or a parameter used inconsistently: names the parameter,
/// what is wrong, and the fix.
public struct SearchSpaceError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The parameter the problem is about.
    public let parameter: String
    /// What is wrong and how to fix it.
    public let problem: String

    public init(parameter: String, problem: String) {
        self.parameter = parameter
        self.problem = problem
    }

    public var description: String { "parameter '\(parameter)': \(problem)" }
}
