import Foundation
import Testing
import TuneData
import TuneTensor
import TuneTestSupport
@testable import TuneModels

/// Logistic regression's exact fit (``ExactLogisticRegression``), the hypergradient of its
/// validation cross-entropy, and the gradient search over its L2 strength: on four features of
/// breast cancer (two classes) and on iris (three); the search also on all of breast cancer's
/// features (docs/BENCHMARKS.md).
@Suite struct LogisticHypergradientTests {
    /// `dataset` restricted to the feature columns `columns`.
    static func columns(_ columns: [Int], of dataset: Dataset) -> Dataset {
        let scalars = (0..<dataset.rowCount).flatMap { row in columns.map { dataset.features[row, $0] } }
        return Dataset(
            name: dataset.name, features: Tensor(shape: [dataset.rowCount, columns.count], scalars: scalars),
            targets: dataset.targets, featureNames: columns.map { dataset.featureNames[$0] }, task: dataset.task)
    }

    /// Mean radius, mean texture, mean smoothness and mean concave points of breast cancer.
    static let breastCancerColumns = [0, 1, 4, 7]

    /// A 75/25 split of seed 0, features standardised on the training part.
    static func parts(_ dataset: Dataset) throws -> (training: Dataset, validation: Dataset) {
        var (training, validation) = try dataset.trainTestSplit(testSize: .fraction(0.25), seed: 0)
        let scaler = StandardScaler(fittingOn: training.features)
        scaler.transform(&training.features)
        scaler.transform(&validation.features)
        return (training, validation)
    }

    /// The validation loss on `name`'s standardised 75/25 split; "breast_cancer" is its four
    /// columns above, "breast_cancer_all" all 30.
    static func objective(_ name: String) throws -> LogisticValidationLoss {
        var dataset = try DatasetSource.load(name == "breast_cancer_all" ? "breast_cancer" : name)
        if name == "breast_cancer" { dataset = columns(breastCancerColumns, of: dataset) }
        let (training, validation) = try parts(dataset)
        return try LogisticValidationLoss(training: training, validation: validation)
    }

    @Test(arguments: ["breast_cancer", "iris"], [-9.0, -4.0, -1.5, 1.0])
    func derivativeMatchesFiniteDifferences(data: String, logAlpha: Double) throws {
        let objective = try Self.objective(data)
        let exact = try objective.evaluate(logAlpha: logAlpha).derivative
        let h = 1e-4
        let numeric = (try objective.evaluate(logAlpha: logAlpha + h).loss - objective.evaluate(logAlpha: logAlpha - h).loss) / (2 * h)
        expectClose(exact, numeric, rtol: 1e-6, atol: 1e-10, "\(data): d loss / d log α at \(logAlpha)")
    }

    /// Newton's optimum on all 150 rows of iris (raw features) at α = 0.01 is scikit-learn's.
    /// Reference: scikit-learn 1.9.1, `LogisticRegression(C=1/(150·0.01), solver='newton-cg',
    /// tol=1e-14, max_iter=100000)` on the features rounded to Float; rows of `coef_.T` then
    /// `intercept_`, and the objective mean cross-entropy + ½·0.01·‖coef_‖² evaluated in NumPy.
    @Test func irisOptimumMatchesScikitLearn() throws {
        let solution = try ExactLogisticRegression(training: DatasetSource.load("iris")).fit(alpha: 0.01)
        let reference: [[Double]] = [
            [-0.41583047033112847, 0.4383989901065771, -0.02256851977544585],
            [0.8238623133337065, -0.34788192363032694, -0.47598038970338546],
            [-2.2465108513639573, -0.1486496912825721, 2.3951605426465328],
            [-0.9491902443054648, -0.7817268585960966, 1.7309171029015573],
            [9.064408964730411, 2.161916172611711, -11.226325137341986],
        ]
        #expect(solution.gradientNorm <= 1e-10)
        expectClose(solution.objective, 0.22428890295423537, rtol: 1e-12)
        for (row, values) in reference.enumerated() {
            for (column, value) in values.enumerated() {
                expectClose(solution.parameters[row, column], value, rtol: 1e-6, atol: 1e-8, "parameter [\(row), \(column)]")
            }
        }
    }

