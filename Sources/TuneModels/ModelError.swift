/// Why a model could not be fitted: a bad hyperparameter, data it cannot learn from, or training
/// that blew up. Each message names the cause and the fix.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A hyperparameter outside its allowed range, under the name users write (`lr`).
    case invalidHyperparameter(name: String, constraint: String, value: String)
    /// The loss became NaN or infinite (or exploded) during this epoch (1-based).
    case diverged(epoch: Int)
    /// A classifier given a regression data set, or the reverse.
    case taskMismatch(model: String, expected: String, got: String)
    /// The data cannot train the model (too few rows for the validation split, ...).
    case unusableData(String)

    public var description: String {
        switch self {
        case .invalidHyperparameter(let name, let constraint, let value):
            return "\(name) must be \(constraint), got \(value)"
        case .diverged(let epoch):
            return "training diverged in epoch \(epoch): the loss became NaN or infinite; lower the learning rate (lr)"
        case .taskMismatch(let model, let expected, let got):
            return "\(model) needs a \(expected) data set, but this one is \(got)"
        case .unusableData(let message):
            return message
        }
    }
}

/// Throws ``ModelError/invalidHyperparameter(name:constraint:value:)`` unless `condition` holds.
func check<T>(_ condition: Bool, _ name: String, _ constraint: String, _ value: T) throws {
    if !condition { throw ModelError.invalidHyperparameter(name: name, constraint: constraint, value: "\(value)") }
}
