import Foundation
import Testing
import TuneTensor
@testable import TuneSearch

@Suite struct GeneticSamplerTests {
    // MARK: The operators against hand-computed values

    /// Parents 0.2 and 0.6, η = 1. Lower child: β = 1 + 2·0.2/0.4 = 2, α = 2 − β⁻² = 1.75; upper
    /// child: β = 1 + 2·0.4/0.4 = 3, α = 2 − 1/9 = 17/9. For u = 0.3 (≤ 1/α on both sides)
    /// β_q = √(uα); for u = 0.9 (> 1/α) β_q = √(1/(2 − uα)); children ½(x1 + x2 ∓ β_q (x2 − x1)).
    @Test func simulatedBinaryCrossoverMatchesHandComputedValues() {
        let low = GeneticOperators.simulatedBinaryCrossover(0.6, 0.2, eta: 1, u: 0.3)
        #expect(abs(low.0 - 0.5 * (0.8 - sqrt(0.3 * 1.75) * 0.4)) < 1e-15)
        #expect(abs(low.0 - 0.2550862325381056) < 1e-12 && abs(low.1 - 0.5505545305418162) < 1e-12, "\(low)")
        let high = GeneticOperators.simulatedBinaryCrossover(0.2, 0.6, eta: 1, u: 0.9)
        #expect(abs(high.0 - 0.09321400446105182) < 1e-12 && abs(high.1 - 0.7651483716701108) < 1e-12, "\(high)")
        // u = ½ is the middle of the spread distribution: for parents centred in the box the
        // children are symmetric about their mean.
        let centred = GeneticOperators.simulatedBinaryCrossover(0.4, 0.6, eta: 15, u: 0.5)
        #expect(abs(centred.0 + centred.1 - 1) < 1e-12 && centred.0 < 0.5)
    }

    @Test func simulatedBinaryCrossoverAndPolynomialMutationStayInTheBox() {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<20_000 {
            let a = generator.uniform(), b = generator.uniform(), u = generator.uniform()
            let eta = [0.0, 1, 15, 100][generator.integer(in: 0..<4)]
            if a != b {
                let (c1, c2) = GeneticOperators.simulatedBinaryCrossover(a, b, eta: eta, u: u)
                #expect((0...1).contains(c1) && (0...1).contains(c2) && c1 <= c2)
            }
            let m = GeneticOperators.polynomialMutation(a, eta: eta, u: u)
            #expect((0...1).contains(m))
        }
        // At the bounds themselves.
        for u in [0.0, 1e-9, 0.5, 0.999, 1 - 1e-12] {
            let (c1, c2) = GeneticOperators.simulatedBinaryCrossover(0, 1, eta: 15, u: u)
            #expect((0...1).contains(c1) && (0...1).contains(c2), "u = \(u): \(c1), \(c2)")
        }
        #expect(GeneticOperators.polynomialMutation(0, eta: 20, u: 0.1) == 0)
        #expect(GeneticOperators.polynomialMutation(1, eta: 20, u: 0.9) == 1)
    }

    /// x = 0.5, η = 1: u = 0.25 gives δ = √(2u + (1 − 2u)(1 − x)²) − 1 = √0.625 − 1; u = 0.75 the
    /// mirror image.
    @Test func polynomialMutationMatchesHandComputedValues() {
        #expect(abs(GeneticOperators.polynomialMutation(0.5, eta: 1, u: 0.25) - 0.290569415042095) < 1e-12)
        #expect(abs(GeneticOperators.polynomialMutation(0.5, eta: 1, u: 0.75) - 0.7094305849579051) < 1e-12)
    }

    // MARK: The population

    static let x = ParameterDistribution.float(low: -5, high: 5)
    static let y = ParameterDistribution.int(low: 0, high: 10)

    /// Trial `number` with x = (number mod 10) / 2 and y = number mod 11 (those of `distributions`).
    static func record(_ number: Int, _ state: TrialState, _ value: Double?,
                       distributions: [String: ParameterDistribution] = ["x": x, "y": y]) -> TrialRecord {
        let values = ["x": Double(number % 10) / 2, "y": Double(number % 11)].filter { distributions[$0.key] != nil }
        return TrialRecord(id: number, number: number, state: state, value: value,
                           internalParameters: values, distributions: distributions)
    }

