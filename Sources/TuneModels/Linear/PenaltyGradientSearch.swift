import Foundation

/// Tunes a model's L2 strength by the exact hypergradient of its validation loss (any
/// ``DifferentiableValidationLoss``: ridge's, logistic regression's). The validation loss need not
/// be unimodal in `log α` (for ridge on diabetes it rises from small α to a local maximum near
/// α = 5, then falls to its minimum near α = 60), so a single descent from one start can end in
/// the wrong basin. The search therefore scans a few strengths across the
/// range, where the derivatives' signs locate every basin between two scanned points, and then
/// closes the most promising sign change by secant steps on the derivative, safeguarded by
/// bisection (a one-dimensional quasi-Newton method). Each step costs one model fit; a fine grid
/// of 200 values costs 200.
public struct PenaltyGradientSearch: Sendable {
    /// One evaluated strength.
    public struct Step: Sendable, Equatable {
        public var alpha: Double
        public var loss: Double
        /// d loss / d log α.
        public var derivative: Double

        public init(alpha: Double, loss: Double, derivative: Double) {
            self.alpha = alpha
            self.loss = loss
            self.derivative = derivative
        }
    }

    /// The range of `log α` searched (α from about 6e-6 to 1.6e5).
    public var logAlphaBounds: ClosedRange<Double> = -12...12
    /// Strengths scanned, evenly in `log α`, before refining.
    public var scanPoints = 9
    /// Fits at most, the scan included.
    public var maximumFits = 20
    /// Stops when the bracket on `log α` is narrower than this.
    public var tolerance = 1e-3

    public init(maximumFits: Int = 20, scanPoints: Int = 9) {
        self.maximumFits = maximumFits
        self.scanPoints = scanPoints
    }

    /// Every strength evaluated, in order; the best is the one with the least loss.
    public func search(_ objective: some DifferentiableValidationLoss) throws -> [Step] {
        var steps: [Step] = []
        func evaluate(_ logAlpha: Double) throws -> Step {
            let (loss, derivative) = try objective.evaluate(logAlpha: logAlpha)
            let step = Step(alpha: exp(logAlpha), loss: loss, derivative: derivative)
            steps.append(step)
            return step
        }
        let (lower, upper) = (logAlphaBounds.lowerBound, logAlphaBounds.upperBound)
        let count = max(2, min(scanPoints, maximumFits))
        let scanned = try (0..<count).map { try evaluate(lower + (upper - lower) * Double($0) / Double(count - 1)) }
        // Basins: derivative negative at the left point, positive at the right one.
        let brackets = zip(scanned, scanned.dropFirst()).filter { $0.derivative < 0 && $1.derivative > 0 }
        guard var (low, high) = brackets.min(by: { min($0.0.loss, $0.1.loss) < min($1.0.loss, $1.1.loss) }) else {
            return steps
        }
        while steps.count < maximumFits, log(high.alpha) - log(low.alpha) > tolerance {
            let (a, b) = (log(low.alpha), log(high.alpha))
            var next = a - low.derivative * (b - a) / (high.derivative - low.derivative)
            if !(next > a + 0.05 * (b - a) && next < b - 0.05 * (b - a)) { next = 0.5 * (a + b) }
            let point = try evaluate(next)
            if point.derivative == 0 { break }
            if point.derivative < 0 { low = point } else { high = point }
        }
        return steps
    }
}
