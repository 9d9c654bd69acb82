import Testing
import TuneTensor
@testable import TuneModels

/// Back-propagation against central finite differences in Double precision, for every layer
/// kind and both losses: relative error below 1e-6 on every parameter.
struct GradientCheckTests {
    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var layers: [Layer]
        var loss: Loss
    }

    static let cases: [Case] = Activation.allCases.map { activation in
        Case(description: "\(activation.rawValue) + cross-entropy",
            layers: [.linear(inputs: 4, outputs: 6), .activation(activation), .linear(inputs: 6, outputs: 3)],
            loss: .softmaxCrossEntropy)
    } + [
        Case(description: "dropout + cross-entropy",
            layers: [.linear(inputs: 4, outputs: 6), .activation(.tanh), .dropout(rate: 0.3), .linear(inputs: 6, outputs: 3)],
            loss: .softmaxCrossEntropy),
        Case(description: "two hidden layers + mse",
            layers: [.linear(inputs: 4, outputs: 5), .activation(.sigmoid), .linear(inputs: 5, outputs: 5), .activation(.gelu),
                     .linear(inputs: 5, outputs: 1)],
            loss: .meanSquaredError),
        Case(description: "linear only + mse", layers: [.linear(inputs: 4, outputs: 1)], loss: .meanSquaredError),
    ]

    /// The loss at the network's current parameters, with dropout masks fixed by a fresh
    /// generator of seed 99, and (optionally) the analytic gradients.
    static func evaluate(
        _ network: Network<Double>, _ input: Tensor<Double>, _ targets: [Double], _ loss: Loss,
        gradients: inout ([Tensor<Double>], [Tensor<Double>])
    ) -> Double {
        var workspace = NetworkWorkspace(network: network, batchSize: input.rows)
        var generator = SeededGenerator(seed: 99)
        network.forward(input, workspace: &workspace, training: true, generator: &generator)
        let last = network.layers.count - 1
        let value = targets.withUnsafeBufferPointer {
            loss.evaluate(output: workspace.outputs[last], targets: $0, gradient: &workspace.gradients[last])
        }
        network.backward(input, workspace: &workspace, weightGradients: &gradients.0, biasGradients: &gradients.1)
        return value
    }

    @Test(arguments: cases) func backpropagationMatchesFiniteDifferences(_ testCase: Case) {
        var generator = SeededGenerator(seed: 5)
        let network = Network<Double>(layers: testCase.layers, initialization: { _ in .xavier }, using: &generator)
        var perturbed = network
        for index in perturbed.biases.indices {
            perturbed.biases[index] = .normal(shape: perturbed.biases[index].shape, standardDeviation: 0.1, using: &generator)
        }
        let input = Tensor<Double>.normal(shape: [7, 4], using: &generator)
        let targets: [Double] = testCase.loss == .softmaxCrossEntropy
            ? (0..<7).map { _ in Double(generator.integer(in: 0..<3)) }
            : (0..<7).map { _ in generator.normal() }
        var analytic = (perturbed.weights.map { Tensor<Double>(zeros: $0.shape) }, perturbed.biases.map { Tensor<Double>(zeros: $0.shape) })
        _ = Self.evaluate(perturbed, input, targets, testCase.loss, gradients: &analytic)
        var scratch = analytic
        // 1e-5: central differences' truncation error (~h²) stays near 1e-10 while their rounding
        // error (~ε/h) drops to 1e-11; at 1e-6 rounding alone reached 1.7e-6 relative on a small
        // gradient when a concurrent test changed the BLAS thread count (and so summation order).
        let step = 1e-5
        var worst = 0.0
        func relativeError(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(a) + abs(b), 1e-7) }
        for layer in perturbed.weights.indices {
            for offset in 0..<perturbed.weights[layer].count {
                var plus = perturbed, minus = perturbed
                plus.weights[layer][offset: offset] += step
                minus.weights[layer][offset: offset] -= step
                let numeric = (Self.evaluate(plus, input, targets, testCase.loss, gradients: &scratch)
                    - Self.evaluate(minus, input, targets, testCase.loss, gradients: &scratch)) / (2 * step)
                worst = max(worst, relativeError(analytic.0[layer][offset: offset], numeric))
            }
            for offset in 0..<perturbed.biases[layer].count {
                var plus = perturbed, minus = perturbed
                plus.biases[layer][offset: offset] += step
                minus.biases[layer][offset: offset] -= step
                let numeric = (Self.evaluate(plus, input, targets, testCase.loss, gradients: &scratch)
                    - Self.evaluate(minus, input, targets, testCase.loss, gradients: &scratch)) / (2 * step)
                worst = max(worst, relativeError(analytic.1[layer][offset: offset], numeric))
            }
        }
        #expect(worst < 1e-6, "\(testCase): worst relative error \(worst)")
    }
}
