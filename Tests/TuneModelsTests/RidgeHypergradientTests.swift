import Foundation
import Testing
import TuneData
import TuneTensor
import TuneTestSupport
@testable import TuneModels

/// Ridge regression's hypergradient and the gradient search over its L2 strength, on diabetes with
/// features standardised on the training part.
@Suite struct RidgeHypergradientTests {
    static func parts() throws -> (training: Dataset, validation: Dataset) {
        var (training, validation) = try DatasetSource.load("diabetes").trainTestSplit(testSize: .fraction(0.25), seed: 0)
        let scaler = StandardScaler(fittingOn: training.features)
        scaler.transform(&training.features)
        scaler.transform(&validation.features)
        return (training, validation)
    }

    @Test(arguments: [-4.0, 0.0, 2.5, 6.0])
    func derivativeMatchesFiniteDifferences(logAlpha: Double) throws {
        let (training, validation) = try Self.parts()
        let objective = try RidgeValidationLoss(training: training, validation: validation)
        let exact = try objective.evaluate(logAlpha: logAlpha).derivative
        let h = 1e-4
        let numeric = (try objective.evaluate(logAlpha: logAlpha + h).loss - objective.evaluate(logAlpha: logAlpha - h).loss) / (2 * h)
        expectClose(exact, numeric, rtol: 1e-6, atol: 1e-9, "d loss / d log α at \(logAlpha)")
    }

    /// The loss is the validation MSE of the model `LinearRegression` fits with that `alpha`.
    @Test func lossIsTheFittedModelsValidationError() throws {
        let (training, validation) = try Self.parts()
        let objective = try RidgeValidationLoss(training: training, validation: validation)
        var hyperparameters = LinearRegression.Hyperparameters()
        hyperparameters.alpha = 3.7
        let model = try LinearRegression(hyperparameters).fit(training)
        let predictions = model.predict(validation.features)
        let mse = zip(predictions, validation.targets).reduce(0.0) { $0 + Double(($1.0 - $1.1) * ($1.0 - $1.1)) } / Double(validation.rowCount)
        expectClose(try objective.evaluate(logAlpha: log(3.7)).loss, mse, rtol: 1e-4)
    }

    /// At most 20 fits reach within 1% of the best validation error of a 200-value log grid over
    /// the same range (the loss has two basins here; the wrong one is 1% worse).
    @Test func searchMatchesAFineGridWithTwentyFits() throws {
        let (training, validation) = try Self.parts()
        let objective = try RidgeValidationLoss(training: training, validation: validation)
        let grid = try (0..<200).map { try objective.evaluate(logAlpha: -12 + 24 * Double($0) / 199).loss }
        let steps = try PenaltyGradientSearch().search(objective)
        let best = steps.map(\.loss).min()!
        #expect(steps.count <= 20)
        #expect(best <= 1.01 * grid.min()!, "search \(best) after \(steps.count) fits, grid \(grid.min()!)")
    }
}
