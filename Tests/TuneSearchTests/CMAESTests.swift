import Foundation
import Testing
import TuneTensor
import TuneTestSupport
@testable import TuneSearch

@Suite struct CMAESTests {
    // MARK: The update against the `cmaes` package

    struct Reference {
        var mean: [Double]
        var sigma: Double
        var covariance: [Double]
        var pSigma: [Double]
        var pC: [Double]
    }

    /// `Scripts/reference-cmaes.py` (cmaes 0.13.1, numpy 2.4.6): `CMA(mean=[0.5, -0.3, 1.2],
    /// sigma=0.7)` (population size 7, no bounds) after each of three `tell`s of the solutions
    /// built by ``referenceSolutions(_:generation:)``.
    static let reference: [Reference] = [
        Reference(
            mean: [0.000334710833703733, -1.457153302567949, 0.44924009392550446],
            sigma: 0.8342293705533836,
            covariance: [1.0542099565420413, 0.1948448459476853, 0.1244173859844948, 0.1948448459476853, 1.385038057210615,
                         0.2557250836297928, 0.1244173859844948, 0.2557250836297928, 1.1199974221449274],
            pSigma: [-0.8692408635347125, -2.013037442813939, -1.3060566807678367],
            pC: [-0.9618940682844976, -2.2276090054065847, -1.4452704961031237]),
        Reference(
            mean: [0.49459185323503246, -1.1771829007513204, 0.2575202588768839],
            sigma: 0.8050432924837166,
            covariance: [1.059368803951502, 0.17630437173480154, 0.06831979138514024, 0.17630437173480154, 1.2438627600245076,
                         0.15510569672737984, 0.06831979138514024, 0.15510569672737984, 1.0364614179757825],
            pSigma: [0.1880430985070788, -0.8465548143154626, -1.1028341349439166],
            pC: [0.3740008429739221, -0.5305742121911001, -0.9473417835359679]),
        Reference(
            mean: [1.83575876051289, -0.4876182771916183, -0.338499936092168],
            sigma: 0.9783509506720995,
            covariance: [1.4746492936454778, 0.3066503263399411, -0.23602554427566758, 0.3066503263399411, 1.2289355162971451,
                         0.040958050537012576, -0.23602554427566763, 0.04095805053701252, 1.1875409951101248],
            pSigma: [2.0496881674539265, 0.3671391715284098, -1.65295588555129],
            pC: [2.4099743190808303, 0.9201665676592491, -1.4156380825027024]),
    ]

    /// Solution i of generation k: mean + σ·z with z_j = 1.7·sin(1 + 21k + 3i + j), valued by
    /// Σ (j + 1)·x_j² (the script builds the same).
    static func referenceSolutions(_ state: CMAESState, generation k: Int) -> [(point: [Double], value: Double)] {
        (0..<state.populationSize).map { i in
            let point = (0..<state.dimension).map { j in state.mean[j] + state.sigma * (1.7 * sin(Double(1 + 21 * k + 3 * i + j))) }
            return (point, point.indices.reduce(0) { $0 + Double($1 + 1) * point[$1] * point[$1] })
        }
    }

    @Test func theUpdateMatchesTheCmaesPackage() throws {
        var state = CMAESState(mean: [0.5, -0.3, 1.2], sigma: 0.7)
        #expect(state.populationSize == 7 && state.mu == 3)
        for (generation, expected) in Self.reference.enumerated() {
            try state.tell(Self.referenceSolutions(state, generation: generation))
            let label = "generation \(generation + 1)"
            expectClose(state.mean, expected.mean, rtol: 1e-10, atol: 1e-13, "\(label) mean")
            expectClose(state.sigma, expected.sigma, rtol: 1e-10, "\(label) sigma")
            expectClose(state.covariance, expected.covariance, rtol: 1e-10, atol: 1e-13, "\(label) C")
            expectClose(state.pSigma, expected.pSigma, rtol: 1e-10, atol: 1e-13, "\(label) p_sigma")
            expectClose(state.pC, expected.pC, rtol: 1e-10, atol: 1e-13, "\(label) p_c")
        }
    }

