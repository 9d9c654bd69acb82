import Foundation

/// The handle an objective receives: it suggests the trial's parameters (define-by-run, so a
/// parameter may be suggested only in some branches), reports intermediate values, and asks
/// whether to stop early. One worker uses a trial at a time.
public final class Trial: @unchecked Sendable {
    /// The trial's number within its study (0, 1, 2, …).
    public let number: Int
    /// The storage's identifier of the trial.
    public let id: Int
    let study: Study
    /// The study as it was when the trial started; what the sampler learns from.
    let history: TrialHistory
    private let relativeSpace: SearchSpace
    private let relativeValues: [String: Double]
    private let fixedParameters: [String: ParameterValue]
    private let lock = NSLock()
    private var record: TrialRecord

    init(study: Study, record: TrialRecord, history: TrialHistory) throws {
        self.study = study
        self.number = record.number
        self.id = record.id
        self.record = record
        self.history = history
        var fixed: [String: ParameterValue] = [:]
        if case .object(let pairs)? = record.systemAttributes[SystemAttributeKey.fixedParameters] {
            for pair in pairs { fixed[pair.key] = ParameterValue(json: pair.value) }
        }
        self.fixedParameters = fixed
        let space = study.sampler.relativeSearchSpace(history: history, trial: record)
        self.relativeSpace = space
        self.relativeValues = space.isEmpty ? [:] : try study.sampler.sampleRelative(history: history, trial: record, searchSpace: space)
    }

    /// A snapshot of the trial as this worker knows it.
    public var snapshot: TrialRecord {
        lock.lock()
        defer { lock.unlock() }
        return record
    }

    /// The parameters suggested so far.
    public var parameters: [String: ParameterValue] { snapshot.parameters }

    /// A real number in `range`, uniform or log-uniform; with `step`, one of `low, low + step, …`.
    /// - Throws: ``SearchSpaceError`` for an invalid range, or a name already used in this study
    ///   with another distribution.
    public func suggestFloat(_ name: String, _ range: ClosedRange<Double>, log: Bool = false, step: Double? = nil) throws -> Double {
        let value = try suggest(name, .float(low: range.lowerBound, high: range.upperBound, log: log, step: step))
        return value.number!
    }

    /// An integer in `range` (every `step`-th from the lower bound), uniform or log-uniform.
    /// - Throws: ``SearchSpaceError`` as ``suggestFloat(_:_:log:step:)``.
    public func suggestInt(_ name: String, _ range: ClosedRange<Int>, log: Bool = false, step: Int = 1) throws -> Int {
        let value = try suggest(name, .int(low: range.lowerBound, high: range.upperBound, log: log, step: step))
        return Int(value.number!)
    }

    /// One of `choices`.
    /// - Throws: ``SearchSpaceError`` for empty or repeated choices, or a name already used in
    ///   this study with other choices.
    public func suggestCategorical(_ name: String, _ choices: [ParameterValue]) throws -> ParameterValue {
        try suggest(name, .categorical(choices))
    }

    /// One of `choices`, typed: `try trial.suggestCategorical("hidden_size", [32, 64, 128])`.
    public func suggestCategorical<Choice: ParameterValueConvertible>(_ name: String, _ choices: [Choice]) throws -> Choice {
        // A closure, not `\.parameterValue`: a generic key path is instantiated at run time at every call.
        let value = try suggest(name, .categorical(choices.map { $0.parameterValue }))
        return choices.first { $0.parameterValue.matches(value) }!
    }

    /// A value of `distribution` for the parameter `name`: the value already chosen if the
    /// trial has one, an enqueued value, the sampler's joint value, or an independent draw.
    /// - Throws: ``SearchSpaceError`` for an invalid distribution, a distribution that differs
    ///   from the one this name had before in the study, or an enqueued value outside it.
    public func suggest(_ name: String, _ distribution: ParameterDistribution) throws -> ParameterValue {
        try distribution.validate(name: name)
        let current = snapshot
        if let existing = current.distributions[name] {
            guard existing == distribution else {
                throw SearchSpaceError(parameter: name,
                    problem: "was suggested in this trial as \(existing) and again as \(distribution); use one distribution per name")
            }
            return existing.externalValue(current.internalParameters[name]!)
        }
        if let earlier = study.registerDistribution(distribution, for: name) {
            throw SearchSpaceError(parameter: name,
                problem: "earlier trials of this study drew it from \(earlier), now from \(distribution); keep one distribution per name, or start a new study")
        }
        let internalValue: Double
        if let fixed = fixedParameters[name] {
            guard let value = distribution.internalValue(fixed) else {
                throw SearchSpaceError(parameter: name, problem: "the enqueued value \(fixed) is not in \(distribution)")
            }
            internalValue = value
        } else if distribution.isSingleValue {
            internalValue = distribution.lowestInternalValue
        } else if relativeSpace[name] == distribution, let value = relativeValues[name] {
            internalValue = value
        } else {
            internalValue = try study.sampler.sampleIndependent(history: history, trial: current, name: name, distribution: distribution)
            if let error = history.loadError { throw error }
        }
        try study.storage.setParameter(trialID: id, name: name, internalValue: internalValue, distribution: distribution)
        lock.lock()
        record.internalParameters[name] = internalValue
        record.distributions[name] = distribution
        lock.unlock()
        return distribution.externalValue(internalValue)
    }

    /// Records the objective's value after `step` steps (an epoch, say), for pruners and reports.
    public func report(_ value: Double, step: Int) throws {
        guard step >= 0 else { throw SearchSpaceError(parameter: "step", problem: "must be >= 0, got \(step)") }
        try study.storage.setIntermediateValue(trialID: id, step: step, value: value)
        lock.lock()
        record.intermediateValues[step] = value
        lock.unlock()
    }

    /// Whether the study's pruner says this trial should stop now. Throw ``TrialPruned`` if so.
    public func shouldPrune() throws -> Bool {
        let history = TrialHistory(direction: study.direction, trials: try study.storage.trials(studyID: study.id))
        return study.pruner.shouldPrune(trial: snapshot, history: history)
    }

    /// Stores a user attribute (shown in reports; read back by Optuna as `user_attrs`).
    public func setUserAttribute(_ key: String, _ value: JSONValue) throws {
        try study.storage.setTrialUserAttribute(trialID: id, key: key, value: value)
        lock.lock()
        record.userAttributes[key] = value
        lock.unlock()
    }
}

/// A Swift value that is a categorical choice.
public protocol ParameterValueConvertible: Sendable {
    var parameterValue: ParameterValue { get }
}

extension String: ParameterValueConvertible { public var parameterValue: ParameterValue { .string(self) } }
extension Int: ParameterValueConvertible { public var parameterValue: ParameterValue { .int(self) } }
extension Double: ParameterValueConvertible { public var parameterValue: ParameterValue { .float(self) } }
extension Bool: ParameterValueConvertible { public var parameterValue: ParameterValue { .bool(self) } }
extension ParameterValue: ParameterValueConvertible { public var parameterValue: ParameterValue { self } }
