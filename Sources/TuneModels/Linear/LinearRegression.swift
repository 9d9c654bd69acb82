import TuneData
import TuneOptim
import TuneTensor

/// Least-squares linear regression, optionally ridge-penalised: solved in closed form by LAPACK
/// (`gelsd`, minimum-norm SVD least squares, in Double), or trained by gradient descent with any
/// optimizer (the documents' comparison of optimizers on y = 2x + 1 + noise).
public struct LinearRegression: Estimator {
    /// How the coefficients are found.
    public enum Solver: String, Codable, CaseIterable, Sendable {
        /// Closed form: minimise ‖y − Xw − b‖² + α‖w‖².
        case leastSquares = "lstsq"
        /// Mini-batch gradient descent on the mean squared error plus ½α‖w‖².
        case gradient
    }

    /// Settings, under scikit-learn's and the documents' names.
    public struct Hyperparameters: OneLayerHyperparameters {
        public var solver = Solver.leastSquares
        /// L2 (ridge) strength; 0 is ordinary least squares.
        public var alpha = 0.0
        public var learningRate = 0.01
        public var optimizer = OptimizerKind.sgd
        public var momentum = 0.9
        public var epochs = 100
        public var batchSize = 16
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

    public func fit(_ dataset: Dataset) throws -> FittedLinearRegression {
        try hyperparameters.validate()
        try NetworkTraining.requireRegression(dataset, model: "LinearRegression")
        switch hyperparameters.solver {
        case .leastSquares: return try fitClosedForm(dataset)
        case .gradient: return try fitByGradient(dataset)
        }
    }

    /// Centres X and y, solves [Xc; √α·I]·w ≈ [yc; 0], and recovers the intercept, so the
    /// intercept is never penalised (as scikit-learn's `Ridge`).
    private func fitClosedForm(_ dataset: Dataset) throws -> FittedLinearRegression {
        let x = dataset.features.converted(to: Double.self)
        let (rows, columns) = (x.rows, x.columns)
        let featureMeans = x.mean(alongAxis: 0)
        let targetMean = dataset.targets.reduce(0.0) { $0 + Double($1) } / Double(rows)
        var design = x
        design.broadcastRowVector(featureMeans, -)
        var response = dataset.targets.map { Double($0) - targetMean }
        if hyperparameters.alpha > 0 {
            var penalty = Tensor<Double>(zeros: [columns, columns])
            for j in 0..<columns { penalty[j, j] = hyperparameters.alpha.squareRoot() }
            design = design.appendingRows(penalty)
            response += [Double](repeating: 0, count: columns)
        }
        let solution = try design.leastSquares(Tensor(vector: response)).solution.scalars
        let intercept = targetMean - zip(solution, featureMeans).reduce(0) { $0 + $1.0 * $1.1 }
        return FittedLinearRegression(coefficients: solution, intercept: intercept, reports: [])
    }

    private func fitByGradient(_ dataset: Dataset) throws -> FittedLinearRegression {
        var generator = SeededGenerator(seed: hyperparameters.seed)
        var network = Network<Float>(
            layers: [.linear(inputs: dataset.featureCount, outputs: 1)], initialization: { _ in .xavier }, using: &generator)
        network.weights[0] = Tensor(zeros: network.weights[0].shape)
        let configuration = hyperparameters.trainingConfiguration
        let session = try NetworkTraining.train(
            network, loss: .meanSquaredError, features: dataset.features, targets: dataset.targets,
            configuration: configuration, validate: nil, callback: epochCallback, stepCallback: stepCallback)
        return FittedLinearRegression(
            coefficients: session.network.weights[0].scalars.map(Double.init),
            intercept: Double(session.network.biases[0][offset: 0]), reports: session.reports)
    }
}

/// A fitted ``LinearRegression``: ŷ = x·w + b.
public struct FittedLinearRegression: FittedRegressor {
    public var coefficients: [Double]
    public var intercept: Double
    /// Epoch reports of gradient training (empty for the closed form).
    public var reports: [EpochReport]

    public func predict(_ features: Tensor<Float>) -> [Float] {
        let weights = Tensor<Double>(shape: [coefficients.count, 1], scalars: coefficients)
        return Tensor.matmul(features.converted(to: Double.self), weights).scalars.map { Float($0 + intercept) }
    }
}
