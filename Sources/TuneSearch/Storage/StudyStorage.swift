import Foundation

/// Where studies and their trials live: in memory, or in a database that several processes share.
///
/// Contract (checked by the storage conformance suite):
/// - Implementations are thread-safe (`Sendable`); every method is atomic.
/// - Records are snapshots (structs): changing one changes nothing stored.
/// - Trial numbers within a study are 0, 1, 2, … without gaps or repeats, whichever process
///   creates the trials.
/// - A finished trial (COMPLETE, PRUNED, FAIL) is immutable: further writes to it throw
///   ``StorageError/trialFinished(number:state:)``.
public protocol StudyStorage: Sendable {
    /// Creates an empty study. - Throws: ``StorageError/studyExists(_:)`` if the name is taken.
    func createStudy(name: String, direction: StudyDirection) throws -> StoredStudy
    /// The study called `name`, or nil.
    func study(named name: String) throws -> StoredStudy?
    /// Every study, in creation order.
    func allStudies() throws -> [StoredStudy]
    /// Deletes a study with its trials and everything stored with them (directions, attributes,
    /// parameters, values, intermediate values, heartbeats), as Optuna's `delete_study` does; its
    /// name is free again. - Throws: ``StorageError/studyNotFound(_:)`` for an unknown `id`.
    func deleteStudy(id: Int) throws

    func setStudyUserAttribute(_ key: String, _ value: JSONValue, studyID: Int) throws
    func studyUserAttributes(studyID: Int) throws -> [String: JSONValue]
    func setStudySystemAttribute(_ key: String, _ value: JSONValue, studyID: Int) throws
    func studySystemAttributes(studyID: Int) throws -> [String: JSONValue]

    /// Adds a WAITING trial (evaluated before new ones) with the given attributes.
    func enqueueTrial(studyID: Int, systemAttributes: [String: JSONValue], userAttributes: [String: JSONValue]) throws -> TrialRecord

    /// Starts a trial, atomically with respect to every other process: the oldest WAITING trial
    /// becomes RUNNING if there is one; otherwise `claim` (when given) looks at the study's trials
    /// and either names attributes for a new RUNNING trial or says the study is exhausted (nil is
    /// returned and nothing is created). `systemAttributes` are added to the trial either way.
    func startTrial(
        studyID: Int, systemAttributes: [String: JSONValue], claim: (@Sendable (TrialHistory) throws -> TrialClaim)?
    ) throws -> TrialRecord?

    /// Records a parameter of a RUNNING trial.
    func setParameter(trialID: Int, name: String, internalValue: Double, distribution: ParameterDistribution) throws
    /// Records (or replaces) the intermediate value at `step` of a RUNNING trial.
    func setIntermediateValue(trialID: Int, step: Int, value: Double) throws
    func setTrialUserAttribute(trialID: Int, key: String, value: JSONValue) throws
    func setTrialSystemAttribute(trialID: Int, key: String, value: JSONValue) throws

    /// Moves a RUNNING trial to a finished state with its value, stamping its completion time.
    /// - Returns: false if the trial was no longer RUNNING (another process finished it first).
    @discardableResult
    func finishTrial(trialID: Int, state: TrialState, value: Double?) throws -> Bool

    func trial(id: Int) throws -> TrialRecord
    /// Every trial of a study, in number order.
    func trials(studyID: Int) throws -> [TrialRecord]

    /// The RUNNING trials of a study.
    func runningTrials(studyID: Int) throws -> [TrialRecord]

    /// Whether other processes may work on the same studies (so trials of dead workers must be
    /// looked for).
    var isSharedBetweenProcesses: Bool { get }

    /// Notes that the worker running `trialID` is alive now.
    func recordHeartbeat(trialID: Int) throws
    /// The last heartbeat of each RUNNING trial of a study that has one.
    func heartbeats(studyID: Int) throws -> [Int: Date]
}

extension StudyStorage {
    public func runningTrials(studyID: Int) throws -> [TrialRecord] {
        try trials(studyID: studyID).filter { $0.state == .running }
    }
}

/// A study as stored: its identifier, name and direction.
public struct StoredStudy: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var direction: StudyDirection

    public init(id: Int, name: String, direction: StudyDirection) {
        self.id = id
        self.name = name
        self.direction = direction
    }
}

/// A sampler's answer when a trial is about to be created (see ``Sampler/claim(history:)``).
public enum TrialClaim: Sendable {
    /// Create the trial with these system attributes (a grid point, say).
    case start(systemAttributes: [String: JSONValue])
    /// Nothing is left to evaluate: create nothing and stop the study.
    case exhausted
}

/// A storage request that cannot be carried out.
public enum StorageError: Error, CustomStringConvertible, Sendable, Equatable {
    case studyExists(String)
    case studyNotFound(String)
    case trialNotFound(Int)
    case trialFinished(number: Int, state: TrialState)
    /// The database itself failed or holds something unreadable; the text says what and where.
    case database(String)

    public var description: String {
        switch self {
        case .studyExists(let name): return "a study named '\(name)' already exists; pick another name or load it"
        case .studyNotFound(let name): return "no study named '\(name)' in this storage"
        case .trialNotFound(let id): return "no trial with id \(id) in this storage"
        case let .trialFinished(number, state): return "trial \(number) is already \(state.rawValue) and cannot change"
        case .database(let message): return message
        }
    }
}
