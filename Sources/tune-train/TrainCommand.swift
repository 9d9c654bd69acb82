import ArgumentParser
import Foundation
import TuneData
import TuneExperiment
import TuneModels

/// `tune-train train`: fit one model with given hyperparameters and report its scores.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train one model with given hyperparameters and score it on a held-out test part.",
        discussion: """
            Parameters use the documents' and scikit-learn's names. For mlp: lr, optimizer (sgd, momentum,
            nesterov, rmsprop, adam, adamw), momentum, weight_decay, num_layers, hidden_size, dropout, activation
            (relu, leaky_relu, tanh, sigmoid, gelu), batch_size, epochs, lr_schedule (constant, step, exponential,
            cosine, warmup_cosine), alpha, validation_fraction, patience, min_delta, restore_best_weights, seed,
            hypergradient (β; 0: a fixed lr), hypergradient_rule (additive, multiplicative, logarithmic).
            For linear and ridge: solver (lstsq, gradient), alpha, lr, optimizer, momentum, epochs, batch_size,
            hypergradient, hypergradient_rule (with solver=gradient).
            For logistic: solver (gradient, newton), alpha, lr, optimizer, momentum, epochs, batch_size, hypergradient, hypergradient_rule.

            Examples:
              tune-train train --model mlp --data digits --param num_layers=2 --param hidden_size=128 --param lr=0.01 --param optimizer=adam --param epochs=30 --seed 1 --json
              tune-train train --model logistic --data breast_cancer
              tune-train train --model linear --data make_line:n_samples=1000 --param solver=gradient --param optimizer=adam
            """
    )

    @OptionGroup var options: ModelRunOptions

    @Flag(help: "Print each epoch's loss, validation metric and learning rate (to standard error).")
    var verbose = false

    func run() throws {
        let dataset = try options.loadData()
        let verbose = self.verbose
        let run = TrainingRun(
            model: options.model, parameters: options.parameterPairs, testFraction: options.testSize,
            scaling: options.scale, seed: options.seed,
            epochCallback: { report in
                if verbose {
                    let metric = report.validationMetric.map { String(format: ", validation %.4f", $0) } ?? ""
                    let line = String(format: "epoch %d: loss %.5f%@, lr %.4g\n", report.epoch, report.trainLoss, metric, report.learningRate)
                    FileHandle.standardError.write(Data(line.utf8))
                }
                return .proceed
            }, crossValidationFolds: options.cv)
        let result = try exitingOnRunError { try run.run(on: dataset) }
        if options.json {
            try printJSON(result)
            return
        }
        print("""
            \(result.model) on \(result.data) (\(result.task), \(result.trainRows) train / \(result.testRows) test rows, scaling \(result.scaling))
            \(result.metric): train \(formatted(result.trainScore)), test \(formatted(result.testScore))
            epochs \(result.epochsRun), fit \(formatted(result.fitSeconds)) s\(result.crossValidationMean.map { "\ncv \(result.crossValidationScores!.count)-fold: mean \(formatted($0)), std \(formatted(result.crossValidationStandardDeviation!))" } ?? "")
            params: \(result.params.entries.map { "\($0.name)=\($0.value)" }.joined(separator: " "))
            """)
    }
}

extension ModelKind: ExpressibleByArgument {}
extension FeatureScaling: ExpressibleByArgument {}
