import Foundation

/// A snapshot of one trial as stored (Optuna's `FrozenTrial`): a value, not a live handle. A
/// finished trial never changes, so its record stays true.
public struct TrialRecord: Sendable, Equatable {
    /// The storage's identifier for the trial (unique across studies).
    public var id: Int
    /// The trial's number within its study: 0, 1, 2, … in order of creation.
    public var number: Int
    public var state: TrialState
    /// The objective value of a COMPLETE trial (and the last intermediate value of a PRUNED one).
    public var value: Double?
    /// Internal values (see ``ParameterDistribution``) by parameter name.
    public var internalParameters: [String: Double]
    /// The distribution each parameter was drawn from.
    public var distributions: [String: ParameterDistribution]
    /// Values the objective reported with `report(_:step:)`, by step.
    public var intermediateValues: [Int: Double]
    public var userAttributes: [String: JSONValue]
    /// Attributes the toolkit itself keeps (grid index, fixed parameters, failure reason, …).
    public var systemAttributes: [String: JSONValue]
    public var started: Date?
    public var completed: Date?

    public init(
        id: Int, number: Int, state: TrialState, value: Double? = nil,
        internalParameters: [String: Double] = [:], distributions: [String: ParameterDistribution] = [:],
        intermediateValues: [Int: Double] = [:], userAttributes: [String: JSONValue] = [:],
        systemAttributes: [String: JSONValue] = [:], started: Date? = nil, completed: Date? = nil
    ) {
        self.id = id
        self.number = number
        self.state = state
        self.value = value
        self.internalParameters = internalParameters
        self.distributions = distributions
        self.intermediateValues = intermediateValues
        self.userAttributes = userAttributes
        self.systemAttributes = systemAttributes
        self.started = started
        self.completed = completed
    }

    /// The parameters as the objective saw them.
    public var parameters: [String: ParameterValue] {
        internalParameters.reduce(into: [:]) { result, entry in
            if let distribution = distributions[entry.key] {
                result[entry.key] = distribution.externalValue(entry.value)
            }
        }
    }

    /// The largest step with an intermediate value, or nil.
    public var lastStep: Int? { intermediateValues.keys.max() }

    /// Seconds from start to completion, when both are known.
    public var duration: TimeInterval? {
        guard let started, let completed else { return nil }
        return completed.timeIntervalSince(started)
    }

    /// Why the trial failed, when it did and the reason was stored.
    public var failReason: String? {
        if case .string(let reason)? = systemAttributes[SystemAttributeKey.failReason] { return reason }
        return nil
    }
}

/// The system-attribute keys the toolkit writes. The first three are Optuna's own (so Optuna
/// reads them); the rest are prefixed `tune_train:` so they cannot collide with Optuna's.
public enum SystemAttributeKey {
    /// Parameters an enqueued trial must use (Optuna's `fixed_params`).
    public static let fixedParameters = "fixed_params"
    /// Why a trial failed (Optuna's `fail_reason`).
    public static let failReason = "fail_reason"
    /// The grid point a trial evaluates (Optuna's `grid_id`).
    public static let gridIndex = "grid_id"
    /// The grid a grid study enumerates (Optuna's `search_space`).
    public static let gridSearchSpace = "search_space"
    /// The host and process running a trial, so a trial of a dead process is found at once.
    public static let worker = "tune_train:worker"
    /// The number of the failed trial a retried trial repeats (Optuna's `failed_trial`).
    public static let retriedTrial = "failed_trial"
}