    @Test func defaultsFollowTheTutorial() {
        let state = CMAESState(mean: [0.5, 0.5, 0.5, 0.5], sigma: 1.0 / 6)
        #expect(state.populationSize == 8 && state.mu == 4, "λ = 4 + ⌊3 ln 4⌋")
        #expect(abs(state.weights.prefix(4).reduce(0, +) - 1) < 1e-12, "positive weights sum to 1")
        #expect(state.weights.suffix(4).allSatisfy { $0 < 0 })
        #expect(state.functionHistoryTerm == 10 + 15)
        #expect(CMAESState.defaultPopulationSize(dimension: 1) == 4 && CMAESState.defaultPopulationSize(dimension: 10) == 10)
    }

    @Test func aFlatFunctionStopsTheRunByTolFun() throws {
        var state = CMAESState(mean: [0.5, 0.5], sigma: 1.0 / 6)
        var generator = SeededGenerator(seed: 1)
        var stoppedAt: Int?
        for generation in 1...40 where stoppedAt == nil {
            var solutions: [(point: [Double], value: Double)] = []
            for _ in 0..<state.populationSize {
                solutions.append((try state.ask(using: &generator, maxResampling: 20), 1))
            }
            try state.tell(solutions)
            if try state.shouldStop() { stoppedAt = generation }
        }
        #expect(stoppedAt == state.functionHistoryTerm + 1, "stops once the history is full of equal values")
    }

    // MARK: Optimisation

    @Test func itMinimisesASphereIn4D() throws {
        let sampler = try CMAESSampler(seed: 3)
        let study = try Study(name: "sphere", sampler: sampler)
        let optimum = [1.0, -2.0, 0.5, 3.0]
        try study.optimize(trials: 600) { trial in
            try (0..<4).reduce(0.0) { sum, i in
                let x = try trial.suggestFloat("x\(i)", -5...5)
                return sum + (x - optimum[i]) * (x - optimum[i])
            }
        }
        let best = try study.bestValue!
        #expect(best < 1e-6, "best \(best)")
    }

    @Test func itMinimisesARotatedEllipsoidIn5D() throws {
        // f(x) = Σ 10^(3i/4)·(Rx)_i² around an off-centre optimum, with R a fixed rotation
        // (condition number 1000): CMA-ES must learn the correlations.
        let d = 5
        var generator = SeededGenerator(seed: 11)
        let basis = try Tensor<Double>.normal(shape: [d, d], using: &generator).symmetricEigendecomposition().eigenvectors.scalars
        let scales = (0..<d).map { pow(10, 3 * Double($0) / Double(d - 1)) }
        let optimum = [0.3, -0.7, 1.1, -1.5, 0.2]
        let study = try Study(name: "ellipsoid", sampler: try CMAESSampler(seed: 5))
        try study.optimize(trials: 800) { trial in
            let x = try (0..<d).map { try trial.suggestFloat("x\($0)", -3...3) - optimum[$0] }
            return (0..<d).reduce(0.0) { sum, i in
                let rotated = (0..<d).reduce(0.0) { $0 + basis[$1 * d + i] * x[$1] }
                return sum + scales[i] * rotated * rotated
            }
        }
        let best = try study.bestValue!
        #expect(best < 1e-4, "best \(best)")
    }

    @Test func aMaximisedStudyClimbs() throws {
        let study = try Study(name: "max", direction: .maximize, sampler: try CMAESSampler(seed: 2))
        try study.optimize(trials: 300) { trial in
            let x = try trial.suggestFloat("x", -4...4)
            let lr = try trial.suggestFloat("lr", 1e-5...1, log: true)
            return 10 - (x - 1) * (x - 1) - pow(log10(lr) + 3, 2)
        }
        let best = try study.bestTrial!
        let bestValue = try study.bestValue!
        #expect(bestValue > 10 - 1e-4, "best \(bestValue)")
        #expect(abs(best.parameters["lr"]!.number! - 1e-3) < 1e-4)
    }

    // MARK: Reproducibility and resumption

