import Foundation
import TuneData
import TuneSearch

extension DocumentExample {
    /// `004` §2: TPE over the document's MLP space on CIFAR-10, 10 epochs reported to a pruner.
    static let cifar10MLP = DocumentExample(
        name: "cifar10-mlp", source: "004_5ec52f916ac0baa4.txt §2",
        description: "TPE over the MLP space, 10 epochs with pruning, 100 trials; CIFAR-10 or digits"
    ) { context in
        let (dataset, data) = try cifar10OrStandIn(context)
        var settings = TuningSettings(model: .mlp, search: .tpe)
        settings.space = context.quick ? quickCIFAR10MLPSpace : cifar10MLPSpace
        settings.trials = context.quick ? 6 : 100
        settings.pruner = .median
        settings.fixedParameters = [("optimizer", "momentum"), ("batch_size", "128"), ("epochs", context.quick ? "3" : "10")]
        let result = try ExampleStudy.run(settings, on: dataset, context: context)
        // Optuna's `study.best_trial`, printed as the document prints it.
        let parameters = result.bestParameters.entries.map { ExampleOutput.line("    \($0.name): \($0.value)") }
        return ExampleReport(
            data: data, results: result,
            printed: [.line("Best trial:"), .line("  Value: \(ExampleStudy.fourDecimals(result.bestValue))"), .line("  Params: ")]
                + parameters + [ExampleStudy.testLine(result), ExampleStudy.timeLine(result)],
            notes: [
                "The document scores every epoch on the test set and keeps the best trial by it; here each epoch's accuracy on a validation split of the training part is reported, and the test part scores only the best setting retrained on the training part.",
                "The document reports every epoch (trial.report) but never asks trial.should_prune(), so nothing is pruned; here the median pruner stops a trial whose epoch accuracy is below the median of earlier trials at that epoch (after 5 trials and 3 warm-up epochs). Its own stop after five epochs without improvement is left to the pruner.",
                "momentum is searched in [0, 0.99]: the document's upper bound 1.0 is not a usable momentum (the velocity never decays), and this toolkit's SGD requires momentum < 1.",
            ] + (context.quick ? ["--quick: 6 trials of 3 epochs, 1–2 hidden layers of 32 or 64 units" + (dataset.name.hasPrefix("cifar10") ? ", on the first 2,000 training images." : ".")] : []))
    }

    /// The document's space: `lr` and `weight_decay` log-uniform in [1e-5, 1e-1], `momentum`
    /// uniform, `num_layers` 1–5, `hidden_size` from four widths, `dropout` uniform in [0, 0.5].
    private static let cifar10MLPSpace = try! SearchSpace([
        "lr": .float(low: 1e-5, high: 1e-1, log: true),
        "momentum": .float(low: 0, high: 0.99),
        "weight_decay": .float(low: 1e-5, high: 1e-1, log: true),
        "num_layers": .int(low: 1, high: 5),
        "hidden_size": .categorical([32, 64, 128, 256]),
        "dropout": .float(low: 0, high: 0.5),
    ])

    /// The document's space with small networks only (1–2 hidden layers of 32 or 64 units), so a
    /// quick run takes seconds.
    private static let quickCIFAR10MLPSpace = try! SearchSpace(cifar10MLPSpace.parameters.map { parameter in
        switch parameter.name {
        case "num_layers": return SearchSpace.Parameter("num_layers", .int(low: 1, high: 2))
        case "hidden_size": return SearchSpace.Parameter("hidden_size", .categorical([32, 64]))
        default: return parameter
        }
    })

    /// CIFAR-10's 50,000 training images (the first 2,000 when quick) when the batches are in
    /// the context's folder; otherwise digits, saying so through the context's progress.
    /// - Throws: `DataError` for a folder that holds some batches but not all, or a corrupt batch.
    private static func cifar10OrStandIn(_ context: ExampleContext) throws -> (dataset: Dataset, description: String) {
        let folder = URL(fileURLWithPath: context.cifar10Directory).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: folder) else {
            let digits = BuiltInDataset.digits.load()
            context.progress("cifar10-mlp: CIFAR-10 batches not found at \(folder) (Scripts/fetch-cifar10 downloads them); running on digits instead")
            return (digits, "digits (stand-in: CIFAR-10 batches not found at \(folder))")
        }
        var (train, _) = try CIFAR10Reader.loadDirectory(path: folder)
        if context.quick { train = train.subset(Array(0..<min(2000, train.rowCount))) }
        return (train, "\(train.name) (\(train.rowCount) training images of \(folder); 20% held out for the test, test_batch.bin unused)")
    }
}
