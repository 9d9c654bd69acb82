import Foundation
import Testing
import TuneTensor
import TuneTestSupport
@testable import TuneSearch

@Suite struct GaussianProcessTests {
    static let kernel = MaternKernel(inverseSquaredLengthScales: [4, 0.5], signalVariance: 1.5, noiseVariance: 0.01)
    static let inputs: [Double] = [0.1, 0.2, 0.5, 0.9, 0.8, 0.4]
    static let targets: [Double] = [1, -0.5, 0.25]

    /// `Scripts/reference-gp-posterior.py`: the textbook posterior (Rasmussen & Williams eq.
    /// 2.25–2.26) with NumPy.
    @Test func posteriorMatchesTheTextbookOnThreePoints() throws {
        let process = try GaussianProcess(kernel: Self.kernel, inputs: Self.inputs, dimension: 2, targets: Self.targets)
        let tests: [Double] = [0.3, 0.3, 0.5, 0.9, 1.0, 0.0]
        let (means, variances) = process.posterior(tests)
        expectClose(means, [0.464722375868227, -0.48239943438850863, 0.4815417232270144], rtol: 1e-10, "means")
        expectClose(variances, [0.1619244879527677, 0.00982658989895224, 0.38054108215122606], rtol: 1e-9, "variances")
        for point in 0..<3 {
            let single = process.posteriorWithGradient(Array(tests[2 * point..<2 * point + 2]))
            expectClose(single.mean, means[point], rtol: 1e-10, "single-point mean")
            expectClose(single.variance, variances[point], rtol: 1e-9, "single-point variance")
        }
    }

    @Test func negativeLogPosteriorIsTheMarginalLikelihoodPlusPriors() {
        let fit = KernelFit(inputs: Self.inputs, targets: Self.targets, dimension: 2)
        let value = fit.negativeLogPosterior(raw: Self.kernel.raw).value
        let kernel = Self.kernel
        let logPrior = kernel.inverseSquaredLengthScales.reduce(0) { $0 - (0.1 / $1 + 0.1 * $1) }
            + (log(kernel.signalVariance) - kernel.signalVariance) + (0.1 * log(kernel.noiseVariance) - 30 * kernel.noiseVariance)
        // log marginal likelihood from the reference script.
        expectClose(-value, -4.066369786035515 + logPrior, rtol: 1e-10)
    }

    /// The analytic gradient of the penalised likelihood against central finite differences, on
    /// random data in four dimensions.
    @Test func likelihoodGradientMatchesFiniteDifferences() {
        var generator = SeededGenerator(seed: 7)
        let n = 12, d = 4
        let inputs = (0..<n * d).map { _ in Double.random(in: 0...1, using: &generator) }
        let targets = (0..<n).map { i in sin(6 * inputs[i * d]) + inputs[i * d + 1] * inputs[i * d + 2] }
        let fit = KernelFit(inputs: inputs, targets: targets, dimension: d)
        let raw = [0.3, -0.7, 1.1, 0.2, 0.4, -3.0]
        let gradient = fit.negativeLogPosterior(raw: raw).gradient
        for k in raw.indices {
            let h = 1e-5
            var up = raw, down = raw
            up[k] += h
            down[k] -= h
            let numeric = (fit.negativeLogPosterior(raw: up).value - fit.negativeLogPosterior(raw: down).value) / (2 * h)
            expectClose(gradient[k], numeric, rtol: 1e-6, atol: 1e-8, "d/dθ\(k)")
        }
    }

    /// The gradients of the posterior mean and variance with respect to the input point.
    @Test func posteriorGradientMatchesFiniteDifferences() throws {
        let process = try GaussianProcess(kernel: Self.kernel, inputs: Self.inputs, dimension: 2, targets: Self.targets)
        let point = [0.35, 0.6]
        let exact = process.posteriorWithGradient(point)
        for j in 0..<2 {
            let h = 1e-6
            var up = point, down = point
            up[j] += h
            down[j] -= h
            let (upper, lower) = (process.posteriorWithGradient(up), process.posteriorWithGradient(down))
            expectClose(exact.meanGradient[j], (upper.mean - lower.mean) / (2 * h), rtol: 1e-6, atol: 1e-9, "dμ/dx\(j)")
            expectClose(exact.varianceGradient[j], (upper.variance - lower.variance) / (2 * h), rtol: 1e-6, atol: 1e-9, "dσ²/dx\(j)")
        }
    }

