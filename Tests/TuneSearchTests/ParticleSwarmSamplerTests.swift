import Foundation
import Testing
import TuneTensor
@testable import TuneSearch

@Suite struct ParticleSwarmSamplerTests {
    static func sphere(_ trial: Trial) throws -> Double {
        try (0..<4).map { try trial.suggestFloat("x\($0)", -5...5) }.map { $0 * $0 }.reduce(0, +)
    }

    static func mixed(_ trial: Trial) throws -> Double {
        let x = try trial.suggestFloat("x", -3...3)
        let lr = try trial.suggestFloat("lr", 1e-4...1, log: true)
        let n = try trial.suggestInt("n", 1...9, step: 2)
        let c = try trial.suggestCategorical("c", ["a", "b", "c"] as [ParameterValue])
        let penalty: Double = c == .string("b") ? 0 : 1
        return x * x + pow(log10(lr) + 2, 2) + Double((n - 5) * (n - 5)) + penalty
    }

    static func parameters(_ study: Study) throws -> [[String: Double]] {
        try study.trials.map(\.internalParameters)
    }

    @Test func theSameSeedGivesTheSameParameters() throws {
        func run(seed: UInt64) throws -> [[String: Double]] {
            let study = try Study(name: "s", sampler: try ParticleSwarmSampler(seed: seed))
            try study.optimize(trials: 60, objective: Self.sphere)
            return try Self.parameters(study)
        }
        let first = try run(seed: 3)
        #expect(first.count == 60)
        #expect(try run(seed: 3) == first)
        #expect(try run(seed: 4) != first)
    }

