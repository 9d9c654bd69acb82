import TuneData

extension DocumentExample {
    /// `000` §4.3: Bayesian optimisation of a random forest on `make_classification`.
    static let bayesianForest = DocumentExample(
        name: "bayes-rf", source: "000_1fa8d7deb634aa7a.txt §4.3",
        description: "Bayesian optimisation (GP): random forest, make_classification, 100 trials"
    ) { context in
        // tune-train --model rf --search gp --data make_classification:… --trials 100
        var settings = TuningSettings(model: .rf, search: .gp)
        settings.trials = context.quick ? 12 : 100
        let rows = context.quick ? 300 : 1000
        let dataset = try DatasetSource.load("make_classification:n_samples=\(rows),n_features=20,n_informative=2,n_redundant=10,seed=42")
        return try ExampleStudy.searchReport(settings, on: dataset, context: context, notes: [
            "The document's code does not run: scipy.optimize has no bayes_optimize, and int(None) fails for max_depth None. The working version is `tune-train --model rf --search gp` over the same four lists (max_depth None: unlimited).",
            "The data are make_classification with the document's settings, drawn by this toolkit's generator from seed 42: the same kind of problem, not scikit-learn's rows.",
            "The document scores every trial on the test set, so the test score it would print is the one it selected on; here trials are scored on a validation split of the training part, and the test set scores only the retrained best setting.",
        ] + (context.quick ? ["--quick: 300 rows and 12 trials (the last 2 chosen by the Gaussian process after 10 quasi-random ones)."] : []))
    }
}