    /// Duplicated inputs without noise make the covariance singular: the jitter makes it factor.
    @Test func jitterRescuesASingularCovariance() throws {
        let kernel = MaternKernel(inverseSquaredLengthScales: [1], signalVariance: 1, noiseVariance: 0)
        let process = try GaussianProcess(kernel: kernel, inputs: [0.5, 0.5, 0.5], dimension: 1, targets: [1, 1, 1])
        let (means, variances) = process.posterior([0.5])
        #expect(abs(means[0] - 1) < 1e-3 && variances[0] >= 0)
    }

    @Test func fitRecoversALongLengthScaleForAnIrrelevantInput() {
        var generator = SeededGenerator(seed: 3)
        let n = 30
        let inputs = (0..<n * 2).map { _ in Double.random(in: 0...1, using: &generator) }
        let raw = (0..<n).map { sin(5 * inputs[$0 * 2]) }
        let mean = raw.reduce(0, +) / Double(n)
        let deviation = (raw.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)).squareRoot()
        let fit = KernelFit(inputs: inputs, targets: raw.map { ($0 - mean) / deviation }, dimension: 2)
        let kernel = fit.fit(starts: [MaternKernel.initial(dimension: 2)])
        // η = 1/ℓ²: the relevant input gets the shorter length scale by far.
        #expect(kernel.inverseSquaredLengthScales[0] > 10 * kernel.inverseSquaredLengthScales[1], "\(kernel)")
        #expect(kernel.noiseVariance < 0.05, "\(kernel)")
    }
}

@Suite struct LogExpectedImprovementTests {
    /// Plain `log(φ(z) + zΦ(z))` where it is accurate, and mpmath's 80-digit values in the tail,
    /// where the plain formula underflows.
    @Test func logHIsAccurateAcrossTheRange() {
        for z in [-0.5, 0.0, 1.0, 3.0] {
            let direct = log(exp(-0.5 * z * z) / (2 * Double.pi).squareRoot() + z * 0.5 * erfc(-z / 2.0.squareRoot()))
            expectClose(LogExpectedImprovement.logH(z), direct, rtol: 1e-12)
        }
        // mpmath: log(npdf(z) + z*ncdf(z)) with mp.dps = 80.
        let reference: [(Double, Double)] = [
            (-5, -16.744301162660990143), (-12, -77.909100545007348277), (-40, -808.29856835661996024),
            (-1000, -500014.73445209115845), (-1e6, -500000000028.54995965),
        ]
        for (z, expected) in reference {
            expectClose(LogExpectedImprovement.logH(z), expected, rtol: 1e-13, "z = \(z)")
        }
    }

    @Test func logHIsContinuousAtItsBranches() {
        for z in [-1.0, -30.0] {
            let (below, above) = (LogExpectedImprovement.logH(z.nextDown), LogExpectedImprovement.logH(z.nextUp))
            expectClose(below, above, rtol: 1e-9, "at \(z)")
            let (slopeBelow, slopeAbove) = (LogExpectedImprovement.logHDerivative(z.nextDown), LogExpectedImprovement.logHDerivative(z.nextUp))
            expectClose(slopeBelow, slopeAbove, rtol: 1e-8, "slope at \(z)")
        }
    }

    @Test func derivativeMatchesFiniteDifferences() {
        for z in [-50.0, -20.0, -3.0, -0.9, 0.0, 2.5] {
            let h = 1e-6 * max(1, abs(z))
            let numeric = (LogExpectedImprovement.logH(z + h) - LogExpectedImprovement.logH(z - h)) / (2 * h)
            expectClose(LogExpectedImprovement.logHDerivative(z), numeric, rtol: 1e-6, "z = \(z)")
        }
    }
}

@Suite struct GPAcquisitionTests {
    /// The derivatives with respect to the mean and the variance that the acquisition search
    /// follows, against central finite differences, for log EI (near and far from the best) and UCB.
    @Test(arguments: [GPAcquisition.logExpectedImprovement, .upperConfidenceBound(beta: 4)])
    func derivativesMatchFiniteDifferences(acquisition: GPAcquisition) {
        for (mean, variance) in [(0.3, 0.5), (-2.0, 0.04), (-9.0, 0.01)] {
            let exact = acquisition.evaluate(mean: mean, variance: variance, best: 1)
            let h = 1e-6
            let dMean = (acquisition.evaluate(mean: mean + h, variance: variance, best: 1).value
                - acquisition.evaluate(mean: mean - h, variance: variance, best: 1).value) / (2 * h)
            let dVariance = (acquisition.evaluate(mean: mean, variance: variance + h * variance, best: 1).value
                - acquisition.evaluate(mean: mean, variance: variance - h * variance, best: 1).value) / (2 * h * variance)
            expectClose(exact.dMean, dMean, rtol: 1e-6, "dMean at \(mean), \(variance)")
            expectClose(exact.dVariance, dVariance, rtol: 1e-5, "dVariance at \(mean), \(variance)")
        }
    }
}

