import Foundation
import Testing
import TuneData
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

    /// Logistic regression takes the option too (the same training engine): from a rate far too
    /// small, Adam-HD ends with a lower training loss than Adam at that fixed rate.
    @Test func logisticRegressionAdaptsItsRate() throws {
        var generator = SeededGenerator(seed: 6)
        let features = Tensor<Float>.normal(shape: [300, 4], using: &generator)
        let labels = (0..<300).map { row in Float(features[row, 0] - 0.5 * features[row, 1] + 0.3 * Float(generator.normal()) > 0 ? 1 : 0) }
        let data = Dataset(name: "l", features: features, targets: labels, task: .classification(classNames: ["0", "1"]))
        func finalLoss(_ hypergradient: Double) throws -> Double {
            var settings = LogisticRegression.Hyperparameters()
            settings.learningRate = 1e-4
            settings.epochs = 20
            settings.hypergradient = hypergradient
            return try LogisticRegression(settings).fit(data).reports.last!.trainLoss
        }
        let (fixed, adapted) = (try finalLoss(0), try finalLoss(1e-3))
        #expect(adapted < fixed / 2, "Adam-HD \(adapted), Adam \(fixed)")
    }

    /// Epoch reports carry the rate the epoch ended with: the fixed rate without the option, the
    /// adapted one with it.
    @Test func epochReportsCarryTheAdaptedRate() throws {
        var generator = SeededGenerator(seed: 6)
        let features = Tensor<Float>.normal(shape: [200, 3], using: &generator)
        let labels = (0..<200).map { row in Float(features[row, 0] > 0 ? 1 : 0) }
        let data = Dataset(name: "l", features: features, targets: labels, task: .classification(classNames: ["0", "1"]))
        var settings = LogisticRegression.Hyperparameters()
        settings.learningRate = 1e-4
        settings.epochs = 5
        let fixed = try LogisticRegression(settings).fit(data).reports.map(\.learningRate)
        #expect(fixed.count == 5 && fixed.allSatisfy { abs($0 - 1e-4) < 1e-9 }, "\(fixed)")  // the Float rate, widened
        settings.hypergradient = 1e-3
        let adapted = try LogisticRegression(settings).fit(data).reports.map(\.learningRate)
        #expect(adapted.count == 5 && adapted.last! > 2e-4 && Set(adapted).count == 5, "\(adapted)")
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

    /// The logarithmic rule on f(θ) = θ²/2 from θ = 1 with SGD at α = 0.1 and β = 0.5: θ₁ = 0.9
    /// along u₀ = g₀ = 1, then α₁ = α₀·exp(β·α₀·g₁·u₀) = 0.1·exp(0.5·0.1·0.9).
    @Test func logarithmicRuleFollowsTheHandComputedRule() {
        var theta = [Tensor<Double>(vector: [1])]
        var hypergradient = HypergradientLearningRate<Double>(
            initialRate: 0.1, hypergradientRate: 0.5, rule: .logarithmic, weights: theta, biases: [])
        for _ in 0..<2 {
            let gradient = theta
            hypergradient.adapt(weightGradients: gradient, biasGradients: [], weights: theta, biases: [])
            theta[0] = theta[0] - gradient[0] * hypergradient.rate
            hypergradient.record(weights: theta, biases: [])
        }
        expectClose(hypergradient.rate, 0.1 * exp(0.5 * 0.1 * 0.9), rtol: 1e-12)
    }

    /// The logarithmic rule's step is β times minus the derivative of the loss after a step with
    /// respect to log α: on f(θ) = Σθᵢ⁴/4 + θ₀θ₁ (weights and a bias), log(α₁/α₀)/β matches a
    /// central finite difference of s ↦ f(θ₀ − eˢ·u₀) at s = log α₀.
    @Test func logarithmicRuleStepIsTheLogRateDerivative() {
        func loss(_ w: [Double], _ b: Double) -> Double { w.reduce(0) { $0 + pow($1, 4) / 4 } + b * b * b * b / 4 + w[0] * w[1] }
        func gradient(_ w: [Double], _ b: Double) -> (w: [Double], b: Double) {
            ([pow(w[0], 3) + w[1], pow(w[1], 3) + w[0]], pow(b, 3))
        }
        let (startW, startB, rate, beta) = ([0.8, -0.5], 0.7, 0.3, 0.01)
        var weights = [Tensor<Double>(vector: startW)], biases = [Tensor<Double>(vector: [startB])]
        var hypergradient = HypergradientLearningRate<Double>(
            initialRate: rate, hypergradientRate: beta, rule: .logarithmic, weights: weights, biases: biases)
        for _ in 0..<2 {
            let w = [weights[0][offset: 0], weights[0][offset: 1]], b = biases[0][offset: 0]
            let g = gradient(w, b)
            hypergradient.adapt(weightGradients: [Tensor(vector: g.w)], biasGradients: [Tensor(vector: [g.b])], weights: weights, biases: biases)
            weights[0] = Tensor(vector: [w[0] - hypergradient.rate * g.w[0], w[1] - hypergradient.rate * g.w[1]])
            biases[0] = Tensor(vector: [b - hypergradient.rate * g.b])
            hypergradient.record(weights: weights, biases: biases)
        }
        // The second adapt moved the rate from α₀ by the hypergradient at θ₁ = θ₀ − α₀·u₀.
        let u = gradient(startW, startB), h = 1e-5
        func lossAfterStep(logRate s: Double) -> Double {
            loss([startW[0] - exp(s) * u.w[0], startW[1] - exp(s) * u.w[1]], startB - exp(s) * u.b)
        }
        let derivative = (lossAfterStep(logRate: log(rate) + h) - lossAfterStep(logRate: log(rate) - h)) / (2 * h)
        expectClose(log(hypergradient.rate / rate) / beta, -derivative, rtol: 1e-7)
    }
}
