import Foundation
import TuneData
import TuneSearch

extension DocumentExample {
    /// `001`: grid, random and Bayesian (TPE) search over a learning rate and a regularisation
    /// strength, for a model the document leaves open (here logistic regression).
    static let learningRateRegularisation = DocumentExample(
        name: "lr-reg-search", source: "001_6a02a72c6f791e1f.txt §3",
        description: "grid, random and TPE over logistic regression's lr and L2 strength, breast_cancer"
    ) { context in
        let dataset = BuiltInDataset.breastCancer.load()
        let searches: [(kind: SearchKind, trials: Int?)] = [(.grid, nil), (.random, context.quick ? 4 : 100), (.tpe, context.quick ? 12 : 100)]
        var base = TuningSettings(model: .logistic, search: .grid)
        base.space = learningRateRegularisationSpace
        base.gridPoints = context.quick ? 2 : 3
        if context.quick { base.fixedParameters = [("epochs", "20")] }
        let results = try searches.map { search -> TuningResult in
            var settings = base
            settings.search = search.kind
            settings.trials = search.trials
            return try ExampleStudy.run(settings, on: dataset, context: context)
        }
        let rows = results.map { result -> [String] in
            let best = Dictionary(result.bestParameters.entries.map { ($0.name, fourDigits($0.value)) }, uniquingKeysWith: { $1 })
            return [result.search, "\(result.trialCount)", best["lr"] ?? "-", best["alpha"] ?? "-",
                    ExampleStudy.fourDecimals(result.bestValue), ExampleStudy.fourDecimals(result.testScore),
                    String(format: "%.1f", result.seconds)]
        }
        return ExampleReport(
            data: ExampleStudy.describe(dataset, testFraction: base.testFraction), results: results,
            printed: [.table(header: ["search", "trials", "learning_rate", "regularization_strength", "best validation accuracy",
                                      "test accuracy", "seconds"], rows: rows)],
            notes: [
                "The document's train and validate are placeholders; the model here is logistic regression on breast_cancer (standardised), its regularization_strength the L2 penalty alpha, each trial scored by accuracy on a validation split of the training part.",
                "One space for the three searches, Optuna's from the document: learning_rate uniform in [0.0001, 0.1], regularization_strength log-uniform in [0.0001, 0.1] (its random-search pseudo-code draws both uniformly); the grid takes 3 values of each (9 combinations, the document's example).",
                "TPE starts, as Optuna's does, from 10 random trials; with the same seed they are random search's first 10.",
                "optuna.create_study() minimises by default while the document's objective returns a validation score; these studies maximise accuracy.",
            ] + (context.quick ? ["--quick: a 2 × 2 grid, 4 random and 12 TPE trials, 20 epochs each."] : []))
    }

    /// A searched value to four significant digits (a log-spaced grid point prints as 0.0001, not
    /// 0.00010000000000000009).
    private static func fourDigits(_ value: ParameterList.Value) -> String {
        if case .number(let number) = value { return String(format: "%.4g", number) }
        return value.description
    }

    /// The document's Optuna space: `learning_rate` uniform, `regularization_strength` log-uniform.
    private static let learningRateRegularisationSpace = try! SearchSpace([
        "lr": .float(low: 1e-4, high: 0.1),
        "alpha": .float(low: 1e-4, high: 0.1, log: true),
    ])
}