    static func objective(_ trial: Trial) throws -> Double {
        let x = try trial.suggestFloat("x", -5...5)
        let y = try trial.suggestFloat("y", 1e-3...10, log: true)
        let n = try trial.suggestInt("n", 0...20)
        return (x - 1.5) * (x - 1.5) + pow(log(y) - 0.5, 2) + Double((n - 13) * (n - 13)) / 20
    }

    static func parameters(_ study: Study) throws -> [[String: Double]] {
        try study.trials.map(\.internalParameters)
    }

    @Test func theSameSeedGivesTheSameTrials() throws {
        func run(seed: UInt64) throws -> [[String: Double]] {
            let study = try Study(name: "s", sampler: try CMAESSampler(seed: seed))
            try study.optimize(trials: 50, objective: Self.objective)
            return try Self.parameters(study)
        }
        let first = try run(seed: 7)
        #expect(try run(seed: 7) == first)
        #expect(try run(seed: 8) != first)
    }

    @Test func aResumedStudyContinuesAsAnUninterruptedOne() throws {
        let uninterrupted = try Study(name: "u", sampler: try CMAESSampler(seed: 4))
        try uninterrupted.optimize(trials: 60, objective: Self.objective)

        let storage = InMemoryStorage()
        let first = try Study(name: "r", sampler: try CMAESSampler(seed: 4), storage: storage)
        try first.optimize(trials: 30, objective: Self.objective)
        // A new sampler knows nothing: it replays the generations from the stored trials.
        let resumed = try Study(name: "r", sampler: try CMAESSampler(seed: 4), storage: storage)
        try resumed.optimize(trials: 30, objective: Self.objective)

        let expected = try Self.parameters(uninterrupted)
        #expect(try Self.parameters(resumed) == expected)
        let expectedTags = try uninterrupted.trials.map { CMAESTag($0.systemAttributes) }
        #expect(try resumed.trials.map { CMAESTag($0.systemAttributes) } == expectedTags)
        let generations = try resumed.trials.compactMap { CMAESTag($0.systemAttributes)?.generation }
        #expect(generations.max()! >= 5, "the run crossed several generations: \(generations)")
    }