    @Test func failedPrunedAndRunningTrialsAreNeverParents() throws {
        var trials = (0..<12).map { Self.record($0, .complete, Double(100 + $0)) }
        // The best values of the history, all on trials that must not breed.
        trials += [Self.record(12, .fail, -100), Self.record(13, .pruned, -90), Self.record(14, .running, -80),
                   Self.record(15, .waiting, -70), Self.record(16, .fail, nil), Self.record(17, .pruned, nil)]
        // Complete but lacking y, or drawing x from another distribution: not of the space.
        trials += [Self.record(18, .complete, -60, distributions: ["x": Self.x]),
                   Self.record(19, .complete, -50, distributions: ["x": .float(low: -1, high: 1), "y": Self.y])]
        // A tie with trial 3 (value 103): the earlier trial ranks first.
        trials += [Self.record(20, .complete, 103)]
        let space = try SearchSpace(["x": Self.x, "y": Self.y])
        let minimizing = GeneticPopulation(history: TrialHistory(direction: .minimize, trials: trials), space: space, size: 5)
        #expect(minimizing.members.map(\.number) == [0, 1, 2, 3, 20])
        let maximizing = GeneticPopulation(history: TrialHistory(direction: .maximize, trials: trials), space: space, size: 3)
        #expect(maximizing.members.map(\.number) == [11, 10, 9])
        #expect(minimizing.members[0].internalValues == ["x": 0, "y": 0])

        // The sampler breeds from that population: every child's values come from parents drawn
        // among trials 0...3 and 20 (whose y values are 0...3 and 9) up to a mutation.
        let sampler = try GeneticSampler(seed: 4, populationSize: 5, mutationRate: 0)
        let history = TrialHistory(direction: .minimize, trials: trials)
        for number in 21..<60 {
            let trial = TrialRecord(id: number, number: number, state: .running)
            let values = try sampler.sampleRelative(history: history, trial: trial, searchSpace: space)
            #expect([0, 1, 2, 3, 9].contains(values["y"]!), "trial \(number): \(values)")
        }
    }

    @Test func tournamentsFavourTheBest() throws {
        let trials = (0..<20).map { Self.record($0, .complete, Double($0)) }
        let population = GeneticPopulation(history: TrialHistory(direction: .minimize, trials: trials),
                                           space: try SearchSpace(["x": Self.x, "y": Self.y]), size: 20)
        var generator = SeededGenerator(seed: 2)
        var wins = [Int](repeating: 0, count: 20)
        for _ in 0..<20_000 { wins[population.tournament(size: 2, using: &generator).number] += 1 }
        // P(best wins a binary tournament) = 1 − (19/20)² ≈ 0.0975; the worst only against itself, 1/400.
        #expect(abs(Double(wins[0]) / 20_000 - 0.0975) < 0.01 && wins[19] < 150, "\(wins)")
    }

    // MARK: Studies

    static func mixedObjective(_ trial: Trial) throws -> Double {
        let x = try trial.suggestFloat("x", -5...5)
        let lr = try trial.suggestFloat("lr", 1e-4...1, log: true)
        let n = try trial.suggestInt("n", 1...9, step: 2)
        let k = try trial.suggestInt("k", 1...64, log: true)
        let c: String = try trial.suggestCategorical("c", ["a", "b", "c"])
        var penalty = c == "b" ? 0.0 : 4
        if c == "a" { penalty += try trial.suggestFloat("momentum", 0...1) }
        return (x - 1) * (x - 1) + pow(log10(lr) + 2, 2) + Double((n - 5) * (n - 5)) / 4 + pow(log2(Double(k)) - 3, 2) + penalty
    }

    @Test func theSameSeedGivesTheSameTrials() throws {
        func run(_ seed: UInt64) throws -> [[String: Double]] {
            let study = try Study(name: "r", sampler: try GeneticSampler(seed: seed, populationSize: 10))
            try study.optimize(trials: 60, objective: Self.mixedObjective)
            return try study.trials.map(\.internalParameters)
        }
        let first = try run(7)
        #expect(first.count == 60)
        #expect(try run(7) == first)
        #expect(try run(8) != first)
    }

    @Test func theFirstGenerationIsRandomSearch() throws {
        func run(_ sampler: any Sampler) throws -> [[String: Double]] {
            let study = try Study(name: "f", sampler: sampler)
            try study.optimize(trials: 25, objective: Self.mixedObjective)
            return try study.trials.map(\.internalParameters)
        }
        let genetic = try run(GeneticSampler(seed: 3))
        let random = try run(RandomSampler(seed: 3))
        #expect(Array(genetic.prefix(20)) == Array(random.prefix(20)))
        #expect(Array(genetic.suffix(5)) != Array(random.suffix(5)))
    }

