extension SearchSpace {
    /// The parameters that every finished trial of `history` (COMPLETE or PRUNED) has, each with
    /// the same distribution throughout, ordered by name: the joint space that model-based and
    /// quasi-random samplers sample at once (Optuna's `IntersectionSearchSpace`). Parameters with
    /// a single value are left out (there is nothing to sample).
    public static func intersection(of history: TrialHistory) -> SearchSpace {
        var common: [String: ParameterDistribution]?
        for trial in history.trials where trial.state == .complete || trial.state == .pruned {
            if var current = common {
                for (name, distribution) in current where trial.distributions[name] != distribution {
                    current[name] = nil
                }
                common = current
            } else {
                common = trial.distributions
            }
        }
        return SearchSpace(common: common)
    }

    /// The space of the distributions every trial shares (none when no trial has finished),
    /// single-valued ones left out, ordered by name.
    init(common: [String: ParameterDistribution]?) {
        let parameters = (common ?? [:]).filter { !$0.value.isSingleValue }
            .sorted { $0.key < $1.key }
            .map { Parameter($0.key, $0.value) }
        // Every distribution came from a stored trial, so it is valid and names are unique.
        self.init(validated: parameters)
    }

    /// A space from parameters known to be valid (no checks).
    init(validated parameters: [Parameter]) {
        self.parameters = parameters
    }
}
