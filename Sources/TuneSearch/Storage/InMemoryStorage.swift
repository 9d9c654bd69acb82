import Foundation

/// A storage in this process's memory: fast, and gone when the process ends.
public final class InMemoryStorage: StudyStorage, @unchecked Sendable {
    private let lock = NSLock()
    /// The studies, in creation order.
    private var studies: [StoredStudy] = []
    private var nextStudyID = 0
    private var studyUser: [Int: [String: JSONValue]] = [:]
    private var studySystem: [Int: [String: JSONValue]] = [:]
    /// Each study's trials in number order (a trial's number is its index), so reading a study's
    /// trials — every model-based sampler does at every trial — hands out the stored array.
    private var trialsOfStudy: [Int: [TrialRecord]] = [:]
    /// Where each trial is kept, by id; ids are never reused, even after their study is deleted.
    private var placeOfTrial: [Int: (study: Int, number: Int)] = [:]
    private var nextTrialID = 0
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
            guard let trials = trialsOfStudy.removeValue(forKey: id) else { throw StorageError.studyNotFound("#\(id)") }
            studies.removeAll { $0.id == id }
            studyUser[id] = nil
            studySystem[id] = nil
            waitingOfStudy[id] = nil
            for trial in trials {
                placeOfTrial[trial.id] = nil
                beats[trial.id] = nil
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
            guard let trials = trialsOfStudy[studyID], let study = studies.first(where: { $0.id == studyID }) else {
                throw StorageError.studyNotFound("#\(studyID)")
            }
            if let waiting = waitingOfStudy[studyID]?.first {
                waitingOfStudy[studyID]?.removeFirst()
                return try modifyRecord(waiting) { record in
                    record.state = .running
                    record.started = Date()
                    record.systemAttributes.merge(systemAttributes) { $1 }
                    return record
                }
            }
            var attributes = systemAttributes
            if let claim {
                let history = TrialHistory(direction: study.direction, trials: trials)
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
        guard let number = trialsOfStudy[studyID]?.count else { throw StorageError.studyNotFound("#\(studyID)") }
        let record = TrialRecord(
            id: nextTrialID, number: number, state: state, userAttributes: userAttributes,
            systemAttributes: systemAttributes, started: state == .running ? Date() : nil)
        nextTrialID += 1
        trialsOfStudy[studyID]!.append(record)
        placeOfTrial[record.id] = (studyID, number)
        if state == .waiting { waitingOfStudy[studyID, default: []].append(record.id) }
        return record
    }

    /// The stored trial with id `id`; the caller holds the lock.
    private func record(_ id: Int) throws -> TrialRecord {
        guard let place = placeOfTrial[id] else { throw StorageError.trialNotFound(id) }
        return trialsOfStudy[place.study]![place.number]
    }

    /// Applies `change` to the stored trial with id `id`, in place; the caller holds the lock.
    private func modifyRecord<T>(_ id: Int, _ change: (inout TrialRecord) throws -> T) throws -> T {
        guard let place = placeOfTrial[id] else { throw StorageError.trialNotFound(id) }
        return try change(&trialsOfStudy[place.study]![place.number])
    }

    /// Applies `change` to a trial that is still open; the caller holds no lock.
    private func updateOpenTrial(_ id: Int, _ change: (inout TrialRecord) -> Void) throws {
        try locked {
            try modifyRecord(id) { record in
                guard !record.state.isFinished else { throw StorageError.trialFinished(number: record.number, state: record.state) }
                change(&record)
            }
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
            let finished = try modifyRecord(trialID) { record in
                guard record.state == .running else { return false }
                record.state = state
                record.value = value
                record.completed = Date()
                return true
            }
            if finished { beats[trialID] = nil }
            return finished
        }
    }

    public func trial(id: Int) throws -> TrialRecord {
        try locked { try record(id) }
    }

    public func trials(studyID: Int) throws -> [TrialRecord] {
        try locked {
            guard let trials = trialsOfStudy[studyID] else { throw StorageError.studyNotFound("#\(studyID)") }
            return trials
        }
    }

    public func recordHeartbeat(trialID: Int) throws {
        locked { beats[trialID] = Date() }
    }

    public func heartbeats(studyID: Int) throws -> [Int: Date] {
        locked {
            beats.filter { id, _ in placeOfTrial[id]?.study == studyID && (try? record(id))?.state == .running }
        }
    }
}
