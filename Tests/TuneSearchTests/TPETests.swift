import Foundation
import Testing
import TuneTensor
@testable import TuneSearch

@Suite struct TPETests {
    static let space = try! SearchSpace([
        "x": .float(low: -5, high: 5), "lr": .float(low: 1e-4, high: 1, log: true), "n": .int(low: 1, high: 9, step: 2),
        "k": .int(low: 1, high: 64, log: true), "c": .categorical(["a", "b", "c"]),
    ])
    static let observations: [String: [Double]] = [
        "x": [-1, 0.5, 2, 4.5], "lr": [1e-3, 0.02, 0.3, 1e-4], "n": [1, 3, 3, 9], "k": [2, 8, 60, 1], "c": [0, 2, 2, 1],
    ]
    static let points: [String: [Double]] = [
        "x": [0, -4.9, 3.3], "lr": [0.01, 0.5, 2e-4], "n": [3, 7, 1], "k": [4, 64, 1], "c": [2, 0, 1],
    ]
    /// `Scripts/reference-parzen-estimator.py` (Optuna 5.0.0's `_ParzenEstimator.log_pdf`, default
    /// weights, prior weight 1, magic clip on, endpoints off).
    static let optunaLogDensities: [String: [Double]] = [
        "joint": [-8.656058993998982, -14.708852561093119, -7.054797167509225],
        "x": [-1.936011785184287, -3.785168360591389, -2.172546394635795],
        "lr": [-2.228107323246391, -2.4622849497504147, -2.0596459206486095],
        "n": [-1.3035930579415547, -1.9452182133836884, -1.3207271789196247],
        "k": [-2.9277449039236156, -6.058956767923569, -1.310109846110013],
        "c": [-0.8754687373538996, -1.2321436812926323, -1.2321436812926323],
    ]
    /// Optuna's continuous densities are per unit of x (or log x); ours per unit of the box.
    static let logJacobian: [String: Double] = ["x": log(10), "lr": log(log(1) - log(1e-4)), "n": 0, "k": 0, "c": 0]

    static func estimator(_ names: [String]) -> ParzenEstimator {
        let parameters = names.map { name in space.parameters.first { $0.name == name }! }
        let rows = (0..<4).map { row in parameters.map { TPESampler.coordinate(observations[$0.name]![row], $0.distribution) } }
        let dimensions = parameters.map { TPESampler.dimension(of: $0.distribution) }
        return ParzenEstimator(ParzenObservations(rows: rows, dimensions: dimensions),
                               weights: ParzenWeights(observationWeights: TPESampler.observationWeights(4), priorWeight: 1),
                               dimensions: dimensions)
    }

    static func point(_ names: [String], _ index: Int) -> [Double] {
        names.map { name in TPESampler.coordinate(points[name]![index], space[name]!) }
    }

    @Test(arguments: ["x", "lr", "n", "k", "c"])
    func eachParameterEstimatorMatchesOptuna(name: String) {
        let estimator = Self.estimator([name])
        for index in 0..<3 {
            let ours = estimator.logDensities([Self.point([name], index)])[0] - Self.logJacobian[name]!
            #expect(abs(ours - Self.optunaLogDensities[name]![index]) < 1e-9, "\(name) point \(index): \(ours)")
        }
    }

    @Test func theJointEstimatorMatchesOptuna() {
        let names = ["x", "lr", "n", "k", "c"]
        let estimator = Self.estimator(names)
        let jacobian = names.map { Self.logJacobian[$0]! }.reduce(0, +)
        for index in 0..<3 {
            let ours = estimator.logDensities([Self.point(names, index)])[0] - jacobian
            #expect(abs(ours - Self.optunaLogDensities["joint"]![index]) < 1e-9, "point \(index): \(ours)")
        }
    }

    @Test func bandwidthsAreTheFartherNeighbourDistanceClipped() {
        // Sorted with the ends: 0, .2, .5, .9, 1 → farther neighbours .3, .4, .4 (the outermost
        // observations use their inner neighbour); clip to [1/5, 1]; the prior's is 1.
        func bandwidths(_ values: [Double]) -> [Double] {
            let order = ParzenObservations(rows: values.map { [$0] }, dimensions: [.continuous]).coordinateOrders[0]
            return ParzenEstimator.numericBandwidths(values, order: order, magicClip: true, considerEndpoints: false)
        }
        let sigmas = bandwidths([0.9, 0.2, 0.5])
        #expect(zip(sigmas, [0.4, 0.3, 0.4, 1]).allSatisfy { abs($0 - $1) < 1e-12 })
        let crowded = bandwidths([0.5, 0.5001])
        #expect(crowded[0] == 0.25 && crowded[1] == 0.25, "clipped to 1/(n + 2)")
    }

    @Test func observationWeightsRampOlderTrialsDown() {
        #expect(TPESampler.observationWeights(3) == [1, 1, 1])
        let weights = TPESampler.observationWeights(35)
        #expect(weights.count == 35 && weights.suffix(25).allSatisfy { $0 == 1 })
        #expect(abs(weights[0] - 1.0 / 35) < 1e-12 && abs(weights[9] - 1) < 1e-12)
        // NumPy's linspace(1/26, 1, num=1) is [1/26]: with one trial to ramp, it gets 1/n.
        let single = TPESampler.observationWeights(26)
        #expect(single[0] == 1.0 / 26 && single.dropFirst().allSatisfy { $0 == 1 })
        #expect(TPESampler.goodCount(9) == 1 && TPESampler.goodCount(100) == 10 && TPESampler.goodCount(1000) == 25)
    }

