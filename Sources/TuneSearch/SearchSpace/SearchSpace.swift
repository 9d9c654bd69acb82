/// An ordered list of named distributions: the declarative form of a search space (what a space
/// file or a model's default space holds) and the joint space a sampler samples at once.
///
/// A parameter may carry a ``ParameterCondition``: it exists only in trials where a parent
/// parameter took one of the given values (a conditional parameter, such as `momentum` only when
/// `optimizer` is `sgd`).
public struct SearchSpace: Hashable, Sendable {
    /// One parameter of the space.
    public struct Parameter: Hashable, Sendable {
        public var name: String
        public var distribution: ParameterDistribution
        public var condition: ParameterCondition?

        public init(_ name: String, _ distribution: ParameterDistribution, condition: ParameterCondition? = nil) {
            self.name = name
            self.distribution = distribution
            self.condition = condition
        }
    }

    /// The parameters, in the order they are suggested.
    public internal(set) var parameters: [Parameter]

    /// A space of `parameters`, validated.
    /// - Throws: ``SearchSpaceError`` for an invalid distribution, a name used twice, or a
    ///   condition whose parent is not an earlier parameter or whose values are not among the
    ///   parent's values.
    public init(_ parameters: [Parameter]) throws {
        for (index, parameter) in parameters.enumerated() {
            try parameter.distribution.validate(name: parameter.name)
            let earlier = parameters[..<index]
            if earlier.contains(where: { $0.name == parameter.name }) {
                throw SearchSpaceError(parameter: parameter.name, problem: "is defined twice; keep one definition")
            }
            if let condition = parameter.condition {
                guard let parent = earlier.first(where: { $0.name == condition.parent }) else {
                    throw SearchSpaceError(parameter: parameter.name,
                        problem: "its condition names '\(condition.parent)', which is not a parameter defined before it; define the parent first")
                }
                for value in condition.values where parent.distribution.internalValue(value) == nil {
                    throw SearchSpaceError(parameter: parameter.name,
                        problem: "its condition value \(value) is not a value of '\(condition.parent)' (\(parent.distribution))")
                }
            }
        }
        self.parameters = parameters
    }

    /// A space of unconditional parameters from name–distribution pairs, in the given order.
    public init(_ pairs: KeyValuePairs<String, ParameterDistribution>) throws {
        try self.init(pairs.map { Parameter($0.key, $0.value) })
    }

    /// The names, in order.
    public var names: [String] { parameters.map(\.name) }

    /// The distribution of `name`, or nil.
    public subscript(name: String) -> ParameterDistribution? {
        parameters.first { $0.name == name }?.distribution
    }

    public var isEmpty: Bool { parameters.isEmpty }
    public var count: Int { parameters.count }
}

/// "Only when `parent` is one of `values`."
public struct ParameterCondition: Hashable, Sendable {
    public var parent: String
    public var values: [ParameterValue]

    public init(parent: String, values: [ParameterValue]) {
        self.parent = parent
        self.values = values
    }

    /// Whether the condition holds for the parent's value `value`.
    public func isSatisfied(by value: ParameterValue) -> Bool {
        values.contains { $0.matches(value) }
    }
}
