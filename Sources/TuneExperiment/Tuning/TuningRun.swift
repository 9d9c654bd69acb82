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

    /// The space searched: the given one or the model's default.
    public var space: SearchSpace { settings.space ?? DefaultSearchSpaces.space(for: settings.model) }

    /// Runs the study on `dataset`.
    /// - Parameter callbacks: run after each trial (progress display).
    /// - Throws: ``SearchSpaceError`` or ``ParameterError`` for an unusable space or settings,
    ///   ``TuningError`` when no trial completed, storage and data errors.
    public func run(on dataset: Dataset, callbacks: [StudyCallback] = []) throws -> TuningResult {
        let started = Date()
        try validate()
        let (trainingPart, _) = try dataset.trainTestSplit(testSize: .fraction(settings.testFraction), seed: settings.seed)
        let hypergradient = settings.search == .gradient ? HypergradientSearch(settings: settings, space: space) : nil
        try hypergradient?.validate()
        let sampler = try settings.search.makeSampler(space: space, seed: settings.seed, gridPoints: settings.gridPoints)
        let name = settings.studyName ?? settings.defaultStudyName(data: dataset.name)
        let study = try Study(name: name, direction: .maximize, sampler: sampler, pruner: settings.pruner.makePruner(), storage: storage)
        try recordStudyAttributes(study, data: dataset.name)

        let (existing, planned) = try study.plannedTrials(target: settings.trials, additional: settings.additionalTrials)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let objective = TuningObjective(
            model: settings.model, space: space, trainingPart: trainingPart, folds: settings.folds,
            validationFraction: settings.validationFraction, scaling: settings.scaling, seed: settings.seed,
            fixedParameters: settings.fixedParameters, foldConcurrency: settings.concurrency > 1 ? 1 : cores)
        let before = existing.count
        if let hypergradient {
            try hypergradient.run(study: study, trainingPart: trainingPart, callbacks: callbacks)
        } else {
            try BLASThreads.withCount(settings.concurrency > 1 ? 1 : BLASThreads.count) {
                try study.optimize(trials: planned, timeout: settings.timeout, concurrency: settings.concurrency,
                                   callbacks: callbacks) { trial in try objective(trial) }
            }
        }
        let trials = try study.trials
        guard let best = TrialHistory(direction: study.direction, trials: trials).best, let bestValue = best.value else {
            let reasons = trials.compactMap(\.failReason)
            throw TuningError.noTrialCompleted(study: name, trials: trials.count, firstFailure: reasons.first)
        }
        let bestParameters = best.parameters(in: space)
        let final = try TrainingRun(
            model: settings.model,
            parameters: settings.fixedParameters + bestParameters.map { ($0.name, $0.value.description) },
            testFraction: settings.testFraction, scaling: settings.scaling, seed: settings.seed
        ).run(on: dataset)

        return TuningResult(
            study: name, storage: storageName, model: settings.model.rawValue, data: dataset.name,
            search: settings.search.rawValue, pruner: settings.pruner.rawValue, metric: final.metric,
            direction: "maximize", trialCount: trials.count, trialsRun: trials.count - before, states: TuningResult.StateCounts(trials),
            bestTrial: best.number, bestValue: bestValue,
            bestParameters: ParameterList(bestParameters),
            testScore: final.testScore, trainScore: final.trainScore, seed: settings.seed,
            seconds: Date().timeIntervalSince(started))
    }

    private func validate() throws {
        for fixed in settings.fixedParameters where space[fixed.name] != nil {
            throw ParameterError(message: "'\(fixed.name)' is both set with --param and searched; remove it from one of them")
        }
        if let trials = settings.trials, trials < 1 { throw ParameterError(message: "trials must be >= 1, got \(trials)") }
        if let folds = settings.folds, folds < 2 { throw ParameterError(message: "cv folds must be >= 2, got \(folds)") }
        guard settings.concurrency >= 1 else { throw ParameterError(message: "jobs must be >= 1, got \(settings.concurrency)") }
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
