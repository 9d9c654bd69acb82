/// The results of `linreg-optimizers` as `--json` prints them: the line each optimizer fitted,
/// beside the closed-form least-squares line it should approach.
struct LineOptimizerResults: Encodable, Sendable {
    /// One fitted line y = slope·x + intercept and its mean squared error on the data.
    struct LineFit: Encodable, Sendable {
        var optimizer: String
        /// Rows per update; nil for the closed form.
        var batchSize: Int?
        /// Updates made; nil for the closed form.
        var steps: Int?
        var slope: Double
        var intercept: Double
        var meanSquaredError: Double
        var seconds: Double?

        enum CodingKeys: String, CodingKey {
            case optimizer, batchSize = "batch_size", steps, slope, intercept, meanSquaredError = "mse", seconds
        }
    }

    var learningRate: Double
    var leastSquares: LineFit
    var optimizers: [LineFit]

    enum CodingKeys: String, CodingKey {
        case learningRate = "learning_rate", leastSquares = "least_squares", optimizers
    }
}
