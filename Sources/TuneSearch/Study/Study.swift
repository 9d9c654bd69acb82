import Foundation

/// An optimisation task: a name, a direction, a sampler that proposes trials, a pruner that stops
/// bad ones early, and a storage that keeps every trial (so a study reopened by name resumes).
///
/// Use ``optimize(trials:timeout:concurrency:callbacks:objective:)`` to run an objective on
/// concurrent workers, or ``ask(detached:)`` and ``tell(_:value:)`` to run trials yourself.
public final class Study: @unchecked Sendable {
    public let name: String
    /// The storage's identifier for the study.
    public let id: Int
    public let direction: StudyDirection
    public let sampler: any Sampler
    public let pruner: any Pruner
    public let storage: any StudyStorage
    /// How often a running trial tells the storage it is alive; nil for no heartbeat (in-memory
    /// studies need none). Without a heartbeat for ``staleGracePeriod`` seconds a RUNNING trial
    /// is taken for dead.
    public let heartbeatInterval: TimeInterval?
    public let staleGracePeriod: TimeInterval
    /// Whether a trial whose worker died is enqueued again with the same parameters.
    public let retryStaleTrials: Bool

    private let stateLock = NSLock()
    private var stopRequested = false
    /// The distribution each parameter name has in this study (read when the study is opened,
    /// extended as this process suggests new names): one name, one distribution.
    private var knownDistributions: [String: ParameterDistribution] = [:]

    /// Opens the study called `name` in `storage`, creating it if it does not exist.
    /// - Parameters:
    ///   - direction: for a new study; an existing study keeps its own, and a different one here
    ///     is an error (so a resumed study cannot silently flip its goal).
    ///   - heartbeatInterval: defaults to 20 seconds for storages other than in-memory.
    /// - Throws: ``StorageError`` or ``StudyError/directionMismatch(study:stored:requested:)``.
    public init(
        name: String, direction: StudyDirection = .minimize, sampler: any Sampler = RandomSampler(),
        pruner: any Pruner = NopPruner(), storage: any StudyStorage = InMemoryStorage(),
        heartbeatInterval: TimeInterval? = nil, staleGracePeriod: TimeInterval = 60, retryStaleTrials: Bool = true
    ) throws {
        let stored: StoredStudy
        if let existing = try storage.study(named: name) {
            guard existing.direction == direction else {
                throw StudyError.directionMismatch(study: name, stored: existing.direction, requested: direction)
            }
            stored = existing
        } else {
            do {
                stored = try storage.createStudy(name: name, direction: direction)
            } catch StorageError.studyExists {
                // Another process created it between the lookup and the creation.
                guard let existing = try storage.study(named: name) else { throw StorageError.studyNotFound(name) }
                stored = existing
            }
        }
        self.name = stored.name
        self.id = stored.id
        self.direction = stored.direction
        self.sampler = sampler
        self.pruner = pruner
        self.storage = storage
        self.heartbeatInterval = heartbeatInterval ?? (storage is InMemoryStorage ? nil : 20)
        self.staleGracePeriod = staleGracePeriod
        self.retryStaleTrials = retryStaleTrials
        for trial in try storage.trials(studyID: stored.id) {
            knownDistributions.merge(trial.distributions) { first, _ in first }
        }
    }

    /// The distribution `name` already has in this study, or records `distribution` as its own.
    /// - Returns: the earlier distribution when it differs from `distribution`.
    func registerDistribution(_ distribution: ParameterDistribution, for name: String) -> ParameterDistribution? {
        stateLock.lock()
        defer { stateLock.unlock() }
        if let known = knownDistributions[name] { return known == distribution ? nil : known }
        knownDistributions[name] = distribution
        return nil
    }

    /// Every trial, in number order.
    public var trials: [TrialRecord] {
        get throws { try storage.trials(studyID: id) }
    }

    /// The trials and the direction, as samplers and pruners see them.
    public var history: TrialHistory {
        get throws { TrialHistory(direction: direction, trials: try trials) }
    }

