import Testing
@testable import TuneSearch

/// Pruners on learning curves written out here: each completed trial's value at step k is given,
/// and so is the running trial's.
@Suite struct PrunerTests {
    static func curve(_ number: Int, _ values: [Double], state: TrialState = .complete) -> TrialRecord {
        TrialRecord(id: number, number: number, state: state, value: state == .complete ? values.last : nil,
                    intermediateValues: Dictionary(uniqueKeysWithValues: values.enumerated().map { ($0.offset, $0.element) }))
    }

    /// Five completed minimising curves (values by step).
    static let completed = [
        curve(0, [0.9, 0.8, 0.7, 0.6]), curve(1, [0.7, 0.6, 0.5, 0.4]), curve(2, [0.5, 0.45, 0.4, 0.35]),
        curve(3, [0.6, 0.5, 0.45, 0.42]), curve(4, [0.8, 0.7, 0.65, 0.6]),
    ]

    static func history(_ running: TrialRecord, direction: StudyDirection = .minimize) -> TrialHistory {
        TrialHistory(direction: direction, trials: completed + [running])
    }

    @Test func medianPrunesAWorseThanMedianTrialOnlyAfterItsWarmUp() throws {
        // Medians of the completed trials: step 0: 0.7, step 1: 0.6, step 2: 0.5.
        let pruner = try MedianPruner(startupTrials: 5, warmupSteps: 1)
        let bad = Self.curve(5, [0.95], state: .running)
        #expect(!pruner.shouldPrune(trial: bad, history: Self.history(bad)), "step 0 is in the warm-up")
        let badLater = Self.curve(5, [0.95, 0.9], state: .running)
        #expect(pruner.shouldPrune(trial: badLater, history: Self.history(badLater)))
        let good = Self.curve(5, [0.95, 0.55], state: .running)
        #expect(!pruner.shouldPrune(trial: good, history: Self.history(good)), "0.55 is better than the median 0.6")
    }

    @Test func medianWaitsForItsStartupTrials() throws {
        let pruner = try MedianPruner(startupTrials: 6)
        let bad = Self.curve(5, [0.99, 0.99], state: .running)
        #expect(!pruner.shouldPrune(trial: bad, history: Self.history(bad)))
    }

    @Test func medianJudgesTheBestValueSoFarAndMaximisingStudiesTheOtherWay() throws {
        let pruner = try MedianPruner(startupTrials: 1)
        // Best so far 0.5 at step 0 is better than the step-2 median 0.5? Equal is not worse.
        let recovered = Self.curve(5, [0.5, 0.9, 0.9], state: .running)
        #expect(!pruner.shouldPrune(trial: recovered, history: Self.history(recovered)))
        let maximising = Self.curve(5, [0.9, 0.9], state: .running)
        #expect(!pruner.shouldPrune(trial: maximising, history: Self.history(maximising, direction: .maximize)))
        let lowWhenMaximising = Self.curve(5, [0.1, 0.2], state: .running)
        #expect(pruner.shouldPrune(trial: lowWhenMaximising, history: Self.history(lowWhenMaximising, direction: .maximize)))
    }

    @Test func intervalStepsLimitWhenAPrunerJudges() throws {
        let pruner = try MedianPruner(startupTrials: 1, warmupSteps: 0, intervalSteps: 2)
        let bad = Self.curve(5, [0.99, 0.99], state: .running)
        #expect(!pruner.shouldPrune(trial: bad, history: Self.history(bad)), "step 1 is not an interval boundary")
        let badAtTwo = Self.curve(5, [0.99, 0.99, 0.99], state: .running)
        #expect(pruner.shouldPrune(trial: badAtTwo, history: Self.history(badAtTwo)))
    }

    @Test func percentilePrunerKeepsOnlyTheBestQuarter() throws {
        // Step-1 values of the completed trials: 0.8, 0.6, 0.45, 0.5, 0.7; their 25th percentile is 0.5.
        let pruner = try PercentilePruner(percentile: 25, startupTrials: 1)
        let middling = Self.curve(5, [0.9, 0.55], state: .running)
        #expect(pruner.shouldPrune(trial: middling, history: Self.history(middling)))
        let good = Self.curve(5, [0.9, 0.48], state: .running)
        #expect(!pruner.shouldPrune(trial: good, history: Self.history(good)))
        #expect(PercentilePruner.percentile([0.8, 0.6, 0.45, 0.5, 0.7], 25) == 0.5)
    }

    @Test func aTrialThatOnlyReportedNaNIsPruned() throws {
        let pruner = try MedianPruner(startupTrials: 1)
        let broken = Self.curve(5, [.nan, .nan], state: .running)
        #expect(pruner.shouldPrune(trial: broken, history: Self.history(broken)))
    }

