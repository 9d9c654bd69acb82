extension Trial {
    /// Suggests every parameter of `space` in its order, skipping a conditional parameter whose
    /// parent took none of its values: what an objective over a declared space (a space file, a
    /// model's default space, a test function's box) does before it evaluates.
    /// - Returns: the chosen values, in the space's order.
    /// - Throws: ``SearchSpaceError`` as ``suggest(_:_:)``.
    public func suggest(_ space: SearchSpace) throws -> [(name: String, value: ParameterValue)] {
        var chosen: [(name: String, value: ParameterValue)] = []
        for parameter in space.parameters {
            if let condition = parameter.condition {
                guard let parent = chosen.first(where: { $0.name == condition.parent }), condition.isSatisfied(by: parent.value) else {
                    continue
                }
            }
            chosen.append((parameter.name, try suggest(parameter.name, parameter.distribution)))
        }
        return chosen
    }
}