    /// The best COMPLETE trial, or nil when none has completed.
    public var bestTrial: TrialRecord? {
        get throws { try history.best }
    }

    /// The best value, or nil when no trial has completed.
    public var bestValue: Double? {
        get throws { try bestTrial?.value }
    }

    /// The parameters of the best trial, or nil when no trial has completed.
    public var bestParameters: [String: ParameterValue]? {
        get throws { try bestTrial?.parameters }
    }

    /// Asks running ``optimize(trials:timeout:concurrency:callbacks:objective:)`` calls to start no
    /// new trial (running ones finish).
    public func stop() {
        stateLock.lock()
        stopRequested = true
        stateLock.unlock()
    }

    var isStopRequested: Bool {
        stateLock.lock()
        defer { stateLock.unlock() }
        return stopRequested
    }

    func clearStopRequest() {
        stateLock.lock()
        stopRequested = false
        stateLock.unlock()
    }

    /// Adds a trial with given parameters, evaluated before any sampled one (to start from known
    /// good settings, or to retry). Parameters the objective suggests but `parameters` lacks are
    /// sampled as usual.
    /// - Parameter skipIfExists: do nothing if a trial with exactly these parameters is already
    ///   waiting, running or finished.
    public func enqueueTrial(
        _ parameters: [String: ParameterValue], userAttributes: [String: JSONValue] = [:], skipIfExists: Bool = false
    ) throws {
        if skipIfExists {
            for trial in try trials where trial.parameters.count == parameters.count {
                if parameters.allSatisfy({ key, value in trial.parameters[key].map { $0.matches(value) } ?? false }) { return }
                if case .object(let fixed)? = trial.systemAttributes[SystemAttributeKey.fixedParameters],
                   fixed.count == parameters.count,
                   fixed.allSatisfy({ pair in parameters[pair.key].map { ParameterValue(json: pair.value)?.matches($0) ?? false } ?? false }) {
                    return
                }
            }
        }
        let fixed = JSONValue.object(parameters.sorted { $0.key < $1.key }.map { ($0.key, $0.value.json) })
        _ = try storage.enqueueTrial(
            studyID: id, systemAttributes: [SystemAttributeKey.fixedParameters: fixed], userAttributes: userAttributes)
    }

    /// Starts a trial for you to evaluate: the oldest enqueued one, or a new one from the sampler.
    /// - Parameter detached: the trial outlives this process — another process tells it, as
    ///   `tune-train ask` and `tell` do. Such a trial records no worker and no heartbeat, so no
    ///   stale-trial sweep fails it: it stays RUNNING until told (as Optuna's trials without a
    ///   heartbeat do).
    /// - Returns: nil when the sampler has nothing left (a finished grid).
    public func ask(detached: Bool = false) throws -> Trial? {
        if storage.isSharedBetweenProcesses { try failStaleTrials() }
        let sampler = self.sampler
        let claim: (@Sendable (TrialHistory) throws -> TrialClaim)? = sampler.claimsTrials ? { @Sendable history in try sampler.claim(history: history) } : nil
        let worker: [String: JSONValue] = detached ? [:] : [SystemAttributeKey.worker: WorkerIdentity.current.json]
        guard let record = try storage.startTrial(studyID: id, systemAttributes: worker, claim: claim) else { return nil }
        if heartbeatInterval != nil, !detached { try storage.recordHeartbeat(trialID: record.id) }
        let storage = self.storage, id = self.id
        let history = TrialHistory(direction: direction) { try storage.trials(studyID: id) }
        do {
            let trial = try Trial(study: self, record: record, history: history)
            if let error = history.loadError { throw error }
            return trial
        } catch {
            try storage.setTrialSystemAttribute(trialID: record.id, key: SystemAttributeKey.failReason, value: .string("\(error)"))
            try storage.finishTrial(trialID: record.id, state: .fail, value: nil)
            throw error
        }
    }

    /// Finishes `trial` with the objective's value: COMPLETE for a finite value, FAIL (with the
    /// reason stored) for NaN or an infinity.
    @discardableResult
    public func tell(_ trial: Trial, value: Double) throws -> TrialRecord {
        try finish(trial.snapshot, value: value).record
    }

