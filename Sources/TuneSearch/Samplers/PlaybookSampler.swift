/// The two phases of the Deep Learning Tuning Playbook in one sampler: quasi-random exploration
/// of the whole space for the first trials, then a model-based sampler (TPE or a Gaussian
/// process) that exploits what exploration found.
///
/// The phase of a trial is fixed by its number, so concurrent workers, other processes and a
/// resumed study agree on it; the exploiting sampler learns from every stored trial, the
/// exploration ones included.
public struct PlaybookSampler: Sampler {
    /// Trials numbered below this explore; the rest exploit.
    public let explorationTrials: Int
    public let exploration: any Sampler
    public let exploitation: any Sampler

    /// - Parameters:
    ///   - explorationTrials: how many trials explore (at least 1).
    ///   - exploration: usually a scrambled ``QuasiRandomSampler``.
    ///   - exploitation: usually a ``TPESampler`` or a ``GPSampler``.
    public init(explorationTrials: Int, exploration: any Sampler, exploitation: any Sampler) {
        self.explorationTrials = max(1, explorationTrials)
        self.exploration = exploration
        self.exploitation = exploitation
    }

    private func phase(of trial: TrialRecord) -> any Sampler {
        trial.number < explorationTrials ? exploration : exploitation
    }

    public func relativeSearchSpace(history: TrialHistory, trial: TrialRecord) -> SearchSpace {
        phase(of: trial).relativeSearchSpace(history: history, trial: trial)
    }

    public func sampleRelative(history: TrialHistory, trial: TrialRecord, searchSpace: SearchSpace) throws -> [String: Double] {
        try phase(of: trial).sampleRelative(history: history, trial: trial, searchSpace: searchSpace)
    }

    public func sampleIndependent(
        history: TrialHistory, trial: TrialRecord, name: String, distribution: ParameterDistribution
    ) throws -> Double {
        try phase(of: trial).sampleIndependent(history: history, trial: trial, name: name, distribution: distribution)
    }

    public var claimsTrials: Bool { exploration.claimsTrials || exploitation.claimsTrials }

    /// The claim of the phase the new trial falls in (the new trial's number is the number of
    /// trials the study holds).
    public func claim(history: TrialHistory) throws -> TrialClaim {
        let sampler = history.trials.count < explorationTrials ? exploration : exploitation
        return sampler.claimsTrials ? try sampler.claim(history: history) : .start(systemAttributes: [:])
    }

    public func afterTrial(trial: TrialRecord) {
        phase(of: trial).afterTrial(trial: trial)
    }
}
