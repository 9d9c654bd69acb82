/// One step of a feed-forward network. `Linear` layers own parameters (in the network's
/// parameter lists); the others are parameter-free.
public enum Layer: Codable, Sendable, Equatable {
    /// `y = x·W + b` with `W` of shape `inputs × outputs`.
    case linear(inputs: Int, outputs: Int)
    case activation(Activation)
    /// Zeroes each unit with probability `rate` in training and scales the rest by 1/(1 − rate)
    /// (inverted dropout, as PyTorch); the identity in evaluation.
    case dropout(rate: Double)
}