    /// Finishes `trial` as PRUNED (keeping its last intermediate value as its value) or FAIL.
    /// - Throws: ``StudyError/notAFinalState(_:)`` for RUNNING or WAITING; COMPLETE needs a value.
    @discardableResult
    public func tell(_ trial: Trial, state: TrialState) throws -> TrialRecord {
        try finish(trial.snapshot, state: state).record
    }

    /// Finishes `trial` as FAIL, storing `reason`.
    @discardableResult
    public func fail(_ trial: Trial, reason: String) throws -> TrialRecord {
        try finish(trial.snapshot, failing: reason).record
    }

    /// What finishing a trial did: the trial as stored afterwards, and whether this call finished
    /// it (false when another process had finished it first).
    struct Finishing {
        var record: TrialRecord
        var finishedHere: Bool
    }

    /// Finishes the trial `record` with a value: COMPLETE when finite, FAIL otherwise.
    func finish(_ record: TrialRecord, value: Double) throws -> Finishing {
        guard value.isFinite else {
            return try finish(record, failing: "the objective returned \(value), not a finite number")
        }
        return try finished(record, try storage.finishTrial(trialID: record.id, state: .complete, value: value))
    }

    /// Finishes the trial `record` as PRUNED (with its last finite intermediate value) or FAIL.
    func finish(_ record: TrialRecord, state: TrialState) throws -> Finishing {
        switch state {
        case .pruned:
            let last = record.lastStep.flatMap { record.intermediateValues[$0] }.flatMap { $0.isFinite ? $0 : nil }
            return try finished(record, try storage.finishTrial(trialID: record.id, state: .pruned, value: last))
        case .fail:
            return try finish(record, failing: "marked FAIL by the caller")
        case .complete, .running, .waiting:
            throw StudyError.notAFinalState(state)
        }
    }

    /// Finishes the trial `record` as FAIL, storing `reason`.
    func finish(_ record: TrialRecord, failing reason: String) throws -> Finishing {
        try storage.setTrialSystemAttribute(trialID: record.id, key: SystemAttributeKey.failReason, value: .string(reason))
        return try finished(record, try storage.finishTrial(trialID: record.id, state: .fail, value: nil))
    }

    private func finished(_ record: TrialRecord, _ finishedHere: Bool) throws -> Finishing {
        let stored = try storage.trial(id: record.id)
        sampler.afterTrial(trial: stored)
        return Finishing(record: stored, finishedHere: finishedHere)
    }
}

/// A study used against its own rules.
public enum StudyError: Error, CustomStringConvertible, Sendable, Equatable {
    case directionMismatch(study: String, stored: StudyDirection, requested: StudyDirection)
    case notAFinalState(TrialState)
    case invalidSetting(String)
    /// A trial number the study does not hold.
    case trialNotFound(study: String, number: Int, count: Int)
    /// A trial told that is not RUNNING (finished already, or enqueued and never asked).
    case trialNotRunning(number: Int, state: TrialState)

    public var description: String {
        switch self {
        case let .directionMismatch(study, stored, requested):
            return "study '\(study)' is stored with direction \(stored.rawValue.lowercased()), not \(requested.rawValue.lowercased()); use the stored direction or a new study name"
        case .notAFinalState(let state):
            return "a trial can only be told COMPLETE (with a value), PRUNED or FAIL, not \(state.rawValue)"
        case .invalidSetting(let message):
            return message
        case let .trialNotFound(study, number, count):
            return "study '\(study)' has no trial \(number)"
                + (count == 0 ? " (it has no trials yet; ask for one first)" : " (its trials are numbered 0 to \(count - 1))")
        case let .trialNotRunning(number, state):
            return state == .waiting
                ? "trial \(number) is WAITING (enqueued, not yet started); ask for it first, then tell it"
                : "trial \(number) is already \(state.rawValue) and cannot be told again; tell a RUNNING trial"
        }
    }
}