    @Test func theNormalFunctionsHoldInTheTails() {
        // Below the median Φ keeps full relative precision, so the round trip is exact to 1e-9.
        for z in stride(from: -8.0, through: 0, by: 0.5) {
            #expect(abs(NormalDistribution.quantile(NormalDistribution.cdf(z)) - z) < 1e-9 * max(1, abs(z)), "z = \(z)")
        }
        #expect(abs(NormalDistribution.quantile(0.975) - 1.959963984540054) < 1e-12)
        #expect(abs(NormalDistribution.logMass(-1, 1) - log(0.6826894921370859)) < 1e-14)
        // Far in a tail the mass is tiny but its log is finite and matches the symmetric form.
        let tail = NormalDistribution.logMass(-41, -40)
        #expect(tail.isFinite && abs(tail - NormalDistribution.logMass(40, 41)) < 1e-12)
        // log Φ(−40) by its asymptotic series: −800 − log 40 − ½ log 2π + log(1 − 1/1600 + …).
        #expect(abs(NormalDistribution.logCDF(-40) - (-804.6084420137538)) < 1e-6)
    }

    @Test func failedAndRunningTrialsAreBadAndTheBestAreGood() throws {
        let distribution = ParameterDistribution.float(low: 0, high: 1)
        func trial(_ number: Int, _ state: TrialState, _ value: Double?) -> TrialRecord {
            TrialRecord(id: number, number: number, state: state, value: value,
                        internalParameters: ["x": Double(number) / 20], distributions: ["x": distribution])
        }
        var trials = (0..<10).map { trial($0, .complete, Double(10 - $0)) }
        trials += [trial(10, .fail, nil), trial(11, .running, nil), trial(12, .pruned, nil)]
        let history = TrialHistory(direction: .minimize, trials: trials)
        let store = TPEObservationStore(space: try SearchSpace(["x": distribution]), direction: .minimize)
        let (good, bad) = store.groups(of: history, current: 99, constantLiar: true)
        // Each trial's coordinate is its number / 20.
        #expect(good.columns[0].map { Int(($0 * 20).rounded()) } == [8, 9], "γ(11) = 2 best of the completed and pruned")
        #expect(bad.columns[0].map { Int(($0 * 20).rounded()) } == [0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12])
    }

    /// Trial 59 of a maximised study of conditional parameters with FAIL and PRUNED trials, asked
    /// in batches of three (so the constant liar sees running trials) and resumed half-way with a
    /// new sampler, with the values the sampler proposed before its cost per trial was cut
    /// (2026-12): optimisations must not change what the TPE proposes.
    @Test(arguments: [false, true])
    func proposalsAreTheRecordedOnes(multivariate: Bool) throws {
        let storage = InMemoryStorage()
        func open() throws -> Study {
            try Study(name: "p", direction: .maximize, sampler: TPESampler(seed: 3, startupTrials: 5, multivariate: multivariate),
                      storage: storage)
        }
        var study = try open()
        for batch in 0..<20 {
            if batch == 10 { study = try open() }
            let trials = try (0..<3).map { _ in try #require(try study.ask()) }
            for trial in trials {
                let x = try trial.suggestFloat("x", -5...5)
                var value = -x * x
                if try trial.suggestCategorical("optimizer", ["sgd", "adam"]) == "sgd" {
                    value += try trial.suggestFloat("momentum", 0...0.99)
                } else {
                    value += Double(try trial.suggestInt("beta", 1...100, log: true)) / 50
                }
                value -= Double(try trial.suggestInt("units", 16...256, step: 16)) / 256
                for step in 0..<3 { try trial.report(value - Double(3 - step), step: step) }
                if x > 4 {
                    try study.tell(trial, state: .fail)
                } else if x < -3.5 {
                    try study.tell(trial, state: .pruned)
                } else {
                    try study.tell(trial, value: value)
                }
            }
        }
        let recorded: [String: Double] = multivariate
            ? ["beta": 75, "optimizer": 1, "units": 208, "x": -1.0684474092593161]
            : ["beta": 1, "optimizer": 1, "units": 64, "x": -0.39760092062822316]
        let trials = try study.trials
        #expect(Set(trials.map(\.state)) == [.complete, .pruned, .fail])
        #expect(trials[59].internalParameters == recorded)
    }

    /// On a smooth function TPE ends nearer the optimum than random search, over several seeds.
    @Test(arguments: [false, true])
    func tpeBeatsRandomSearchOnAQuadratic(multivariate: Bool) throws {
        func best(_ sampler: any Sampler) throws -> Double {
            let study = try Study(name: "q", sampler: sampler)
            try study.optimize(trials: 60) { trial in
                let x = try trial.suggestFloat("x", -5...5)
                let y = try trial.suggestFloat("y", -5...5)
                let n = try trial.suggestInt("n", 0...10)
                return (x - 1.3) * (x - 1.3) + (y + 2.1) * (y + 2.1) + Double((n - 7) * (n - 7)) / 10
            }
            return try study.bestValue!
        }
        var tpe = 0.0, random = 0.0
        for seed in 1...5 as ClosedRange<UInt64> {
            tpe += try best(TPESampler(seed: seed, multivariate: multivariate))
            random += try best(RandomSampler(seed: seed))
        }
        #expect(tpe < random / 2, "TPE mean best \(tpe / 5) vs random \(random / 5)")
    }
}
