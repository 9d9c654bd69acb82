import Foundation

/// What ``GPSampler`` maximises to choose the next point, from the posterior mean `μ` and
/// variance `σ²` of the (standardised, to be maximised) objective.
public enum GPAcquisition: Sendable, Equatable {
    /// log expected improvement over the best observed value: balances exploitation and
    /// exploration without a tuning constant, and (as a logarithm computed in the tails) keeps a
    /// useful gradient where plain EI is numerically zero. The default, as in Optuna.
    case logExpectedImprovement
    /// The upper confidence bound `μ + √β·σ`: larger `β` explores more.
    case upperConfidenceBound(beta: Double)

    /// The acquisition value and its derivatives with respect to the mean and the variance.
    func evaluate(mean: Double, variance: Double, best: Double) -> (value: Double, dMean: Double, dVariance: Double) {
        let deviation = variance.squareRoot()
        switch self {
        case .logExpectedImprovement:
            let z = (mean - best) / deviation
            let slope = LogExpectedImprovement.logHDerivative(z)
            let dDeviation = 1 / deviation - slope * z / deviation
            return (log(deviation) + LogExpectedImprovement.logH(z), slope / deviation, dDeviation / (2 * deviation))
        case .upperConfidenceBound(let beta):
            let weight = beta.squareRoot()
            return (mean + weight * deviation, 1, weight / (2 * deviation))
        }
    }
}
