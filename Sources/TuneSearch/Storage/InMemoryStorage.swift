import Foundation

/// A storage in this process's memory: fast, and gone when the process ends.
public final class InMemoryStorage: StudyStorage, @unchecked Sendable {
    private let lock = NSLock()
    /// The studies, in creation order.
    private var studies: [StoredStudy] = []
    private var nextStudyID = 0
    private var studyUser: [Int: [String: JSONValue]] = [:]
    private var studySystem: [Int: [String: JSONValue]] = [:]
    /// Trials by id; ids are never reused, even after their study is deleted.
    private var records: [Int: TrialRecord] = [:]
    private var nextTrialID = 0
    private var studyOfTrial: [Int: Int] = [:]
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
            let study = StoredStudy(id: nextStudyID, name: name, direction: direction)
            nextStudyID += 1
            studies.append(study)
            trialsOfStudy[study.id] = []
            return study
        }
    }

    public func study(named name: String) throws -> StoredStudy? {
        locked { studies.first { $0.name == name } }
    }

    public func allStudies() throws -> [StoredStudy] { locked { studies } }

    public func deleteStudy(id: Int) throws {
        try locked {
            guard let ids = trialsOfStudy.removeValue(forKey: id) else { throw StorageError.studyNotFound("#\(id)") }
            studies.removeAll { $0.id == id }
            studyUser[id] = nil
            studySystem[id] = nil
            waitingOfStudy[id] = nil
            for trialID in ids {
                records[trialID] = nil
                studyOfTrial[trialID] = nil
                beats[trialID] = nil
            }
        }
    }

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
            guard let ids = trialsOfStudy[studyID], let study = studies.first(where: { $0.id == studyID }) else {
                throw StorageError.studyNotFound("#\(studyID)")
            }
            if let waiting = waitingOfStudy[studyID]?.first, var record = records[waiting] {
                waitingOfStudy[studyID]?.removeFirst()
                record.state = .running
                record.started = Date()
                record.systemAttributes.merge(systemAttributes) { $1 }
                records[waiting] = record
                return record
            }
            var attributes = systemAttributes
            if let claim {
                let history = TrialHistory(direction: study.direction, trials: ids.compactMap { records[$0] })
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
            id: nextTrialID, number: ids.count, state: state, userAttributes: userAttributes,
            systemAttributes: systemAttributes, started: state == .running ? Date() : nil)
        nextTrialID += 1
        records[record.id] = record
        studyOfTrial[record.id] = studyID
        trialsOfStudy[studyID, default: []].append(record.id)
        if state == .waiting { waitingOfStudy[studyID, default: []].append(record.id) }
        return record
    }

    /// Applies `change` to a trial that is still open; the caller holds no lock.
    private func updateOpenTrial(_ id: Int, _ change: (inout TrialRecord) -> Void) throws {
        try locked {
            guard var record = records[id] else { throw StorageError.trialNotFound(id) }
            guard !record.state.isFinished else { throw StorageError.trialFinished(number: record.number, state: record.state) }
            change(&record)
            records[id] = record
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
            guard var record = records[trialID] else { throw StorageError.trialNotFound(trialID) }
            guard record.state == .running else { return false }
            record.state = state
            record.value = value
            record.completed = Date()
            records[trialID] = record
            beats[trialID] = nil
            return true
        }
    }

    public func trial(id: Int) throws -> TrialRecord {
        try locked {
            guard let record = records[id] else { throw StorageError.trialNotFound(id) }
            return record
        }
    }

    public func trials(studyID: Int) throws -> [TrialRecord] {
        try locked {
            guard let ids = trialsOfStudy[studyID] else { throw StorageError.studyNotFound("#\(studyID)") }
            return ids.compactMap { records[$0] }
        }
    }

    public func recordHeartbeat(trialID: Int) throws {
        locked { beats[trialID] = Date() }
    }

    public func heartbeats(studyID: Int) throws -> [Int: Date] {
        locked { beats.filter { studyOfTrial[$0.key] == studyID && records[$0.key]?.state == .running } }
    }
}
