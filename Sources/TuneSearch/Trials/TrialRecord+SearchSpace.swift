extension TrialRecord {
    /// The trial's values of `space`'s parameters, in the space's order (parameters the trial
    /// did not use, such as an inactive conditional one, left out): how results list a setting.
    public func parameters(in space: SearchSpace) -> [(name: String, value: ParameterValue)] {
        let values = parameters
        return space.parameters.compactMap { parameter in values[parameter.name].map { (parameter.name, $0) } }
    }
}