    @Test func successiveHalvingPromotesTheTopQuarterAtEachRung() throws {
        // Rungs at steps 1, 4, 16 (minimum resource 1, reduction factor 4). Step-1 values of the
        // completed trials: 0.8 0.6 0.45 0.5 0.7; with the running trial there are 6 competitors,
        // 6 / 4 = 1 is promoted: only the best.
        let pruner = try SuccessiveHalvingPruner(minimumResource: 1, reductionFactor: 4)
        let best = Self.curve(5, [0.9, 0.3], state: .running)
        #expect(!pruner.shouldPrune(trial: best, history: Self.history(best)))
        let second = Self.curve(5, [0.9, 0.46], state: .running)
        #expect(pruner.shouldPrune(trial: second, history: Self.history(second)))
        let beforeRung = Self.curve(5, [0.99], state: .running)
        #expect(!pruner.shouldPrune(trial: beforeRung, history: Self.history(beforeRung)), "step 0 is below the first rung")
    }

    @Test func successiveHalvingRungsFollowTheEarlyStoppingRate() throws {
        let pruner = try SuccessiveHalvingPruner(minimumResource: 2, reductionFactor: 3, minimumEarlyStoppingRate: 1)
        #expect(pruner.rungStep(0, minimumResource: 2) == 6)
        #expect(pruner.rungStep(1, minimumResource: 2) == 18)
    }

    @Test func hyperbandSplitsTrialsOverItsBracketsByBudget() throws {
        let pruner = try HyperbandPruner(minimumResource: 1, maximumResource: 27, reductionFactor: 3)
        #expect(pruner.bracketCount(maximumResource: 27) == 4)
        var counts = [0, 0, 0, 0]
        for number in 0..<4000 { counts[pruner.bracket(ofTrialNumber: number, bracketCount: 4)] += 1 }
        // Budgets ⌈4/(4-s)·3^(3-s)⌉ = 27, 12, 6, 4: the most aggressive bracket gets the most trials.
        #expect(counts[0] > counts[1] && counts[1] > counts[2] && counts[2] > 0 && counts[3] > 0)
    }

    @Test func hyperbandComparesATrialOnlyWithItsBracket() throws {
        let pruner = try HyperbandPruner(minimumResource: 1, maximumResource: 9, reductionFactor: 3)
        let running = Self.curve(100, Array(repeating: 0.99, count: 10), state: .running)
        let bracket = pruner.bracket(ofTrialNumber: 100, bracketCount: pruner.bracketCount(maximumResource: 9))
        let sameBracket = (0..<99).filter { pruner.bracket(ofTrialNumber: $0, bracketCount: 3) == bracket }.prefix(4)
        let others = (0..<99).filter { pruner.bracket(ofTrialNumber: $0, bracketCount: 3) != bracket }.prefix(4)
        let betterElsewhere = others.map { Self.curve($0, Array(repeating: 0.1, count: 10)) }
        #expect(!pruner.shouldPrune(trial: running, history: TrialHistory(direction: .minimize, trials: betterElsewhere + [running])))
        let betterHere = sameBracket.map { Self.curve($0, Array(repeating: 0.1, count: 10)) }
        #expect(pruner.shouldPrune(trial: running, history: TrialHistory(direction: .minimize, trials: betterHere + [running])))
    }

    @Test func patientPrunerWaitsForAStall() throws {
        let pruner = try PatientPruner(wrapping: nil, patience: 2)
        let improving = Self.curve(5, [0.9, 0.8, 0.7, 0.6], state: .running)
        #expect(!pruner.shouldPrune(trial: improving, history: Self.history(improving)))
        let stalled = Self.curve(5, [0.5, 0.6, 0.6, 0.7], state: .running)
        #expect(pruner.shouldPrune(trial: stalled, history: Self.history(stalled)))
        let wrapped = try PatientPruner(wrapping: NopPruner(), patience: 2)
        #expect(!wrapped.shouldPrune(trial: stalled, history: Self.history(stalled)))
    }

    @Test func invalidSettingsAreErrors() {
        #expect(throws: PrunerError.self) { try PercentilePruner(percentile: 120) }
        #expect(throws: PrunerError.self) { try SuccessiveHalvingPruner(reductionFactor: 1) }
        #expect(throws: PrunerError.self) { try HyperbandPruner(minimumResource: 5, maximumResource: 2) }
        #expect(throws: PrunerError.self) { try PatientPruner(wrapping: nil, patience: -1) }
    }
}
