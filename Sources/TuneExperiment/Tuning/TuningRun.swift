import Foundation
import TuneData
import TuneModels
import TuneSearch
import TuneTensor

/// A `tune-train` study from start to finish: split off the test part, search the space on the
/// training part (resuming the stored study if it exists), retrain the best setting on the whole
/// training part and score it on the test part.
public struct TuningRun: Sendable {
    public var settings: TuningSettings
    public var storage: any StudyStorage
    /// How the storage is named in results (`sqlite:///s.db`, `memory`).
    public var storageName: String

    public init(settings: TuningSettings, storage: any StudyStorage, storageName: String) {
        self.settings = settings
        self.storage = storage
        self.storageName = storageName
    }

    /// The gradient search, when `--search gradient` asks for it (it runs in place of a sampler).
    private var hypergradient: HypergradientSearch? {
        settings.search == .gradient ? HypergradientSearch(settings: settings, space: space) : nil
    }

    /// The space searched: the given one or the model's default.
    public var space: SearchSpace { settings.space ?? DefaultSearchSpaces.space(for: settings.model, search: settings.search) }

    /// Runs the study on `dataset`: the search, then (as settings ask) repeats of the best
    /// settings with other seeds, the final setting retrained and tested, an ensemble of the
    /// best settings, and warnings about ranges whose best trials crowd a bound.
    /// - Parameter observer: told of the search's progress and the later stages.
    /// - Throws: ``SearchSpaceError`` or ``ParameterError`` for an unusable space or settings,
    ///   ``TuningError`` when no trial completed, storage and data errors.
    public func run(on dataset: Dataset, observer: (any TuningObserver)? = nil) throws -> TuningResult {
        let started = Date()
        try validate()
        let (trainingPart, _) = try dataset.trainTestSplit(testSize: .fraction(settings.testFraction), seed: settings.seed)
        try hypergradient?.validate()
        let name = settings.studyName ?? settings.defaultStudyName(data: dataset.name)
        let sampler = try settings.search.makeSampler(
            space: space, seed: settings.seed, gridPoints: settings.gridPoints,
            budget: try settings.budget { try storage.study(named: name).map { Study.countedTrials(try storage.trials(studyID: $0.id)) } ?? 0 },
            exploit: settings.exploit)
        let study = try Study(name: name, direction: .maximize, sampler: sampler, pruner: settings.pruner.makePruner(), storage: storage)
        try recordStudyAttributes(study, data: dataset.name)

        for setting in settings.enqueued { try study.enqueueTrial(setting, skipIfExists: true) }
        let (existing, planned) = try study.plannedTrials(target: settings.trials, additional: settings.additionalTrials)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let objective = TuningObjective(
            model: settings.model, space: space, trainingPart: trainingPart, folds: settings.folds,
            validationFraction: settings.validationFraction, scaling: settings.scaling, seed: settings.seed,
            fixedParameters: settings.fixedParameters, foldConcurrency: settings.concurrency > 1 ? 1 : cores)
        // Enqueued (WAITING) trials are started by this run, so they count as run now.
        let before = existing.filter { $0.state != .waiting }.count
        let gradientPlan = try hypergradient?.plan(study: study, trainingPart: trainingPart)
        observer?.searchStarted(study: name, plannedTrials: gradientPlan?.trialCount ?? planned, existingTrials: Study.countedTrials(existing), timeout: settings.timeout)
        let callbacks = studyCallbacks(telling: observer)
        var gradientWarnings: [BoundaryWarning]?
        if let gradientPlan {
            gradientWarnings = try gradientPlan.record(in: study, callbacks: callbacks)
        } else {
            try BLASThreads.withCount(settings.concurrency > 1 ? 1 : BLASThreads.count) {
                try study.optimize(trials: planned, timeout: settings.timeout, concurrency: settings.concurrency,
                                   callbacks: callbacks) { trial in try objective(trial) }
            }
        }
        observer?.searchFinished()
        let trials = try study.trials
        let ranked = Self.rankedSettings(trials, tiesBrokenBy: hypergradient?.lossAttribute)
        guard let best = ranked.first, let bestValue = best.value else {
            let reasons = trials.compactMap(\.failReason)
            throw TuningError.noTrialCompleted(study: name, trials: trials.count, firstFailure: reasons.first)
        }

        var repeats: [RepeatedSetting]?
        var final = best
        if let count = settings.repeats {
            let candidates = Array(ranked.prefix(settings.repeatedSettings))
            observer?.stageStarted("re-running the \(candidates.count) best settings with \(count) seeds each")
            let repeated = try repeatSettings(candidates, seeds: count, objective: objective)
            repeats = repeated.sorted { $0.mean > $1.mean }
            if let chosen = repeats?.first, let trial = candidates.first(where: { $0.number == chosen.trial }) { final = trial }
        }
        observer?.stageStarted("retraining trial \(final.number)'s setting on the whole training part")
        let finalRun = trainingRun(for: final)
        let finalResult = try finalRun.run(on: dataset)
        var ensemble: TuningEnsemble?
        if let size = settings.ensembleSize {
            let members = Array(ranked.prefix(size))
            observer?.stageStarted("combining the \(members.count) best settings' models")
            ensemble = try TuningEnsemble(trials: members.map(\.number), runs: members.map(trainingRun(for:)), dataset: dataset)
        }

        return TuningResult(
            study: name, storage: storageName, model: settings.model.rawValue, data: dataset.name,
            search: settings.search.rawValue, pruner: settings.pruner.rawValue, metric: finalResult.metric,
            direction: "maximize", trialCount: trials.count, trialsRun: trials.count - before,
            states: TuningResult.StateCounts(counting: trials),
            bestTrial: best.number, bestValue: bestValue, bestParameters: ParameterList(best.parameters(in: space)),
            testScore: finalResult.testScore, trainScore: finalResult.trainScore, seed: settings.seed,
            seconds: Date().timeIntervalSince(started),
            topTrials: ranked.prefix(5).map { TrialSummary($0, space: space) }, repeats: repeats, finalTrial: final.number,
            finalParameters: ParameterList(final.parameters(in: space)), ensemble: ensemble,
            warnings: (gradientWarnings ?? BoundaryWarning.check(space: space, trials: trials, direction: .maximize)).map(\.description))
    }

