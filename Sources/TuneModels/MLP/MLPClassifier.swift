import TuneData
import TuneTensor

/// A multi-layer perceptron classifier trained with softmax cross-entropy.
public struct MLPClassifier: Estimator {
    public var hyperparameters: MLPHyperparameters
    /// Called after every epoch; may stop training (pruners plug in here).
    public var epochCallback: EpochCallback?
    /// Called after every optimizer step; may stop training (step budgets, loss curves).
    public var stepCallback: StepCallback?

    public init(_ hyperparameters: MLPHyperparameters = MLPHyperparameters(), epochCallback: EpochCallback? = nil, stepCallback: StepCallback? = nil) {
        self.hyperparameters = hyperparameters
        self.epochCallback = epochCallback
        self.stepCallback = stepCallback
    }

    public func fit(_ dataset: Dataset) throws -> FittedMLPClassifier {
        try fit(dataset, validation: nil)
    }

    /// Fits on `dataset`, scoring each epoch on `validation` (given) or on `validation_fraction`
    /// of the rows held out (when `validation` is nil).
    public func fit(_ dataset: Dataset, validation given: Dataset?) throws -> FittedMLPClassifier {
        try hyperparameters.validate()
        let classes = try NetworkTraining.requireClassification(dataset, model: "MLPClassifier")
        let (train, validation) = try given.map { (dataset, $0) }
            ?? NetworkTraining.holdOut(dataset, fraction: hyperparameters.validationFraction, seed: hyperparameters.seed)
        var generator = SeededGenerator(seed: hyperparameters.seed)
        let network = Network<Float>(
            layers: hyperparameters.layers(inputs: dataset.featureCount, outputs: classes),
            initialization: { $0?.defaultInitialization ?? .xavier }, using: &generator)
        let validate: ((Network<Float>) -> Double)? = validation.map { held in
            { FittedMLPClassifier(network: $0, classNames: dataset.classNames, reports: []).score(held) }
        }
        let session = try NetworkTraining.train(
            network, loss: .softmaxCrossEntropy, features: train.features, targets: train.targets,
            configuration: hyperparameters.trainingConfiguration, validate: validate, callback: epochCallback, stepCallback: stepCallback)
        return FittedMLPClassifier(network: session.network, classNames: dataset.classNames, reports: session.reports)
    }
}

/// A trained ``MLPClassifier``.
public struct FittedMLPClassifier: FittedClassifier {
    public var network: Network<Float>
    public var classNames: [String]
    /// One per epoch trained.
    public var reports: [EpochReport]

    public func predictProbabilities(_ features: Tensor<Float>) -> Tensor<Float> {
        var logits = network.predict(features)
        softmaxRows(&logits)
        return logits
    }
}
