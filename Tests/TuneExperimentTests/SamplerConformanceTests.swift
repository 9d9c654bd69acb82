import Foundation
import Testing
import TuneSearch
@testable import TuneExperiment

/// The checks every sampler passes, run for each case of ``SearchKind`` (adding a search to the
/// enum enrols it here). Each check returns the violations it found, so the suite can also show
/// that a deliberately broken sampler fails it.
@Suite struct SamplerConformanceTests {
    /// A space with every kind of parameter, and one conditional parameter.
    static let space = try! SearchSpace([
        .init("x", .float(low: -5, high: 5)),
        .init("lr", .float(low: 1e-5, high: 1e-1, log: true)),
        .init("quarter", .float(low: 0, high: 1, step: 0.25)),
        .init("odd", .int(low: 1, high: 9, step: 2)),
        .init("units", .int(low: 1, high: 1024, log: true)),
        .init("kind", .categorical(["a", "b", "c"])),
        .init("flag", .categorical([true, false, nil])),
        .init("y", .float(low: 0, high: 1), condition: ParameterCondition(parent: "kind", values: ["a"])),
    ])

    /// The space without its conditional parameter, for searches that need a fixed space (grid).
    static let unconditionalSpace = try! SearchSpace(space.parameters.filter { $0.condition == nil })

    static func space(for kind: SearchKind) -> SearchSpace {
        kind.supportsConditionalParameters ? space : unconditionalSpace
    }

    /// Suggests every parameter of `space` whose condition holds.
    static func suggestAll(_ trial: Trial, _ space: SearchSpace) throws -> Double {
        var chosen: [String: ParameterValue] = [:]
        for parameter in space.parameters {
            if let condition = parameter.condition, !(chosen[condition.parent].map(condition.isSatisfied) ?? false) { continue }
            chosen[parameter.name] = try trial.suggest(parameter.name, parameter.distribution)
        }
        return chosen["x"]?.number ?? 0
    }

    static func run(_ sampler: any Sampler, space: SearchSpace, trials: Int = 40,
                    failEvery: Int? = nil) throws -> [TrialRecord] {
        let study = try Study(name: "conformance", direction: .minimize, sampler: sampler)
        try study.optimize(trials: trials) { trial in
            let value = try suggestAll(trial, space)
            if let failEvery, trial.number % failEvery == 1 { throw CocoaError(.featureUnsupported) }
            return value
        }
        return try study.trials
    }

    /// Values outside their distribution: out of bounds, off the step grid, non-integral
    /// integers, unknown choices.
    static func boundViolations(_ trials: [TrialRecord], space: SearchSpace) -> [String] {
        var problems: [String] = []
        for trial in trials {
            for (name, value) in trial.internalParameters {
                guard let distribution = space[name] else { problems.append("unknown parameter \(name)"); continue }
                if !distribution.contains(internalValue: value) {
                    problems.append("trial \(trial.number): \(name) = \(value) is not in \(distribution)")
                }
            }
        }
        return problems
    }

    static func logViolations(_ trials: [TrialRecord]) -> [String] {
        let values = trials.compactMap { $0.internalParameters["lr"] }
        let below = values.filter { $0 < 1e-3 }.count
        // Log-uniform puts half the values below 1e-3; uniform would put 1%.
        return Double(below) >= 0.25 * Double(values.count) ? [] : ["only \(below) of \(values.count) lr values below 1e-3"]
    }

    static func conditionViolations(_ trials: [TrialRecord]) -> [String] {
        trials.filter { $0.state == .complete }.compactMap { trial in
            let hasY = trial.internalParameters["y"] != nil
            let isA = trial.parameters["kind"] == "a"
            return hasY == isA ? nil : "trial \(trial.number): kind \(trial.parameters["kind"]!) with y \(hasY ? "set" : "missing")"
        }
    }

    @Test(arguments: SearchKind.allCases.filter(\.isSampler))
    func valuesStayInTheirDistributions(kind: SearchKind) throws {
        let space = Self.space(for: kind)
        let trials = try Self.run(try kind.makeSampler(space: space, seed: 7), space: space)
        #expect(Self.boundViolations(trials, space: space) == [])
        #expect(Self.logViolations(trials) == [])
        #expect(trials.filter { $0.state == .complete }.count == trials.count)
    }

    @Test(arguments: SearchKind.allCases.filter { $0.isSampler && $0.supportsConditionalParameters })
    func conditionalParametersAppearOnlyInTheirBranch(kind: SearchKind) throws {
        let trials = try Self.run(try kind.makeSampler(space: Self.space, seed: 8), space: Self.space)
        #expect(Self.conditionViolations(trials) == [])
        #expect(trials.contains { $0.internalParameters["y"] != nil })
    }

    @Test(arguments: SearchKind.allCases.filter(\.isSampler))
    func failedTrialsAreTolerated(kind: SearchKind) throws {
        let space = Self.space(for: kind)
        let trials = try Self.run(try kind.makeSampler(space: space, seed: 9), space: space, trials: 20, failEvery: 3)
        #expect(trials.count == 20)
        #expect(trials.filter { $0.state == .fail }.count == 7)
        #expect(Self.boundViolations(trials, space: space) == [])
    }

    @Test(arguments: SearchKind.allCases.filter(\.isSampler))
    func theSameSeedGivesTheSameTrials(kind: SearchKind) throws {
        let space = Self.space(for: kind)
        let first = try Self.run(try kind.makeSampler(space: space, seed: 11), space: space, trials: 15).map(\.internalParameters)
        let again = try Self.run(try kind.makeSampler(space: space, seed: 11), space: space, trials: 15).map(\.internalParameters)
        let other = try Self.run(try kind.makeSampler(space: space, seed: 12), space: space, trials: 15).map(\.internalParameters)
        #expect(first == again)
        #expect(first != other)
    }

    /// A sampler that draws a little above every upper bound must fail the bounds check.
    @Test func theBoundsCheckCatchesASamplerThatLeavesItsBounds() throws {
        struct OutOfBounds: Sampler {
            func sampleIndependent(history: TrialHistory, trial: TrialRecord, name: String,
                                   distribution: ParameterDistribution) throws -> Double {
                switch distribution {
                case .float(_, let high, _, _): return high * 1.01 + 0.01
                case .int(_, let high, _, _): return Double(high + 1)
                case .categorical(let choices): return Double(choices.count)
                }
            }
        }
        let trials = try Self.run(OutOfBounds(), space: Self.unconditionalSpace, trials: 3)
        #expect(Self.boundViolations(trials, space: Self.unconditionalSpace).count == 3 * 7)
    }

    @Test func theLogCheckCatchesASamplerIgnoringLog() throws {
        struct LinearOnly: Sampler {
            func sampleIndependent(history: TrialHistory, trial: TrialRecord, name: String,
                                   distribution: ParameterDistribution) throws -> Double {
                guard case let .float(low, high, _, nil) = distribution else {
                    return try RandomSampler().sampleIndependent(history: history, trial: trial, name: name, distribution: distribution)
                }
                return low + (high - low) * Double(trial.number % 10) / 10 + (high - low) / 20
            }
        }
        let trials = try Self.run(LinearOnly(), space: Self.unconditionalSpace, trials: 20)
        #expect(Self.logViolations(trials) != [])
    }
}
