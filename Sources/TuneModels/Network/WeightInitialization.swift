import TuneTensor

/// How a linear layer's weights start (biases start at zero).
public enum WeightInitialization: String, Codable, CaseIterable, Sendable {
    /// Normal with standard deviation √(2 / fan-in) (He et al. 2015), for ReLU-like layers.
    case he
    /// Uniform in ±√(6 / (fan-in + fan-out)) (Glorot & Bengio 2010), for tanh and sigmoid.
    case xavier

    /// A `fanIn × fanOut` weight matrix.
    func weights<Scalar: TensorScalar>(fanIn: Int, fanOut: Int, using generator: inout SeededGenerator) -> Tensor<Scalar> {
        switch self {
        case .he:
            return .normal(shape: [fanIn, fanOut], standardDeviation: (2 / Double(fanIn)).squareRoot(), using: &generator)
        case .xavier:
            let limit = (6 / Double(fanIn + fanOut)).squareRoot()
            return .uniform(shape: [fanIn, fanOut], in: -limit..<limit, using: &generator)
        }
    }
}
