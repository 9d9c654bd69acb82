import TuneData
import TuneTensor

/// The fitting steps every network-based model shares: check the task, hold out validation rows,
/// initialise, train with the callback, and report divergence.
enum NetworkTraining {
    /// Splits off `fraction` of the rows (stratified for classification) for validation.
    static func holdOut(_ dataset: Dataset, fraction: Double, seed: UInt64) throws -> (train: Dataset, validation: Dataset?) {
        guard fraction > 0 else { return (dataset, nil) }
        let validationRows = Int((fraction * Double(dataset.rowCount)).rounded(.up))
        guard validationRows >= 1, dataset.rowCount - validationRows >= 1 else {
            throw ModelError.unusableData("validation_fraction \(fraction) of \(dataset.rowCount) rows leaves no training or validation rows")
        }
        let (train, validation) = try dataset.trainTestSplit(testSize: .fraction(fraction), seed: seed ^ 0x5EED)
        return (train, validation)
    }

    /// Trains `network` on `features`/`targets` and returns the session (for its reports).
    static func train(
        _ network: Network<Float>, loss: Loss, features: Tensor<Float>, targets: [Float],
        configuration: TrainingConfiguration, validate: ((Network<Float>) -> Double)?, callback: EpochCallback?,
        stepCallback: StepCallback?
    ) throws -> TrainingSession<Float> {
        var session = try TrainingSession(
            network: network, loss: loss, features: features, targets: targets, configuration: configuration, validate: validate,
            stepCallback: stepCallback)
        try session.run(callback: callback)
        return session
    }

    /// Throws unless `dataset` is a classification set.
    static func requireClassification(_ dataset: Dataset, model: String) throws -> Int {
        guard let classes = dataset.task.classCount else {
            throw ModelError.taskMismatch(model: model, expected: "classification", got: "regression")
        }
        return classes
    }

    /// Throws unless `dataset` is a regression set.
    static func requireRegression(_ dataset: Dataset, model: String) throws {
        if dataset.task.classCount != nil {
            throw ModelError.taskMismatch(model: model, expected: "regression", got: "classification")
        }
    }
}

/// Softmax of each row of `logits`, in place.
func softmaxRows(_ logits: inout Tensor<Float>) {
    let width = logits.columns
    logits.withUnsafeMutableBufferPointer { z in
        for r in 0..<(z.count / max(width, 1)) {
            let base = r * width
            var maximum = z[base]
            for c in 1..<width { maximum = max(maximum, z[base + c]) }
            var sum: Float = 0
            for c in 0..<width {
                z[base + c] = expf(z[base + c] - maximum)
                sum += z[base + c]
            }
            for c in 0..<width { z[base + c] /= sum }
        }
    }
}

import Foundation
