/// What `tune-train train` reports: the model and its settings, the scores, and the cost.
public struct TrainingResult: Encodable, Sendable {
    public var model: String
    public var data: String
    public var task: String
    /// Every hyperparameter in effect (defaults and overrides), by name.
    public var params: ParameterList
    /// `accuracy` for classifiers, `r2` for regressors.
    public var metric: String
    public var trainScore: Double
    public var testScore: Double
    public var epochsRun: Int
    /// The learning rate at the end of each epoch (iterative models; where hypergradient descent
    /// took it, when it is on).
    public var learningRates: [Double]?
    public var fitSeconds: Double
    public var trainRows: Int
    public var testRows: Int
    public var scaling: String
    public var seed: UInt64
    /// Per-fold scores of `--cv K` on the training part (absent without it).
    public var crossValidationScores: [Double]?
    public var crossValidationMean: Double?
    public var crossValidationStandardDeviation: Double?

    enum CodingKeys: String, CodingKey {
        case model, data, task, params, metric, trainScore = "train_score", testScore = "test_score"
        case epochsRun = "epochs_run", learningRates = "lr_by_epoch", fitSeconds = "fit_seconds", trainRows = "train_rows", testRows = "test_rows"
        case scaling, seed, crossValidationScores = "cv_scores", crossValidationMean = "cv_mean"
        case crossValidationStandardDeviation = "cv_std"
    }
}

/// Hyperparameters as name–value pairs in name order, encoded as one JSON object.
public struct ParameterList: Encodable, Sendable {
    public enum Value: Encodable, Sendable, CustomStringConvertible {
        case number(Double), integer(Int), text(String), flag(Bool)
        /// Unset (scikit-learn's `None`), encoded as null.
        case none

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let value): try container.encode(value)
            case .integer(let value): try container.encode(value)
            case .text(let value): try container.encode(value)
            case .flag(let value): try container.encode(value)
            case .none: try container.encodeNil()
            }
        }

        public var description: String {
            switch self {
            case .number(let value): return "\(value)"
            case .integer(let value): return "\(value)"
            case .text(let value): return value
            case .flag(let value): return "\(value)"
            case .none: return "none"
            }
        }
    }

    public var entries: [(name: String, value: Value)]

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: NameKey.self)
        for (name, value) in entries { try container.encode(value, forKey: NameKey(stringValue: name)) }
    }

    private struct NameKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

import Foundation

extension ParameterList {
    /// The fields of a Codable hyperparameter value, sorted by name.
    init<Hyperparameters: Encodable>(_ hyperparameters: Hyperparameters) throws {
        let fields = try JSONDecoder().decode([String: Value].self, from: JSONEncoder().encode(hyperparameters))
        entries = fields.keys.sorted().map { ($0, fields[$0]!) }
    }
}

extension ParameterList.Value: Decodable {
    /// A JSON scalar, as the strictest Swift type that reads it.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .none
        } else if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else if let integer = try? container.decode(Int.self) {
            self = .integer(integer)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }
}
