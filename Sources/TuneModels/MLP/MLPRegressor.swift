import TuneData
import TuneTensor

/// A multi-layer perceptron regressor trained with mean squared error. Targets are standardised
/// with the training rows' mean and deviation while training (and mapped back for predictions),
/// so the learning rate means the same whatever the targets' scale.
public struct MLPRegressor: Estimator {
    public var hyperparameters: MLPHyperparameters
    public var epochCallback: EpochCallback?
    /// Called after every optimizer step; may stop training (step budgets, loss curves).
    public var stepCallback: StepCallback?

    public init(_ hyperparameters: MLPHyperparameters = MLPHyperparameters(), epochCallback: EpochCallback? = nil, stepCallback: StepCallback? = nil) {
        self.hyperparameters = hyperparameters
        self.epochCallback = epochCallback
        self.stepCallback = stepCallback
    }

    public func fit(_ dataset: Dataset) throws -> FittedMLPRegressor {
        try fit(dataset, validation: nil)
    }

    /// Fits on `dataset`, scoring each epoch on `validation` (given) or on `validation_fraction`
    /// of the rows held out (when `validation` is nil).
    public func fit(_ dataset: Dataset, validation given: Dataset?) throws -> FittedMLPRegressor {
        try hyperparameters.validate()
        try NetworkTraining.requireRegression(dataset, model: "MLPRegressor")
        let (train, validation) = try given.map { (dataset, $0) }
            ?? NetworkTraining.holdOut(dataset, fraction: hyperparameters.validationFraction, seed: hyperparameters.seed)
        let mean = train.targets.reduce(0.0) { $0 + Double($1) } / Double(train.rowCount)
        let variance = train.targets.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(train.rowCount)
        let scale = variance > 0 ? variance.squareRoot() : 1
        var generator = SeededGenerator(seed: hyperparameters.seed)
        let network = Network<Float>(
            layers: hyperparameters.layers(inputs: dataset.featureCount, outputs: 1),
            initialization: { $0?.defaultInitialization ?? .xavier }, using: &generator)
        let validate: ((Network<Float>) -> Double)? = validation.map { held in
            { FittedMLPRegressor(network: $0, targetMean: mean, targetScale: scale, reports: []).score(held) }
        }
        let session = try NetworkTraining.train(
            network, loss: .meanSquaredError, features: train.features,
            targets: train.targets.map { Float((Double($0) - mean) / scale) },
            configuration: hyperparameters.trainingConfiguration, validate: validate, callback: epochCallback, stepCallback: stepCallback)
        return FittedMLPRegressor(network: session.network, targetMean: mean, targetScale: scale, reports: session.reports)
    }
}

/// A trained ``MLPRegressor``.
public struct FittedMLPRegressor: FittedRegressor {
    public var network: Network<Float>
    public var targetMean: Double
    public var targetScale: Double
    public var reports: [EpochReport]

    public func predict(_ features: Tensor<Float>) -> [Float] {
        network.predict(features).scalars.map { Float(Double($0) * targetScale + targetMean) }
    }
}
