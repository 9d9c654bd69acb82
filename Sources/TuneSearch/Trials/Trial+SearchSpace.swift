extension Trial {
    /// Suggests every parameter of `space` in the space's order, skipping a conditional parameter
    /// whose parent was skipped or took a value outside its condition — the define-by-run trial a
    /// space file describes, shared by the tuning objective and `tune-train ask`.
    /// - Returns: the suggested parameters, in the space's order.
    /// - Throws: as ``suggest(_:_:)``.
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
