import Foundation
import TuneTensor

/// What training minimises, and its gradient with respect to the network's output.
public enum Loss: String, Codable, Sendable {
    /// Mean over rows of −log softmax(z)[y] (targets are class indices), computed through the
    /// log-sum-exp with the row maximum subtracted, so large logits cannot overflow.
    case softmaxCrossEntropy = "cross_entropy"
    /// Mean over all outputs of (z − y)², as PyTorch's `MSELoss`.
    case meanSquaredError = "mse"

    /// The loss of `output` (`batch × outputs`) against `targets` (one per row: a class index, or
    /// the value for a single-output regression), writing ∂loss/∂output into `gradient`.
    func evaluate<Scalar: TensorScalar>(
        output: Tensor<Scalar>, targets: UnsafeBufferPointer<Scalar>, gradient: inout Tensor<Scalar>
    ) -> Double {
        let (rows, width) = (output.rows, output.columns)
        var total = 0.0
        output.withUnsafeBufferPointer { z in
            gradient.withUnsafeMutableBufferPointer { g in
                switch self {
                case .softmaxCrossEntropy:
                    let scale = 1 / Scalar(rows)
                    for r in 0..<rows {
                        let base = r * width
                        var maximum = z[base]
                        for c in 1..<width { maximum = Swift.max(maximum, z[base + c]) }
                        var sum = 0.0
                        for c in 0..<width {
                            let e = Foundation.exp(Double(z[base + c] - maximum))
                            g[base + c] = Scalar(e)
                            sum += e
                        }
                        let label = Int(targets[r])
                        total += Foundation.log(sum) - Double(z[base + label] - maximum)
                        let inverse = 1 / sum
                        for c in 0..<width { g[base + c] = Scalar(Double(g[base + c]) * inverse) * scale }
                        g[base + label] -= scale
                    }
                    total /= Double(rows)
                case .meanSquaredError:
                    let count = Scalar(rows * width)
                    for r in 0..<rows {
                        for c in 0..<width {
                            let difference = z[r * width + c] - targets[r]
                            total += Double(difference * difference)
                            g[r * width + c] = 2 * difference / count
                        }
                    }
                    total /= Double(rows * width)
                }
            }
        }
        return total
    }
}