    /// Completed trials best first, one per distinct setting (the earliest trial of a setting
    /// evaluated more than once). Equal values are ordered by the user attribute `lossAttribute`
    /// when given, least first (the gradient search's validation loss: its accuracy is flat near
    /// the optimum, the loss is not), then by trial number.
    static func rankedSettings(_ trials: [TrialRecord], tiesBrokenBy lossAttribute: String? = nil) -> [TrialRecord] {
        func loss(_ trial: TrialRecord) -> Double {
            guard let lossAttribute, case .double(let value)? = trial.userAttributes[lossAttribute], value.isFinite else { return .infinity }
            return value
        }
        var seen = Set<String>()
        return trials.filter { $0.state == .complete && $0.value != nil }
            .sorted { a, b in
                if a.value! != b.value! { return a.value! > b.value! }
                let (lossA, lossB) = (loss(a), loss(b))
                return lossA != lossB ? lossA < lossB : a.number < b.number
            }
            .filter { trial in
                seen.insert(trial.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")).inserted
            }
    }

    /// The run that retrains `trial`'s setting on the whole training part and tests it (with
    /// the gradient search, by the exact fit it evaluated).
    private func trainingRun(for trial: TrialRecord) -> TrainingRun {
        TrainingRun(
            model: settings.model,
            parameters: (hypergradient?.finalFitParameters ?? []) + settings.fixedParameters + trial.parameters(in: space).map { ($0.name, $0.value.description) },
            testFraction: settings.testFraction, scaling: settings.scaling, seed: settings.seed)
    }

    /// Each candidate's setting scored again with `seeds` other seeds.
    /// - Throws: the first training error (a setting that diverges with another seed says so).
    private func repeatSettings(_ candidates: [TrialRecord], seeds count: Int, objective: TuningObjective) throws -> [RepeatedSetting] {
        let seeds = RepeatedSetting.seeds(count: count, studySeed: settings.seed)
        return try candidates.map { trial in
            let chosen = trial.parameters(in: space)
            let values = try seeds.map { seed in try objective.score(chosen, seed: seed) }
            return RepeatedSetting(trial: trial, parameters: chosen, values: values)
        }
    }

    private func validate() throws {
        for fixed in settings.fixedParameters where space[fixed.name] != nil {
            throw ParameterError(message: "'\(fixed.name)' is both set with --param and searched; remove it from one of them")
        }
        if let trials = settings.trials, trials < 1 { throw ParameterError(message: "trials must be >= 1, got \(trials)") }
        if let folds = settings.folds, folds < 2 { throw ParameterError(message: "cv folds must be >= 2, got \(folds)") }
        guard settings.concurrency >= 1 else { throw ParameterError(message: "jobs must be >= 1, got \(settings.concurrency)") }
        if let repeats = settings.repeats, repeats < 1 { throw ParameterError(message: "repeats must be >= 1, got \(repeats)") }
        guard settings.repeatedSettings >= 1 else {
            throw ParameterError(message: "the number of settings to repeat must be >= 1, got \(settings.repeatedSettings)")
        }
        if let size = settings.ensembleSize, size < 2 {
            throw ParameterError(message: "an ensemble needs at least 2 models, got \(size)")
        }
        guard settings.validationFraction > 0, settings.validationFraction < 1 else {
            throw ParameterError(message: "validation fraction must be in (0, 1), got \(settings.validationFraction)")
        }
    }

    /// Notes what the study tunes, so reports and later runs can tell (Optuna shows these as
    /// the study's user attributes).
    private func recordStudyAttributes(_ study: Study, data: String) throws {
        let existing = try storage.studyUserAttributes(studyID: study.id)
        if let model = existing["model"], model != .string(settings.model.rawValue) {
            throw ParameterError(message: "study '\(study.name)' tunes model \(model.jsonText), not \(settings.model.rawValue); use --study with a new name")
        }
        if let stored = existing["data"], stored != .string(data) {
            throw ParameterError(message: "study '\(study.name)' was run on data \(stored.jsonText), not \(data); its trials would not compare — use --study with a new name")
        }
        guard existing.isEmpty else { return }
        var attributes: [(String, JSONValue)] = [
            ("model", .string(settings.model.rawValue)), ("data", .string(data)),
            ("search", .string(settings.search.rawValue)), ("pruner", .string(settings.pruner.rawValue)),
            ("seed", .int(Int(truncatingIfNeeded: settings.seed))),
        ]
        if let command = settings.command { attributes.append(("command", .string(command))) }
        for (key, value) in attributes { try storage.setStudyUserAttribute(key, value, studyID: study.id) }
    }
}

/// A study that ended without a usable result.
public enum TuningError: Error, CustomStringConvertible, Sendable {
    case noTrialCompleted(study: String, trials: Int, firstFailure: String?)

    public var description: String {
        switch self {
        case let .noTrialCompleted(study, trials, failure):
            return "study '\(study)' has no completed trial among \(trials)"
                + (failure.map { "; the first failure: \($0)" } ?? "; run more trials or widen the space")
        }
    }
}

extension ParameterList {
    /// The list of a trial's parameter values, in the given order.
    public init(_ values: [(name: String, value: ParameterValue)]) {
        self.init(entries: values.map { ($0.name, Value($0.value)) })
    }
}

extension ParameterList.Value {
    init(_ value: ParameterValue) {
        switch value {
        case .float(let number): self = .number(number)
        case .int(let number): self = .integer(number)
        case .string(let text): self = .text(text)
        case .bool(let flag): self = .flag(flag)
        case .none: self = .none
        }
    }
}