@Suite struct BoundedLBFGSTests {
    @Test func minimisesRosenbrock() {
        let result = BoundedLBFGS(maximumIterations: 500, gradientTolerance: 1e-8).minimize(from: [-1.2, 1]) { x in
            let (a, b) = (x[0], x[1])
            return ((1 - a) * (1 - a) + 100 * (b - a * a) * (b - a * a), [-2 * (1 - a) - 400 * a * (b - a * a), 200 * (b - a * a)])
        }
        expectClose(result.point, [1, 1], rtol: 1e-5)
    }

    @Test func stopsAtAnActiveBound() {
        let minimizer = BoundedLBFGS(bounds: [(0, 1), (0, 1)])
        let result = minimizer.minimize(from: [0.5, 0.5]) { x in
            ((x[0] - 2) * (x[0] - 2) + (x[1] - 0.3) * (x[1] - 0.3), [2 * (x[0] - 2), 2 * (x[1] - 0.3)])
        }
        expectClose(result.point, [1, 0.3], rtol: 1e-6)
    }
}

@Suite struct GPSamplerTests {
    static func branin(_ x: Double, _ y: Double) -> Double {
        let b = 5.1 / (4 * Double.pi * Double.pi), c = 5 / Double.pi, t = 1 / (8 * Double.pi)
        return (y - b * x * x + c * x - 6) * (y - b * x * x + c * x - 6) + 10 * (1 - t) * cos(x) + 10
    }

    /// Branin's minimum is 0.397887; random search needs thousands of trials to come within 0.01.
    @Test func findsBraninsMinimumInFortyTrials() throws {
        let study = try Study(name: "branin", sampler: try GPSampler(seed: 3))
        try study.optimize(trials: 40) { trial in
            Self.branin(try trial.suggestFloat("x", -5...10), try trial.suggestFloat("y", 0...15))
        }
        let best = try study.bestValue!
        #expect(best - 0.397887 < 0.01, "best \(best)")
    }

    /// FAIL and PRUNED trials enter the model at the worst completed value.
    @Test func failedTrialsAreImputedAsTheWorst() throws {
        let space = try SearchSpace(["x": .float(low: 0, high: 1)])
        let states: [TrialState] = [.complete, .fail, .complete, .pruned]
        let trials = states.enumerated().map { index, state in
            TrialRecord(id: index, number: index, state: state, value: state == .complete ? Double(index) : nil,
                        internalParameters: ["x": Double(index) / 4], distributions: ["x": .float(low: 0, high: 1)])
        }
        let data = GPObservations(history: TrialHistory(direction: .minimize, trials: trials),
                                  transform: SearchSpaceTransform(space, categoricalEncoding: .oneHot), current: 99)
        // Minimised: values 0, worst, 2, worst → maximised −0, −2, −2, −2, standardised.
        #expect(data.targets.count == 4)
        #expect(data.targets[0] > 0 && data.targets[1] == data.targets[2] && data.targets[2] == data.targets[3])
    }

    /// With another worker's trial running at the incumbent, the next point goes elsewhere.
    @Test func runningTrialsAreNotProposedAgain() throws {
        let study = try Study(name: "liar", sampler: try GPSampler(seed: 1, startupTrials: 5))
        try study.optimize(trials: 8) { trial in
            let x = try trial.suggestFloat("x", 0...1)
            return (x - 0.3) * (x - 0.3)
        }
        let a = try study.ask()!.suggestFloat("x", 0...1)
        let b = try study.ask()!.suggestFloat("x", 0...1)
        #expect(abs(a - b) > 1e-3, "both workers asked to evaluate x = \(a)")
    }

    /// Over a finite space the model never proposes a setting already tried while untried ones
    /// remain (the startup trials are quasi-random and may coincide).
    @Test func settingsAreNotRepeatedBeforeTheSpaceIsExhausted() throws {
        let study = try Study(name: "lists", sampler: try GPSampler(seed: 2, startupTrials: 2))
        try study.optimize(trials: 8) { trial in
            let a = try trial.suggestInt("a", 0...2)
            let b = try trial.suggestCategorical("b", ["x", "y", "z"])
            return Double(a) + (b == "y" ? 0 : 1)
        }
        let settings = try study.trials.map { "\($0.parameters["a"]!)-\($0.parameters["b"]!)" }
        for index in 2..<settings.count {
            #expect(!settings[..<index].contains(settings[index]), "trial \(index) repeats: \(settings)")
        }
    }
}
