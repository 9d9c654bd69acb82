import TuneData
import TuneOptim
import TuneTensor

/// Multinomial logistic regression: a linear layer and a softmax, trained on cross-entropy with
/// any optimizer and an L2 penalty ½α‖W‖² on the weights. With two classes the softmax over two
/// logits is the same model as binary logistic regression (the sigmoid of their difference).
public struct LogisticRegression: Estimator {
    /// How the weights are found.
    public enum Solver: String, Codable, CaseIterable, Sendable {
        /// Mini-batch training with the optimizer, `epochs` passes: stops near the optimum.
        case gradient
        /// Newton's method to the exact optimum (``ExactLogisticRegression``, in Double; needs
        /// alpha > 0): the model the gradient search over alpha evaluates. Ignores the optimizer's
        /// settings.
        case newton
    }

    /// Settings, under scikit-learn's and the documents' names.
    public struct Hyperparameters: OneLayerHyperparameters {
        public var solver = Solver.gradient
        /// L2 strength (scikit-learn's `alpha`, the inverse of `LogisticRegression`'s `C`).
        public var alpha = 1e-4
        public var learningRate = 0.01
        public var optimizer = OptimizerKind.adam
        public var momentum = 0.9
        public var epochs = 100
        public var batchSize = 32
        public var seed: UInt64 = 0
        /// β of hypergradient descent on the learning rate (SGD-HD, Adam-HD, …; 0: off).
        public var hypergradient = 0.0
        public var hypergradientRule = HypergradientRule.additive

        public init() {}

        enum CodingKeys: String, CodingKey {
            case solver, alpha, learningRate = "lr", optimizer, momentum, epochs, batchSize = "batch_size", seed, hypergradient
            case hypergradientRule = "hypergradient_rule"
        }
    }

    public var hyperparameters: Hyperparameters
    public var epochCallback: EpochCallback?
    /// Called after every optimizer step; may stop training (step budgets, loss curves).
    public var stepCallback: StepCallback?

    public init(_ hyperparameters: Hyperparameters = Hyperparameters(), epochCallback: EpochCallback? = nil, stepCallback: StepCallback? = nil) {
        self.hyperparameters = hyperparameters
        self.epochCallback = epochCallback
        self.stepCallback = stepCallback
    }

    public func fit(_ dataset: Dataset) throws -> FittedLogisticRegression {
        try hyperparameters.validate()
        let classes = try NetworkTraining.requireClassification(dataset, model: "LogisticRegression")
        var generator = SeededGenerator(seed: hyperparameters.seed)
        var network = Network<Float>(
            layers: [.linear(inputs: dataset.featureCount, outputs: classes)], initialization: { _ in .xavier }, using: &generator)
        network.weights[0] = Tensor(zeros: network.weights[0].shape)
        if hyperparameters.solver == .newton {
            // Rows 0..<d of the solution are the weights (d × K, as the layer's), row d the biases.
            let parameters = try ExactLogisticRegression(training: dataset).fit(alpha: hyperparameters.alpha).parameters.scalars
            let weightCount = dataset.featureCount * classes
            network.weights[0] = Tensor(shape: network.weights[0].shape, scalars: parameters[..<weightCount].map { Float($0) })
            network.biases[0] = Tensor(shape: [classes], scalars: parameters[weightCount...].map { Float($0) })
            return FittedLogisticRegression(network: network, classNames: dataset.classNames, reports: [])
        }
        let configuration = hyperparameters.trainingConfiguration
        let session = try NetworkTraining.train(
            network, loss: .softmaxCrossEntropy, features: dataset.features, targets: dataset.targets,
            configuration: configuration, validate: nil, callback: epochCallback, stepCallback: stepCallback)
        return FittedLogisticRegression(network: session.network, classNames: dataset.classNames, reports: session.reports)
    }
}

/// A fitted ``LogisticRegression``.
public struct FittedLogisticRegression: FittedClassifier {
    public var network: Network<Float>
    public var classNames: [String]
    public var reports: [EpochReport]

    /// The `features × classes` weight matrix.
    public var coefficients: Tensor<Float> { network.weights[0] }

    public func predictProbabilities(_ features: Tensor<Float>) -> Tensor<Float> {
        var logits = network.predict(features)
        softmaxRows(&logits)
        return logits
    }
}
