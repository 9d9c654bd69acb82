import TuneData
import TuneModels

extension DocumentExample {
    /// `002` §4: gradient descent, SGD, momentum, RMSprop and Adam fitting y = 2x + 1 + noise.
    static let lineOptimizers = DocumentExample(
        name: "linreg-optimizers", source: "002_57ed9592af0011c8.txt §4",
        description: "GD, SGD, Momentum, RMSprop, Adam fitting y = 2x + 1 + noise, 1000 updates each"
    ) { _ in
        let source = "make_line:n_samples=100,noise=0.5,seed=0"
        let data = try DatasetSource.load(source)
        let comparison = OptimizerComparison(learningRate: 0.01, steps: 1000)
        func fit(_ label: String, _ model: FittedLinearRegression, batchSize: Int?, steps: Int?, seconds: Double?) -> LineOptimizerResults.LineFit {
            LineOptimizerResults.LineFit(
                optimizer: label, batchSize: batchSize, steps: steps, slope: model.coefficients[0], intercept: model.intercept,
                meanSquaredError: meanSquaredError(predicted: model.predict(data.features), actual: data.targets), seconds: seconds)
        }
        let optimizers = try OptimizerComparison.documentsContenders.map { contender in
            let run = try comparison.fitLine(data, by: contender)
            return fit(contender.label, run.fitted, batchSize: run.batchSize, steps: run.steps, seconds: run.seconds)
        }
        let leastSquares = fit("least squares (closed form)", try LinearRegression().fit(data), batchSize: nil, steps: nil, seconds: nil)
        let rows = (optimizers + [leastSquares]).map { line in
            [line.optimizer, line.batchSize.map(String.init) ?? "-", line.steps.map(String.init) ?? "-",
             ExampleStudy.fourDecimals(line.slope), ExampleStudy.fourDecimals(line.intercept), ExampleStudy.fourDecimals(line.meanSquaredError)]
        }
        return ExampleReport(
            data: "\(source) (y = 2x + 1 + 0.5·N(0, 1), x ~ U(0, 1), 100 rows)",
            results: LineOptimizerResults(learningRate: comparison.learningRate, leastSquares: leastSquares, optimizers: optimizers),
            printed: [.table(header: ["optimizer", "batch", "updates", "slope", "intercept", "mse"], rows: rows)],
            notes: [
                "The document's code does not run: grad = 2 * (y_pred - y) has shape (100, 100) by broadcasting and is not multiplied by X, so `theta -= alpha * grad` raises ValueError (non-broadcastable output operand); its model has no intercept although y = 2x + 1, theta is not reset between optimizers, and its Adam block sits outside any loop (one update with RMSprop's last gradient; the third average a is never used).",
                "The working version fits y = w·x + b from w = b = 0 for each optimizer with the mean squared error's gradient, 1000 updates at learning rate 0.01: GD and Momentum, RMSprop and Adam on all 100 rows per update, SGD on one row per update (10 shuffled passes; the document draws rows with replacement).",
                "Momentum is PyTorch's v ← 0.9·v + g (the document's v ← 0.9·v + 0.1·g takes steps ten times smaller), RMSprop divides the gradient itself by √s (the document's divides a running average of it, which is Adam without bias correction), Adam corrects both averages' bias. Nothing is shortened by --quick: the comparison takes well under a second.",
            ])
    }
}
