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
            cosine, warmup_cosine), alpha, validation_fraction, patience, min_delta, restore_best_weights, seed.
            For linear and ridge: solver (lstsq, gradient), alpha, lr, optimizer, momentum, epochs, batch_size.
            For logistic: alpha, lr, optimizer, momentum, epochs, batch_size.

            Examples:
              tune-train train --model mlp --data digits --param num_layers=2 --param hidden_size=128 --param lr=0.01 --param optimizer=adam --param epochs=30 --seed 1 --json
              tune-train train --model logistic --data breast_cancer
              tune-train train --model linear --data make_line:n_samples=1000 --param solver=gradient --param optimizer=adam
            """
    )

    @Option(help: "The model to train.")
    var model: ModelKind

    @Option(help: ArgumentHelp("A built-in data set, a CSV file, or a generator spec.", valueName: "source"))
    var data: String

    @Option(help: ArgumentHelp("The CSV's target column, by header name or 0-based index.", valueName: "column"))
    var target: String?

    @Option(help: "Treat the CSV's target as classification or regression (default: inferred).")
    var task: TaskOption = .infer

    @Option(name: .customLong("param"), help: ArgumentHelp("A hyperparameter as name=value (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @Option(help: "Seeds the split and the model.")
    var seed: UInt64 = 0

    @Option(help: "The fraction of rows held out for the test score.")
    var testSize: Double = 0.2

    @Option(help: "Feature scaling, fitted on the training part (auto: standard for gradient-trained models).")
    var scale: FeatureScaling = .auto

    @Option(help: ArgumentHelp("Also cross-validate on the training part with K folds (stratified for classification).", valueName: "K"))
    var cv: Int?

    @Flag(help: "Print one JSON document instead of a summary.")
    var json = false

    @Flag(help: "Print each epoch's loss and validation metric (to standard error).")
    var verbose = false

    func validate() throws {
        for parameter in parameters where !parameter.contains("=") || parameter.hasPrefix("=") {
            throw ValidationError("--param '\(parameter)' is not name=value, e.g. --param lr=0.01")
        }
        guard testSize > 0, testSize < 1 else { throw ValidationError("--test-size must be in (0, 1), got \(testSize)") }
        if let cv, cv < 2 { throw ValidationError("--cv must be at least 2, got \(cv)") }
    }

    func run() throws {
        let dataset = try exitingOnDataError {
            try DatasetSource.load(data, target: target.map(DatasetSource.TargetColumn.init(parsing:)), task: task.choice)
        }
        let pairs = parameters.map { parameter -> (name: String, value: String) in
            let parts = parameter.split(separator: "=", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
        let verbose = self.verbose
        let run = TrainingRun(
            model: model, parameters: pairs, testFraction: testSize, scaling: scale, seed: seed,
            epochCallback: { report in
                if verbose {
                    let metric = report.validationMetric.map { String(format: ", validation %.4f", $0) } ?? ""
                    FileHandle.standardError.write(Data(String(format: "epoch %d: loss %.5f%@\n", report.epoch, report.trainLoss, metric).utf8))
                }
                return .proceed
            }, crossValidationFolds: cv)
        let result: TrainingResult
        do {
            result = try run.run(on: dataset)
        } catch let error as ParameterError {
            printError(error.message)
            throw ExitStatus.usage
        } catch let error as ModelError {
            printError("\(error)")
            switch error {
            case .invalidHyperparameter, .taskMismatch: throw ExitStatus.usage
            case .diverged, .unusableData: throw ExitStatus.runFailed
            }
        } catch let error as DataError {
            printError("\(error)")
            throw ExitStatus.dataError
        }
        if json {
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
