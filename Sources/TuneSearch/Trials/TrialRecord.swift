import Foundation

/// A snapshot of one trial as stored (Optuna's `FrozenTrial`): a value, not a live handle. A
/// finished trial never changes, so its record stays true.
///
/// The fields live in one copy-on-write box, so copying a record — every sampler's history copies
/// the study's records at every trial — costs one reference count rather than one per dictionary.
public struct TrialRecord: Sendable, Equatable {
    /// The record's fields, as a plain value.
    private struct Fields: Equatable {
        var id: Int
        var number: Int
        var state: TrialState
        var value: Double?
        var internalParameters: [String: Double]
        var distributions: [String: ParameterDistribution]
        var intermediateValues: [Int: Double]
        var userAttributes: [String: JSONValue]
        var systemAttributes: [String: JSONValue]
        var started: Date?
        var completed: Date?
    }

    /// The shared, immutable-while-shared home of the fields. A box is written only while one
    /// record owns it, so accesses cannot overlap and need no run-time exclusivity checks (which
    /// cost more than the reads themselves when a sampler scans a history).
    private final class Box: @unchecked Sendable {
        @exclusivity(unchecked) var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// The box, copied first if another record shares it.
    private var uniqueBox: Box {
        mutating get {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            return box
        }
    }

    /// The storage's identifier for the trial (unique across studies).
    public var id: Int { get { box.fields.id } _modify { yield &uniqueBox.fields.id } }
    /// The trial's number within its study: 0, 1, 2, … in order of creation.
    public var number: Int { get { box.fields.number } _modify { yield &uniqueBox.fields.number } }
    public var state: TrialState { get { box.fields.state } _modify { yield &uniqueBox.fields.state } }
    /// The objective value of a COMPLETE trial (and the last intermediate value of a PRUNED one).
    public var value: Double? { get { box.fields.value } _modify { yield &uniqueBox.fields.value } }
    /// Internal values (see ``ParameterDistribution``) by parameter name.
    public var internalParameters: [String: Double] { get { box.fields.internalParameters } _modify { yield &uniqueBox.fields.internalParameters } }
    /// The distribution each parameter was drawn from.
    public var distributions: [String: ParameterDistribution] { get { box.fields.distributions } _modify { yield &uniqueBox.fields.distributions } }
    /// Values the objective reported with `report(_:step:)`, by step.
    public var intermediateValues: [Int: Double] { get { box.fields.intermediateValues } _modify { yield &uniqueBox.fields.intermediateValues } }
    public var userAttributes: [String: JSONValue] { get { box.fields.userAttributes } _modify { yield &uniqueBox.fields.userAttributes } }
    /// Attributes the toolkit itself keeps (grid index, fixed parameters, failure reason, …).
    public var systemAttributes: [String: JSONValue] { get { box.fields.systemAttributes } _modify { yield &uniqueBox.fields.systemAttributes } }
    public var started: Date? { get { box.fields.started } _modify { yield &uniqueBox.fields.started } }
    public var completed: Date? { get { box.fields.completed } _modify { yield &uniqueBox.fields.completed } }

    public init(
        id: Int, number: Int, state: TrialState, value: Double? = nil,
        internalParameters: [String: Double] = [:], distributions: [String: ParameterDistribution] = [:],
        intermediateValues: [Int: Double] = [:], userAttributes: [String: JSONValue] = [:],
        systemAttributes: [String: JSONValue] = [:], started: Date? = nil, completed: Date? = nil
    ) {
        box = Box(Fields(
            id: id, number: number, state: state, value: value, internalParameters: internalParameters,
            distributions: distributions, intermediateValues: intermediateValues, userAttributes: userAttributes,
            systemAttributes: systemAttributes, started: started, completed: completed))
    }

    public static func == (lhs: TrialRecord, rhs: TrialRecord) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
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