    /// Under concurrency every trial's tag and membership are settled in the storage, so a fresh
    /// sampler replaying the final history draws exactly the parameters each trial was given.
    @Test func concurrentTrialsAreReproducedByReplay() throws {
        let sampler = try CMAESSampler(seed: 9)
        let study = try Study(name: "c", sampler: sampler)
        try study.optimize(trials: 120, concurrency: 4, objective: Self.objective)
        let trials = try study.trials
        let history = TrialHistory(direction: .minimize, trials: trials)
        let fresh = try CMAESSampler(seed: 9)
        var tagged = 0
        for trial in trials {
            guard let tag = CMAESTag(trial.systemAttributes) else { continue }
            tagged += 1
            let space = fresh.relativeSearchSpace(history: history, trial: trial)
            #expect(space.names == tag.space)
            let values = try fresh.sampleRelative(history: history, trial: trial, searchSpace: space)
            for (name, value) in values { #expect(trial.internalParameters[name] == value, "trial \(trial.number) \(name)") }
            if let parents = tag.parents {
                let members = parents.map { trials[$0] }
                #expect(members.allSatisfy { $0.state == .complete && CMAESTag($0.systemAttributes)?.generation == tag.generation - 1 })
            }
        }
        #expect(tagged >= 110)
        // The claims' digest, kept across claims, sees what a fresh sampler reading every trial sees.
        #expect(try attributes(fresh.claim(history: history)) == attributes(sampler.claim(history: history)))
    }

    func attributes(_ claim: TrialClaim) -> [String: JSONValue]? {
        if case .start(let attributes) = claim { return attributes }
        return nil
    }

    /// A trial of a generation whose state is cached costs no read of the history.
    @Test func aCachedGenerationIsSampledWithoutReadingTheHistory() throws {
        final class Reads: @unchecked Sendable {
            private let lock = NSLock()
            private var count = 0
            func add() { lock.lock(); count += 1; lock.unlock() }
            var total: Int { lock.lock(); defer { lock.unlock() }; return count }
        }
        let sampler = try CMAESSampler(seed: 2)
        let study = try Study(name: "reads", sampler: sampler)
        try study.optimize(trials: 40, objective: Self.objective)
        let trials = try study.trials
        let last = trials.last!
        func history(_ reads: Reads) -> TrialHistory {
            TrialHistory(direction: .minimize) { reads.add(); return trials }
        }
        let warm = Reads()
        let space = sampler.relativeSearchSpace(history: history(warm), trial: last)
        let values = try sampler.sampleRelative(history: history(warm), trial: last, searchSpace: space)
        #expect(warm.total == 0 && !values.isEmpty)
        #expect(values.allSatisfy { last.internalParameters[$0.key] == $0.value })

        let cold = Reads()
        let fresh = try CMAESSampler(seed: 2)
        let coldHistory = history(cold)
        let replayed = try fresh.sampleRelative(
            history: coldHistory, trial: last, searchSpace: fresh.relativeSearchSpace(history: coldHistory, trial: last))
        #expect(cold.total == 1 && replayed == values)
    }

    // MARK: Spaces and fallbacks

    @Test func categoricalParametersAreDrawnAtRandom() throws {
        let sampler = try CMAESSampler(seed: 6)
        let study = try Study(name: "cat", sampler: sampler)
        try study.optimize(trials: 40) { trial in
            let x = try trial.suggestFloat("x", -2...2)
            let kind = try trial.suggestCategorical("kind", ["a", "b", "c"])
            let y = try trial.suggestInt("y", -3...3)
            return x * x + Double(y * y) + (kind == "b" ? 0 : 1)
        }
        let trials = try study.trials
        let random = RandomSampler(seed: 6)
        let history = try study.history
        for trial in trials {
            let expected = try random.sampleIndependent(history: history, trial: trial, name: "kind", distribution: trial.distributions["kind"]!)
            #expect(trial.internalParameters["kind"] == expected, "trial \(trial.number)")
            if let tag = CMAESTag(trial.systemAttributes) { #expect(tag.space == ["x", "y"]) }
        }
        #expect(CMAESTag(trials[0].systemAttributes) == nil, "the first trial is a random startup trial")
        #expect(trials.dropFirst().allSatisfy { CMAESTag($0.systemAttributes) != nil })
    }

    @Test func aGivenSpaceStartsAtTheFirstTrial() throws {
        let space = try SearchSpace([
            "x": .float(low: 0, high: 10), "units": .int(low: 16, high: 256, log: true),
            "act": .categorical(["relu", "tanh"]), "fixed": .float(low: 1, high: 1),
        ])
        let sampler = try CMAESSampler(seed: 1, startupTrials: 0, searchSpace: space)
        #expect(sampler.searchSpace?.names == ["x", "units"])
        let study = try Study(name: "given", sampler: sampler)
        try study.optimize(trials: 3) { trial in
            let x = try trial.suggestFloat("x", 0...10)
            let units = try trial.suggestInt("units", 16...256, log: true)
            return x + Double(units)
        }
        let first = try study.trials[0]
        #expect(CMAESTag(first.systemAttributes) == CMAESTag(space: ["x", "units"], restart: 0, generation: 0))
        // σ0 = 1/6 of the box around its centre: trial 0 lies within 4σ0 of the centre.
        #expect(abs(first.internalParameters["x"]! - 5) < 4 * 10.0 / 6)
    }

    @Test func x0MovesTheStart() throws {
        let space = try SearchSpace(["x": .float(low: 0, high: 10), "y": .float(low: 0, high: 10)])
        let sampler = try CMAESSampler(seed: 1, sigma0: 0.01, x0: ["x": 2], startupTrials: 0, searchSpace: space)
        let study = try Study(name: "x0", sampler: sampler)
        try study.optimize(trials: 1) { trial in try trial.suggestFloat("x", 0...10) + trial.suggestFloat("y", 0...10) }
        let first = try study.trials[0].internalParameters
        #expect(abs(first["x"]! - 2) < 0.5 && abs(first["y"]! - 5) < 0.5)
        #expect(throws: StudyError.self) { try CMAESSampler(x0: ["x": 20], searchSpace: space) }
    }

    // MARK: Failed trials, restarts, options

    @Test func failedAndPrunedTrialsDoNotCountTowardAGeneration() throws {
        let study = try Study(name: "fail", sampler: try CMAESSampler(seed: 12))
        try study.optimize(trials: 100) { trial in
            let x = try trial.suggestFloat("x", -5...5)
            let y = try trial.suggestFloat("y", -5...5)
            if trial.number % 5 == 3 { throw TrialPruned() }
            if x > 1 { return .nan }  // FAIL
            return x * x + y * y
        }
        let trials = try study.trials
        #expect(trials.contains { $0.state == .fail } && trials.contains { $0.state == .pruned })
        var generations: [Int: [TrialRecord]] = [:]
        for trial in trials {
            guard let tag = CMAESTag(trial.systemAttributes) else { continue }
            generations[tag.generation, default: []].append(trial)
            if let parents = tag.parents {
                #expect(parents.count == 6, "λ = 4 + ⌊3 ln 2⌋")
                #expect(parents.allSatisfy { trials[$0].state == .complete })
                #expect(parents == generations[tag.generation - 1]!.filter { $0.state == .complete }.prefix(6).map(\.number))
            }
        }
        // Sequentially, a generation closes exactly when its sixth trial completes.
        for (generation, members) in generations where generations[generation + 1] != nil {
            #expect(members.filter { $0.state == .complete }.count == 6, "generation \(generation)")
            #expect(members.last!.state == .complete)
        }
    }

    @Test func ipopRestartsAStalledRunWithADoubledPopulation() throws {
        let sampler = try CMAESSampler(seed: 3, restartStrategy: .ipop(factor: 2))
        let study = try Study(name: "flat", sampler: sampler)
        try study.optimize(trials: 160) { trial in
            _ = try trial.suggestFloat("x", 0...1)
            _ = try trial.suggestFloat("y", 0...1)
            return 1
        }
        let tags = try study.trials.compactMap { CMAESTag($0.systemAttributes) }
        // d = 2: λ = 6, tolFun's history spans 10 + ⌈60/6⌉ = 20 generations, so the run stops after 21.
        let firstRestart = try #require(tags.firstIndex { $0.restart == 1 })
        #expect(tags[firstRestart].generation == 0 && tags[firstRestart - 1].generation == 20)
        #expect(firstRestart == 21 * 6)
        let restarted = tags[firstRestart...]
        #expect(restarted.count == 160 - 1 - 21 * 6)
        #expect(sampler.populationSize(restart: 1, dimension: 2) == 12)
        // The second run opens its next generation after 12 trials.
        if restarted.count > 12 { #expect(restarted.dropFirst(12).first?.generation == 1) }
    }

    @Test func invalidOptionsAreRejectedByName() {
        func message(_ make: () throws -> CMAESSampler) -> String {
            do { _ = try make(); return "" } catch { return "\(error)" }
        }
        #expect(message { try CMAESSampler(populationSize: 1) }.contains("populationSize"))
        #expect(message { try CMAESSampler(sigma0: 0) }.contains("sigma0"))
        #expect(message { try CMAESSampler(sigma0: -.infinity) }.contains("sigma0"))
        #expect(message { try CMAESSampler(startupTrials: -1) }.contains("startupTrials"))
        #expect(message { try CMAESSampler(restartStrategy: .ipop(factor: 1)) }.contains("restartStrategy"))
    }

    @Test func tagsSurviveTheirAttributeForm() {
        let tag = CMAESTag(space: ["a", "b,c"], restart: 2, generation: 7, parents: [3, 5, 8])
        #expect(CMAESTag(tag.attributes) == tag)
        #expect(CMAESTag([:]) == nil)
        #expect(CMAESTag(["cmaes:space": .array([.string("a")]), "cmaes:generation": .double(3)])
            == CMAESTag(space: ["a"], restart: 0, generation: 3))
    }
}
