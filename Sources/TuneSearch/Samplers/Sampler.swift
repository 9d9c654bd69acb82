/// Chooses the parameters of new trials (Optuna's three-phase sampler contract).
///
/// When a trial starts, the study asks the sampler for a *relative* search space (parameters it
/// wants to sample jointly, as TPE-multivariate, Gaussian processes and CMA-ES do) and samples it
/// at once with ``sampleRelative(history:trial:searchSpace:)``. Every parameter the objective then
/// suggests outside that space — conditional parameters among them — is sampled alone with
/// ``sampleIndependent(history:trial:name:distribution:)``. Samplers see a read-only
/// ``TrialHistory``, never the study or its storage, and work with internal values (see
/// ``ParameterDistribution``); continuous samplers go through ``SearchSpaceTransform``.
///
/// Reproducibility: a sampler draws its randomness from its seed and the trial's number (see
/// ``TrialRandomness``), so the same seed gives the same trials whatever the number of workers
/// whenever the sampler does not learn from history, and run sequentially in every case.
public protocol Sampler: Sendable {
    /// The parameters to sample jointly for `trial`. Default: none.
    func relativeSearchSpace(history: TrialHistory, trial: TrialRecord) -> SearchSpace
    /// Internal values for the parameters of `searchSpace`. Default: none.
    func sampleRelative(history: TrialHistory, trial: TrialRecord, searchSpace: SearchSpace) throws -> [String: Double]
    /// The internal value of one parameter.
    func sampleIndependent(
        history: TrialHistory, trial: TrialRecord, name: String, distribution: ParameterDistribution
    ) throws -> Double
    /// Whether ``claim(history:)`` must run when a trial is created (it costs a read of the
    /// study's trials inside the creating transaction). Default: false.
    var claimsTrials: Bool { get }
    /// Decides, atomically with every other worker and process, what a new trial is (a grid
    /// point, say) or that nothing is left. Default: `.start(systemAttributes: [:])`.
    func claim(history: TrialHistory) throws -> TrialClaim
    /// Called when a trial this sampler's study ran in this process has finished (the next
    /// sampling call sees it in the history). Default: nothing.
    func afterTrial(trial: TrialRecord)
}

extension Sampler {
    public func relativeSearchSpace(history: TrialHistory, trial: TrialRecord) -> SearchSpace {
        SearchSpace(validated: [])
    }

    public func sampleRelative(
        history: TrialHistory, trial: TrialRecord, searchSpace: SearchSpace
    ) throws -> [String: Double] { [:] }

    public var claimsTrials: Bool { false }

    public func claim(history: TrialHistory) throws -> TrialClaim { .start(systemAttributes: [:]) }

    public func afterTrial(trial: TrialRecord) {}
}
