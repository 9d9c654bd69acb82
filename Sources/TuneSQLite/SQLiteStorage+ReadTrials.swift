import Foundation
import GRDB
import TuneSearch

extension SQLiteStorage {
    /// The trials selected by `whereClause` (over `trials t`), assembled from Optuna's tables with
    /// one query per table.
    func readTrials(_ db: Database, whereClause: String, _ arguments: StatementArguments) throws -> [TrialRecord] {
        var records: [Int: TrialRecord] = [:]
        var order: [Int] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT t.trial_id, t.number, t.state, t.datetime_start, t.datetime_complete FROM trials t
            WHERE \(whereClause) ORDER BY t.number
            """, arguments: arguments) {
            let id: Int = row["trial_id"]
            let stateText: String = row["state"]
            guard let state = TrialState(rawValue: stateText) else {
                throw StorageErrorText.unreadable(path, "trial \(id) has unknown state '\(stateText)'")
            }
            let start: String? = row["datetime_start"]
            let complete: String? = row["datetime_complete"]
            records[id] = TrialRecord(
                id: id, number: row["number"], state: state,
                started: start.flatMap(DatabaseTimestamp.date), completed: complete.flatMap(DatabaseTimestamp.date))
            order.append(id)
        }
        guard !order.isEmpty else { return [] }
        let selection = "trial_id IN (SELECT t.trial_id FROM trials t WHERE \(whereClause))"

        for row in try Row.fetchAll(db, sql: "SELECT trial_id, param_name, param_value, distribution_json FROM trial_params WHERE \(selection)",
                                    arguments: arguments) {
            let id: Int = row["trial_id"]
            let name: String = row["param_name"]
            let text: String? = row["distribution_json"]
            do {
                records[id]?.distributions[name] = try parsedText.distribution(text ?? "null")
            } catch {
                throw StorageErrorText.unreadable(path, "parameter '\(name)' of trial \(id): \(error)")
            }
            records[id]?.internalParameters[name] = row["param_value"]
        }
        for row in try Row.fetchAll(db, sql: "SELECT trial_id, value, value_type FROM trial_values WHERE objective = 0 AND \(selection)",
                                    arguments: arguments) {
            let id: Int = row["trial_id"]
            records[id]?.value = StoredNumber.decode(row["value"], type: row["value_type"])
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT trial_id, step, intermediate_value, intermediate_value_type FROM trial_intermediate_values WHERE \(selection)
            """, arguments: arguments) {
            let id: Int = row["trial_id"]
            let step: Int = row["step"]
            records[id]?.intermediateValues[step] = StoredNumber.decode(row["intermediate_value"], type: row["intermediate_value_type"])
        }
        for (table, isSystem) in [("trial_user_attributes", false), ("trial_system_attributes", true)] {
            for row in try Row.fetchAll(db, sql: "SELECT trial_id, \"key\", value_json FROM \(table) WHERE \(selection)", arguments: arguments) {
                let id: Int = row["trial_id"]
                let key: String = row["key"]
                let value = try decodeJSON(row["value_json"], what: "\(table).value_json")
                if isSystem { records[id]?.systemAttributes[key] = value } else { records[id]?.userAttributes[key] = value }
            }
        }
        return order.compactMap { records[$0] }
    }

    /// Parses a JSON column, naming the column when it is not JSON.
    func decodeJSON(_ text: String?, what: String) throws -> JSONValue {
        guard let text else { return .null }
        do {
            return try parsedText.json(text)
        } catch {
            throw StorageErrorText.unreadable(path, "\(what) holds '\(text.prefix(80))', which is not JSON (\(error))")
        }
    }
}

/// Optuna's encoding of numbers that SQL cannot hold: a NULL value with a type column
/// `FINITE`, `INF_POS`, `INF_NEG` or (for intermediate values) `NAN`.
enum StoredNumber {
    static func encode(_ value: Double) -> (Double?, String) {
        if value.isNaN { return (nil, "NAN") }
        if value == .infinity { return (nil, "INF_POS") }
        if value == -.infinity { return (nil, "INF_NEG") }
        return (value, "FINITE")
    }

    static func decode(_ value: Double?, type: String) -> Double {
        switch type {
        case "INF_POS": return .infinity
        case "INF_NEG": return -.infinity
        case "NAN": return .nan
        default: return value ?? .nan
        }
    }
}

/// Parsed forms of the JSON texts a study repeats in every trial (distributions, grid spaces),
/// so reading a study's trials parses each distinct text once.
final class ParsedTextCache: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: JSONValue] = [:]
    private var distributions: [String: ParameterDistribution] = [:]
    /// Beyond this many texts the cache starts over (it only saves time).
    private let limit = 4096

    func json(_ text: String) throws -> JSONValue {
        lock.lock()
        let cached = values[text]
        lock.unlock()
        if let cached { return cached }
        let value = try JSONValue(parsing: text)
        lock.lock()
        if values.count >= limit { values.removeAll(keepingCapacity: true) }
        values[text] = value
        lock.unlock()
        return value
    }

    func distribution(_ text: String) throws -> ParameterDistribution {
        lock.lock()
        let cached = distributions[text]
        lock.unlock()
        if let cached { return cached }
        let distribution = try ParameterDistribution(optunaJSON: json(text))
        lock.lock()
        if distributions.count >= limit { distributions.removeAll(keepingCapacity: true) }
        distributions[text] = distribution
        lock.unlock()
        return distribution
    }
}
