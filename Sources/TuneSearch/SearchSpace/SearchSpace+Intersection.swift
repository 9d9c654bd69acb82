extension SearchSpace {
    /// The parameters that every finished trial of `history` (COMPLETE or PRUNED) has, each with
    /// the same distribution throughout, ordered by name: the joint space that model-based and
    /// quasi-random samplers sample at once (Optuna's `IntersectionSearchSpace`). Parameters with
    /// a single value are left out (there is nothing to sample).
    public static func intersection(of history: TrialHistory) -> SearchSpace {
        var common: [String: ParameterDistribution]?
        for trial in history.trials where trial.state == .complete || trial.state == .pruned {
            common = narrowed(common, by: trial)
        }
        return SearchSpace(common: common)
    }

    /// `common` without the parameters `trial` lacks or draws from another distribution; the
    /// trial's own distributions when nothing is known yet (`common` nil).
    static func narrowed(_ common: [String: ParameterDistribution]?, by trial: TrialRecord) -> [String: ParameterDistribution] {
        guard var current = common else { return trial.distributions }
        for (name, distribution) in current where trial.distributions[name] != distribution {
            current[name] = nil
        }
        return current
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

    /// The parameters a sampler can sample jointly from the start when the space is known in
    /// advance: the unconditional ones with more than one value (conditional parameters exist
    /// only in some trials, so they are sampled alone).
    var jointlySampled: SearchSpace {
        SearchSpace(validated: parameters.filter { $0.condition == nil && !$0.distribution.isSingleValue })
    }

    /// A space from parameters known to be valid (no checks).
    init(validated parameters: [Parameter]) {
        self.parameters = parameters
    }
}
