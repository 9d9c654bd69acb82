import Foundation

/// A storage in this process's memory: fast, and gone when the process ends.
public final class InMemoryStorage: StudyStorage, @unchecked Sendable {
    private let lock = NSLock()
    private var studies: [StoredStudy] = []
    private var studyUser: [Int: [String: JSONValue]] = [:]
    private var studySystem: [Int: [String: JSONValue]] = [:]
    /// Trials by id; ids are positions.
    private var records: [TrialRecord] = []
    private var studyOfTrial: [Int] = []
    private var trialsOfStudy: [Int: [Int]] = [:]
    /// WAITING trial ids per study, oldest first.
    private var waitingOfStudy: [Int: [Int]] = [:]
    private var beats: [Int: Date] = [:]

    public init() {}

    /// Only this process sees an in-memory storage.
    public var isSharedBetweenProcesses: Bool { false }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    public func createStudy(name: String, direction: StudyDirection) throws -> StoredStudy {
        try locked {
            guard !studies.contains(where: { $0.name == name }) else { throw StorageError.studyExists(name) }
            let study = StoredStudy(id: studies.count, name: name, direction: direction)
            studies.append(study)
            trialsOfStudy[study.id] = []
            return study
        }
    }

    public func study(named name: String) throws -> StoredStudy? {
        locked { studies.first { $0.name == name } }
    }

    public func allStudies() throws -> [StoredStudy] { locked { studies } }

    public func setStudyUserAttribute(_ key: String, _ value: JSONValue, studyID: Int) throws {
        locked { studyUser[studyID, default: [:]][key] = value }
    }

    public func studyUserAttributes(studyID: Int) throws -> [String: JSONValue] { locked { studyUser[studyID] ?? [:] } }

    public func setStudySystemAttribute(_ key: String, _ value: JSONValue, studyID: Int) throws {
        locked { studySystem[studyID, default: [:]][key] = value }
    }

    public func studySystemAttributes(studyID: Int) throws -> [String: JSONValue] { locked { studySystem[studyID] ?? [:] } }

    public func enqueueTrial(
        studyID: Int, systemAttributes: [String: JSONValue], userAttributes: [String: JSONValue]
    ) throws -> TrialRecord {
        try locked {
            try insertTrial(studyID: studyID, state: .waiting, systemAttributes: systemAttributes, userAttributes: userAttributes)
        }
    }

    public func startTrial(
        studyID: Int, systemAttributes: [String: JSONValue], claim: (@Sendable (TrialHistory) throws -> TrialClaim)?
    ) throws -> TrialRecord? {
        try locked {
            guard let ids = trialsOfStudy[studyID] else { throw StorageError.studyNotFound("#\(studyID)") }
            if let waiting = waitingOfStudy[studyID]?.first {
                waitingOfStudy[studyID]?.removeFirst()
                records[waiting].state = .running
                records[waiting].started = Date()
                records[waiting].systemAttributes.merge(systemAttributes) { $1 }
                return records[waiting]
            }
            var attributes = systemAttributes
            if let claim {
                let history = TrialHistory(direction: studies[studyID].direction, trials: ids.map { records[$0] })
                switch try claim(history) {
                case .exhausted: return nil
                case .start(let claimed): attributes.merge(claimed) { $1 }
                }
            }
            return try insertTrial(studyID: studyID, state: .running, systemAttributes: attributes, userAttributes: [:])
        }
    }

    /// Appends a trial; the caller holds the lock.
    private func insertTrial(
        studyID: Int, state: TrialState, systemAttributes: [String: JSONValue], userAttributes: [String: JSONValue]
    ) throws -> TrialRecord {
        guard let ids = trialsOfStudy[studyID] else { throw StorageError.studyNotFound("#\(studyID)") }
        let record = TrialRecord(
            id: records.count, number: ids.count, state: state, userAttributes: userAttributes,
            systemAttributes: systemAttributes, started: state == .running ? Date() : nil)
        records.append(record)
        studyOfTrial.append(studyID)
        trialsOfStudy[studyID, default: []].append(record.id)
        if state == .waiting { waitingOfStudy[studyID, default: []].append(record.id) }
        return record
    }

    /// Applies `change` to a trial that is still open; the caller holds no lock.
    private func updateOpenTrial(_ id: Int, _ change: (inout TrialRecord) -> Void) throws {
        try locked {
            guard records.indices.contains(id) else { throw StorageError.trialNotFound(id) }
            guard !records[id].state.isFinished else {
                throw StorageError.trialFinished(number: records[id].number, state: records[id].state)
            }
            change(&records[id])
        }
    }

    public func setParameter(trialID: Int, name: String, internalValue: Double, distribution: ParameterDistribution) throws {
        try updateOpenTrial(trialID) {
            $0.internalParameters[name] = internalValue
            $0.distributions[name] = distribution
        }
    }

    public func setIntermediateValue(trialID: Int, step: Int, value: Double) throws {
        try updateOpenTrial(trialID) { $0.intermediateValues[step] = value }
    }

    public func setTrialUserAttribute(trialID: Int, key: String, value: JSONValue) throws {
        try updateOpenTrial(trialID) { $0.userAttributes[key] = value }
    }

    public func setTrialSystemAttribute(trialID: Int, key: String, value: JSONValue) throws {
        try updateOpenTrial(trialID) { $0.systemAttributes[key] = value }
    }

    public func finishTrial(trialID: Int, state: TrialState, value: Double?) throws -> Bool {
        try locked {
            guard records.indices.contains(trialID) else { throw StorageError.trialNotFound(trialID) }
            guard records[trialID].state == .running else { return false }
            records[trialID].state = state
            records[trialID].value = value
            records[trialID].completed = Date()
            beats[trialID] = nil
            return true
        }
    }

    public func trial(id: Int) throws -> TrialRecord {
        try locked {
            guard records.indices.contains(id) else { throw StorageError.trialNotFound(id) }
            return records[id]
        }
    }

    public func trials(studyID: Int) throws -> [TrialRecord] {
        try locked {
            guard let ids = trialsOfStudy[studyID] else { throw StorageError.studyNotFound("#\(studyID)") }
            return ids.map { records[$0] }
        }
    }

    public func recordHeartbeat(trialID: Int) throws {
        locked { beats[trialID] = Date() }
    }

    public func heartbeats(studyID: Int) throws -> [Int: Date] {
        locked { beats.filter { studyOfTrial[$0.key] == studyID && records[$0.key].state == .running } }
    }
}
