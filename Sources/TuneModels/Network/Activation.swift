import Foundation
import TuneTensor

/// An elementwise nonlinearity between linear layers.
public enum Activation: String, Codable, CaseIterable, Sendable {
    case relu
    /// max(x, 0.01·x), PyTorch's default slope.
    case leakyRelu = "leaky_relu"
    case tanh
    case sigmoid
    /// x·Φ(x) with the exact normal CDF (PyTorch's default GELU; Hendrycks & Gimpel 2016).
    case gelu

    /// Writes f(input) into `output` (same count).
    func forward<Scalar: TensorScalar>(_ input: UnsafeBufferPointer<Scalar>, _ output: UnsafeMutableBufferPointer<Scalar>) {
        switch self {
        case .relu:
            for i in input.indices { output[i] = Swift.max(input[i], 0) }
        case .leakyRelu:
            for i in input.indices { output[i] = input[i] > 0 ? input[i] : Scalar(0.01) * input[i] }
        case .tanh:
            for i in input.indices { output[i] = Scalar(Foundation.tanh(Double(input[i]))) }
        case .sigmoid:
            for i in input.indices { output[i] = Scalar(1 / (1 + Foundation.exp(-Double(input[i])))) }
        case .gelu:
            for i in input.indices {
                let x = Double(input[i])
                output[i] = Scalar(x * 0.5 * (1 + Foundation.erf(x / 2.0.squareRoot())))
            }
        }
    }

    /// Writes `upstream ⊙ f′(input)` into `gradient`; `output` is f(input), which the cheaper
    /// derivatives use.
    func backward<Scalar: TensorScalar>(
        input: UnsafeBufferPointer<Scalar>, output: UnsafeBufferPointer<Scalar>, upstream: UnsafeBufferPointer<Scalar>,
        gradient: UnsafeMutableBufferPointer<Scalar>
    ) {
        switch self {
        case .relu:
            for i in input.indices { gradient[i] = input[i] > 0 ? upstream[i] : 0 }
        case .leakyRelu:
            for i in input.indices { gradient[i] = input[i] > 0 ? upstream[i] : Scalar(0.01) * upstream[i] }
        case .tanh:
            for i in input.indices { gradient[i] = upstream[i] * (1 - output[i] * output[i]) }
        case .sigmoid:
            for i in input.indices { gradient[i] = upstream[i] * output[i] * (1 - output[i]) }
        case .gelu:
            let inverseRootTwoPi = 1 / (2 * Double.pi).squareRoot()
            for i in input.indices {
                let x = Double(input[i])
                let cdf = 0.5 * (1 + Foundation.erf(x / 2.0.squareRoot()))
                let pdf = inverseRootTwoPi * Foundation.exp(-0.5 * x * x)
                gradient[i] = upstream[i] * Scalar(cdf + x * pdf)
            }
        }
    }

    /// The initialisation that keeps activations' variance steady through this nonlinearity.
    var defaultInitialization: WeightInitialization {
        switch self {
        case .relu, .leakyRelu, .gelu: return .he
        case .tanh, .sigmoid: return .xavier
        }
    }
}