    @Test(arguments: [false, true])
    func mixedSpacesStayValidAndEvolve(givenSpace: Bool) throws {
        let space = try SearchSpace([
            "x": .float(low: -5, high: 5), "lr": .float(low: 1e-4, high: 1, log: true), "n": .int(low: 1, high: 9, step: 2),
            "k": .int(low: 1, high: 64, log: true), "c": .categorical(["a", "b", "c"]),
        ])
        let sampler = try GeneticSampler(seed: 5, populationSize: 10, searchSpace: givenSpace ? space : nil)
        if givenSpace {
            // The first trial already samples the whole known space jointly.
            #expect(sampler.relativeSearchSpace(history: TrialHistory(direction: .minimize, trials: []),
                                                trial: TrialRecord(id: 0, number: 0, state: .running)).count == 5)
        }
        let study = try Study(name: "m", sampler: sampler)
        try study.optimize(trials: 150, objective: Self.mixedObjective)
        let trials = try study.trials
        #expect(trials.allSatisfy { $0.state == .complete })
        for trial in trials {
            for (name, value) in trial.internalParameters {
                #expect(trial.distributions[name]!.contains(internalValue: value), "trial \(trial.number): \(name) = \(value)")
            }
        }
        // Selection drives the categorical to its best choice (a third of random draws).
        let late = trials.suffix(60)
        let bestChoice = late.filter { $0.internalParameters["c"] == 1 }.count
        #expect(bestChoice > 40, "c = b in \(bestChoice) of the last 60 trials")
        let bestValue = try #require(try study.bestValue)
        let randomStudy = try Study(name: "m", sampler: RandomSampler(seed: 5))
        try randomStudy.optimize(trials: 150, objective: Self.mixedObjective)
        let randomBest = try #require(try randomStudy.bestValue)
        #expect(bestValue < 1.5 && bestValue < randomBest, "best \(bestValue), random search's \(randomBest)")
    }

    @Test(arguments: [StudyDirection.minimize, .maximize])
    func geneticSearchBeatsRandomSearchOnASphere(direction: StudyDirection) throws {
        let sign = direction == .minimize ? 1.0 : -1.0
        func best(_ sampler: any Sampler) throws -> Double {
            let study = try Study(name: "s", direction: direction, sampler: sampler)
            try study.optimize(trials: 300) { trial in
                var sum = 0.0
                for index in 0..<4 {
                    let v = try trial.suggestFloat("x\(index)", -5...5)
                    sum += v * v
                }
                return sign * sum
            }
            for trial in try study.trials {
                for (name, value) in trial.internalParameters {
                    #expect((-5...5).contains(value), "trial \(trial.number): \(name) = \(value)")
                }
            }
            return sign * (try study.bestValue!)
        }
        var genetic = 0.0, random = 0.0
        for seed in 1...5 as ClosedRange<UInt64> {
            genetic += try best(GeneticSampler(seed: seed))
            random += try best(RandomSampler(seed: seed))
        }
        #expect(genetic < random / 5, "GA mean best \(genetic / 5) vs random \(random / 5)")
    }

    // MARK: Settings

    @Test func invalidOptionsThrowNamingTheOption() throws {
        func message(_ make: () throws -> GeneticSampler) -> String? {
            do {
                _ = try make()
                return nil
            } catch StudyError.invalidSetting(let message) {
                return message
            } catch {
                return "unexpected \(error)"
            }
        }
        let onlyConditional = try SearchSpace([
            .init("opt", .categorical(["sgd"])), .init("m", .float(low: 0, high: 1), condition: .init(parent: "opt", values: ["sgd"])),
        ])
        let cases: [(String, () throws -> GeneticSampler)] = [
            ("populationSize", { try GeneticSampler(populationSize: 1) }),
            ("tournamentSize", { try GeneticSampler(tournamentSize: 0) }),
            ("tournamentSize", { try GeneticSampler(populationSize: 4, tournamentSize: 5) }),
            ("crossoverRate", { try GeneticSampler(crossoverRate: 1.5) }),
            ("crossoverRate", { try GeneticSampler(crossoverRate: .nan) }),
            ("mutationRate", { try GeneticSampler(mutationRate: -0.1) }),
            ("sbxEta", { try GeneticSampler(sbxEta: -1) }),
            ("sbxEta", { try GeneticSampler(sbxEta: .infinity) }),
            ("mutationEta", { try GeneticSampler(mutationEta: -2) }),
            ("elites", { try GeneticSampler(elites: -1) }),
            ("elites", { try GeneticSampler(populationSize: 3, elites: 4) }),
            ("searchSpace", { try GeneticSampler(searchSpace: onlyConditional) }),
        ]
        for (option, make) in cases {
            let text = message(make)
            #expect(text?.hasPrefix(option) == true, "\(option): \(text ?? "no error")")
        }
        let valid = try GeneticSampler(populationSize: 2, tournamentSize: 2, crossoverRate: 0, mutationRate: 1, sbxEta: 0,
                                       mutationEta: 0, elites: 0)
        #expect(valid.populationSize == 2 && valid.mutationRate == 1)
        let defaults = try GeneticSampler()
        #expect(defaults.populationSize == 20 && defaults.tournamentSize == 2 && defaults.crossoverRate == 0.9
                && defaults.mutationRate == nil && defaults.sbxEta == 15 && defaults.mutationEta == 20 && defaults.elites == 1)
    }
}