    /// `LogisticRegression` with `solver = newton` is that optimum as a model (weights then
    /// biases, in Float), whatever the optimizer settings; the default solver trains by SGD and
    /// stops near it.
    @Test func theNewtonSolverFitsTheExactOptimum() throws {
        let iris = try DatasetSource.load("iris")
        let exact = try ExactLogisticRegression(training: iris).fit(alpha: 0.01)
        var settings = LogisticRegression.Hyperparameters()
        settings.solver = .newton
        settings.alpha = 0.01
        settings.learningRate = 123
        let fitted = try LogisticRegression(settings).fit(iris)
        for row in 0..<4 {
            for column in 0..<3 {
                expectClose(Double(fitted.coefficients[row, column]), exact.parameters[row, column], rtol: 1e-6, atol: 1e-6, "weight [\(row), \(column)]")
            }
        }
        for column in 0..<3 {
            expectClose(Double(fitted.network.biases[0][offset: column]), exact.parameters[4, column], rtol: 1e-6, atol: 1e-6, "bias \(column)")
        }
        #expect(fitted.reports.isEmpty)
        settings.alpha = 0
        #expect(throws: (any Error).self) { try LogisticRegression(settings).fit(iris) }
    }

    /// With two classes scikit-learn fits one vector β = w_malignant − w_benign, the same model at
    /// C = 2/(n·α). Reference: scikit-learn 1.9.1, `LogisticRegression(C=2/(569·0.001),
    /// solver='newton-cg', tol=1e-14, max_iter=100000)` on all 569 rows of the four raw features
    /// (rounded to Float), target malignant; `coef_`, `intercept_`, and the objective evaluated in
    /// NumPy with w = ±β/2.
    @Test func breastCancerOptimumMatchesScikitLearn() throws {
        let dataset = Self.columns(Self.breastCancerColumns, of: try DatasetSource.load("breast_cancer"))
        let solution = try ExactLogisticRegression(training: dataset).fit(alpha: 0.001)
        let malignant = try #require(dataset.classNames.firstIndex(of: "malignant"))
        let benign = 1 - malignant
        let beta = [0.9966098471205127, 0.21740203823790188, 2.786313163871782, 5.147235842322617, -19.486695671814886]
        #expect(solution.gradientNorm <= 1e-10)
        expectClose(solution.objective, 0.24661452437281617, rtol: 1e-12)
        for (row, value) in beta.enumerated() {
            expectClose(solution.parameters[row, malignant] - solution.parameters[row, benign], value, rtol: 1e-6, "β[\(row)]")
        }
    }

    /// One class, a class without training rows, and non-finite features are refused by name.
    @Test func impossibleDataIsRefused() throws {
        let iris = try DatasetSource.load("iris")
        #expect(throws: ModelError.self) { try ExactLogisticRegression(training: iris.subset(Array(0..<50))) }
        var broken = iris
        broken.features[3, 1] = .nan
        #expect(throws: ModelError.unusableData("the training features contain NaN or infinite values")) {
            try ExactLogisticRegression(training: broken)
        }
        #expect(throws: ModelError.self) { try ExactLogisticRegression(training: DatasetSource.load("diabetes")) }
    }

    /// At most 20 fits reach within 0.1% of the best validation cross-entropy of a 200-value log
    /// grid over the same range.
    @Test(arguments: ["breast_cancer", "breast_cancer_all", "iris"])
    func searchMatchesAFineGridWithTwentyFits(data: String) throws {
        let objective = try Self.objective(data)
        var search = PenaltyGradientSearch()
        search.logAlphaBounds = log(1e-6)...log(10)
        let (low, high) = (search.logAlphaBounds.lowerBound, search.logAlphaBounds.upperBound)
        let grid = try (0..<200).map { try objective.evaluate(logAlpha: low + (high - low) * Double($0) / 199).loss }
        let steps = try search.search(objective)
        let best = steps.map(\.loss).min()!
        #expect(steps.count <= 20)
        #expect(best <= 1.001 * grid.min()!, "search \(best) after \(steps.count) fits, grid \(grid.min()!)")
    }
}