    @Test func theSwarmBeatsRandomSearchOnTheSphere() throws {
        func meanBest(_ makeSampler: (UInt64) throws -> any Sampler) throws -> Double {
            var total = 0.0
            for seed: UInt64 in 1...5 {
                let study = try Study(name: "sphere", sampler: try makeSampler(seed))
                try study.optimize(trials: 300, objective: Self.sphere)
                for trial in try study.trials {
                    #expect(trial.state == .complete)
                    for (name, value) in trial.internalParameters { #expect((-5...5).contains(value), "\(name) = \(value)") }
                }
                let best = try study.bestValue
                total += try #require(best)
            }
            return total / 5
        }
        let swarm = try meanBest { try ParticleSwarmSampler(seed: $0) }
        let random = try meanBest { RandomSampler(seed: $0) }
        #expect(swarm < random / 5, "swarm \(swarm), random \(random)")
    }

    @Test func failedAndPrunedTrialsNeverBecomeABest() throws {
        let space = try SearchSpace(["x": .float(low: 0, high: 1)])
        let transform = SearchSpaceTransform(space, categoricalEncoding: .oneHot)
        func trial(_ number: Int, _ state: TrialState, _ value: Double?, x: Double) -> TrialRecord {
            TrialRecord(id: number, number: number, state: state, value: value, internalParameters: ["x": x],
                        distributions: ["x": .float(low: 0, high: 1)])
        }
        // Swarm of 2: particle 0 owns trials 0, 2, 4, 6, 8; particle 1 owns 1, 3, 5, 7.
        let trials = [
            trial(0, .complete, 5, x: 0.1),
            trial(1, .complete, 3, x: 0.2),
            trial(2, .fail, nil, x: 0.3),
            trial(3, .pruned, -100, x: 0.4),
            trial(4, .pruned, -50, x: 0.5),
            trial(5, .fail, -200, x: 0.6),
            trial(6, .complete, 4, x: 0.7),
            trial(7, .running, nil, x: 0.8),
            trial(8, .fail, -300, x: 0.9),
        ]
        let minimizing = TrialHistory(direction: .minimize, trials: trials)
        let particle0 = SwarmMemory(history: minimizing, transform: transform, swarmSize: 2, trialNumber: 10)
        #expect(particle0.personalBest?.number == 6)
        #expect(particle0.globalBest?.number == 1)
        #expect(particle0.position == [0.9], "moves on from its latest trial, failed or not")
        #expect(particle0.previousPosition == [0.7])
        let particle1 = SwarmMemory(history: minimizing, transform: transform, swarmSize: 2, trialNumber: 9)
        #expect(particle1.personalBest?.number == 1)
        #expect(particle1.position == [0.8], "a RUNNING trial's position is known")

        let maximizing = TrialHistory(direction: .maximize, trials: trials)
        let up = SwarmMemory(history: maximizing, transform: transform, swarmSize: 2, trialNumber: 10)
        #expect(up.personalBest?.number == 0 && up.globalBest?.number == 0)

        // Only earlier trials count; with no COMPLETE trial there is no best.
        let early = SwarmMemory(history: minimizing, transform: transform, swarmSize: 2, trialNumber: 1)
        #expect(early.globalBest?.number == 0 && early.previousPosition == nil)
        let failures = TrialHistory(direction: .minimize, trials: [trial(0, .fail, nil, x: 0.5), trial(1, .pruned, -1, x: 0.5)])
        let none = SwarmMemory(history: failures, transform: transform, swarmSize: 2, trialNumber: 2)
        #expect(none.personalBest == nil && none.globalBest == nil && none.position == [0.5])
    }

    @Test func aResumedStudyContinuesAsAnUninterruptedOne() throws {
        let uninterrupted = try Study(name: "u", sampler: try ParticleSwarmSampler(seed: 6, swarmSize: 8))
        try uninterrupted.optimize(trials: 80, objective: Self.mixed)

        let storage = InMemoryStorage()
        let first = try Study(name: "r", sampler: try ParticleSwarmSampler(seed: 6, swarmSize: 8), storage: storage)
        try first.optimize(trials: 40, objective: Self.mixed)
        let resumed = try Study(name: "r", sampler: try ParticleSwarmSampler(seed: 6, swarmSize: 8), storage: storage)
        try resumed.optimize(trials: 40, objective: Self.mixed)

        #expect(try resumed.trials.count == 80)
        #expect(try Self.parameters(resumed) == Self.parameters(uninterrupted))
    }

    /// Workers see one another's RUNNING trials as positions; every value stays valid.
    @Test func concurrentWorkersShareTheSwarm() throws {
        let study = try Study(name: "c", sampler: try ParticleSwarmSampler(seed: 5, swarmSize: 10))
        try study.optimize(trials: 120, concurrency: 4, objective: Self.sphere)
        let trials = try study.trials
        #expect(trials.count == 120 && trials.allSatisfy { $0.state == .complete })
        for trial in trials {
            for (name, value) in trial.internalParameters { #expect((-5...5).contains(value), "\(name) = \(value)") }
        }
        let best = try study.bestValue
        #expect(try #require(best) < 2)
    }

    @Test(arguments: [StudyDirection.minimize, .maximize])
    func mixedSpacesGiveValidValues(direction: StudyDirection) throws {
        let distributions: [String: ParameterDistribution] = [
            "x": .float(low: -3, high: 3), "lr": .float(low: 1e-4, high: 1, log: true),
            "n": .int(low: 1, high: 9, step: 2), "c": .categorical(["a", "b", "c"]),
        ]
        let study = try Study(name: "m", direction: direction, sampler: try ParticleSwarmSampler(seed: 2, swarmSize: 6))
        try study.optimize(trials: 90, objective: Self.mixed)
        var choices: Set<Double> = []
        for trial in try study.trials {
            #expect(trial.state == .complete)
            #expect(trial.distributions == distributions)
            for (name, value) in trial.internalParameters {
                #expect(distributions[name]!.contains(internalValue: value), "trial \(trial.number): \(name) = \(value)")
            }
            choices.insert(trial.internalParameters["c"]!)
        }
        #expect(choices.count == 3, "every choice is visited")
        if direction == .minimize {
            let best = try study.bestValue
            #expect(try #require(best) < 1, "the swarm finds the basin with c = b")
        }
    }

    @Test func aGivenSearchSpaceIsMovedFromTheFirstTrial() throws {
        let space = try SearchSpace(["x": .float(low: 0, high: 1), "fixed": .int(low: 3, high: 3)])
        let sampler = try ParticleSwarmSampler(seed: 1, searchSpace: space)
        #expect(sampler.searchSpace?.names == ["x"], "single-valued parameters are dropped")
        let history = TrialHistory(direction: .minimize, trials: [])
        let record = TrialRecord(id: 0, number: 0, state: .running)
        let relative = sampler.relativeSearchSpace(history: history, trial: record)
        let values = try sampler.sampleRelative(history: history, trial: record, searchSpace: relative)
        #expect(values.keys.sorted() == ["x"] && (0...1).contains(values["x"]!))
    }

    @Test func theInertiaScheduleFallsLinearly() throws {
        let sampler = try ParticleSwarmSampler(inertiaSchedule: (start: 0.9, end: 0.4, overTrials: 100))
        #expect(sampler.inertia == .linear(start: 0.9, end: 0.4, overTrials: 100))
        #expect(abs(sampler.inertia.weight(atTrial: 0) - 0.9) < 1e-12)
        #expect(abs(sampler.inertia.weight(atTrial: 50) - 0.65) < 1e-12)
        #expect(abs(sampler.inertia.weight(atTrial: 500) - 0.4) < 1e-12)
        #expect(try ParticleSwarmSampler().inertia == .constant(0.7298))
    }

    @Test func aMoveStaysInTheBoxAndCategoricalsStayDistributions() {
        var generator = SeededGenerator(seed: 11)
        let move = ParticleMove(inertia: 0.9, cognitive: 2, social: 2, vMax: 0.2)
        for _ in 0..<200 {
            let x = (0..<5).map { _ in generator.uniform() }
            let previous = (0..<5).map { _ in generator.uniform() }
            let best = (0..<5).map { _ in generator.uniform() }
            let next = move.next(from: x, previous: previous, personalBest: best, globalBest: nil,
                                 categoricalRanges: [2..<5], using: &generator)
            #expect(next.allSatisfy { (0...1).contains($0) })
            #expect(zip(next, x).prefix(2).allSatisfy { abs($0 - $1) <= 0.2 + 1e-12 }, "velocity clamped")
            #expect(abs(next[2..<5].reduce(0, +) - 1) < 1e-12)
        }
        #expect(ParticleMove.reflect(-0.3) == 0.3 && ParticleMove.reflect(1.25) == 0.75 && ParticleMove.reflect(2.5) == 0)
    }

    @Test func invalidOptionsThrowNamingTheOption() throws {
        func message(_ make: () throws -> ParticleSwarmSampler) -> String? {
            do { _ = try make(); return nil } catch StudyError.invalidSetting(let message) { return message } catch { return "\(error)" }
        }
        let cases: [(String, () throws -> ParticleSwarmSampler)] = [
            ("swarmSize", { try ParticleSwarmSampler(swarmSize: 1) }),
            ("inertia", { try ParticleSwarmSampler(inertia: -0.1) }),
            ("inertia", { try ParticleSwarmSampler(inertia: .nan) }),
            ("cognitive", { try ParticleSwarmSampler(cognitive: -1) }),
            ("social", { try ParticleSwarmSampler(social: .infinity) }),
            ("vMax", { try ParticleSwarmSampler(vMax: 0) }),
            ("vMax", { try ParticleSwarmSampler(vMax: 1.5) }),
            ("inertiaSchedule.overTrials", { try ParticleSwarmSampler(inertiaSchedule: (start: 0.9, end: 0.4, overTrials: 0)) }),
            ("inertiaSchedule.start", { try ParticleSwarmSampler(inertiaSchedule: (start: -1, end: 0.4, overTrials: 10)) }),
        ]
        for (option, make) in cases {
            let text = message(make)
            #expect(text?.contains(option) == true, "\(option): \(text ?? "no error")")
        }
        #expect(message { try ParticleSwarmSampler(swarmSize: 2, vMax: 1) } == nil)
        // A conditional parameter of a given space is left to random sampling, not refused.
        let conditional = try SearchSpace([
            .init("opt", .categorical(["sgd", "adam"])),
            .init("momentum", .float(low: 0, high: 1), condition: ParameterCondition(parent: "opt", values: ["sgd"])),
        ])
        let sampler = try ParticleSwarmSampler(searchSpace: conditional)
        #expect(sampler.relativeSearchSpace(history: TrialHistory(direction: .minimize, trials: []),
                                            trial: TrialRecord(id: 0, number: 0, state: .running)).names == ["opt"])
    }
}
