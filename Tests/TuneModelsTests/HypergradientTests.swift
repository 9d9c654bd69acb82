import Foundation
import Testing
import TuneOptim
import TuneTensor
import TuneTestSupport
@testable import TuneModels

/// Hypergradient descent on the learning rate (Baydin et al. 2018).
@Suite struct HypergradientTests {
    /// f(θ) = θ²/2 from θ = 1 with SGD at α = 0.1: θ₁ = 0.9 along u₀ = g₀ = 1, then
    /// α₁ = α₀ + β·g₁·u₀ = 0.1 + 0.01·0.9 (the paper's SGD-HD rule).
    @Test func sgdRateFollowsTheHandComputedRule() {
        var theta = [Tensor<Double>(vector: [1])]
        var hypergradient = HypergradientLearningRate<Double>(initialRate: 0.1, hypergradientRate: 0.01, weights: theta, biases: [])
        for _ in 0..<2 {
            let gradient = theta
            hypergradient.adapt(weightGradients: gradient, biasGradients: [], weights: theta, biases: [])
            theta[0] = Tensor(vector: [theta[0][offset: 0] - hypergradient.rate * gradient[0][offset: 0]])
            hypergradient.record(weights: theta, biases: [])
        }
        expectClose(hypergradient.rate, 0.109, rtol: 1e-12)
    }

    /// Started far too small, SGD-HD raises its rate and ends with a lower loss than SGD at that
    /// fixed rate; β = 0 trains exactly as without it.
    @Test func sgdHDRecoversFromATinyRate() throws {
        var generator = SeededGenerator(seed: 4)
        let features = Tensor<Float>.normal(shape: [200, 3], using: &generator)
        let targets = (0..<200).map { row in 2 * features[row, 0] - features[row, 1] + 0.5 * features[row, 2] + 1 }
        func finalLoss(hypergradientRate: Double) throws -> Double {
            var generator = SeededGenerator(seed: 1)
            let network = Network<Float>(layers: [.linear(inputs: 3, outputs: 1)], initialization: { _ in .xavier }, using: &generator)
            let configuration = TrainingConfiguration(
                optimizer: OptimizerConfiguration(kind: .sgd, learningRate: 1e-4), batchSize: 20, epochs: 10,
                hypergradientRate: hypergradientRate)
            var session = try TrainingSession(network: network, loss: .meanSquaredError, features: features, targets: targets,
                                              configuration: configuration)
            try session.run()
            return session.reports.last!.trainLoss
        }
        let fixed = try finalLoss(hypergradientRate: 0)
        let adapted = try finalLoss(hypergradientRate: 1e-3)
        #expect(adapted < fixed / 10, "SGD-HD \(adapted), SGD \(fixed)")
    }

    /// The multiplicative rule on f(θ) = θ²/2 from θ = 1 with SGD at α = 0.1: the step's
    /// direction and the next gradient point the same way (cos = 1), so α₁ = α₀·(1 + β).
    /// On θ = (1, −1) with an overshooting rate α = 1.5 they point opposite ways (cos = −1):
    /// α₁ = α₀·(1 − β), whatever the gradients' size.
    @Test func multiplicativeRuleMovesTheRateByAFractionSetByTheCosine() {
        func rate(after theta: [Double], initialRate: Double) -> Double {
            var parameters = [Tensor<Double>(vector: theta)]
            var hypergradient = HypergradientLearningRate<Double>(
                initialRate: initialRate, hypergradientRate: 0.05, rule: .multiplicative, weights: parameters, biases: [])
            for _ in 0..<2 {
                let gradient = parameters
                hypergradient.adapt(weightGradients: gradient, biasGradients: [], weights: parameters, biases: [])
                parameters[0] = parameters[0] - gradient[0] * hypergradient.rate
                hypergradient.record(weights: parameters, biases: [])
            }
            return hypergradient.rate
        }
        expectClose(rate(after: [1], initialRate: 0.1), 0.1 * 1.05, rtol: 1e-12)
        expectClose(rate(after: [1000, -1000], initialRate: 1.5), 1.5 * 0.95, rtol: 1e-12)
    }
}
