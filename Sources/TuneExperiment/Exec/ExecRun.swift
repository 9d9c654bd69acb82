import Foundation
import TuneSearch

/// A `tune-train exec` study from start to finish: check the command against the space, open
/// (or resume) the study, run the command once per trial — several at once with
/// ``ExecSettings/concurrency`` — and report the best trial.
public struct ExecRun: Sendable {
    public var settings: ExecSettings
    public var storage: any StudyStorage

    public init(settings: ExecSettings, storage: any StudyStorage) {
        self.settings = settings
        self.storage = storage
    }

    /// The command checked against the space, before any trial runs.
    /// - Throws: ``CommandTemplateError`` for an empty command, an unknown placeholder, colliding
    ///   variable names or a program that does not exist.
    public func validate() throws -> CommandTemplate {
        let template = try CommandTemplate(arguments: settings.command, space: settings.space)
        let program = settings.command[0]
        if !program.contains("{"), CommandProcess.locate(program) == nil {
            throw CommandTemplateError(message: "cannot run '\(program)': no such executable; give a path, or a program in PATH")
        }
        return template
    }

    /// Runs the study.
    /// - Parameter observer: told of the study's progress.
    /// - Throws: ``CommandTemplateError`` (see ``validate()``), ``SearchSpaceError`` for a space
    ///   the search cannot sample, ``StudyError`` for a stored study of the other direction,
    ///   ``TuningError`` when no trial completed, storage errors.
    public func run(observer: (any TuningObserver)? = nil) async throws -> ExecResult {
        let template = try validate()
        let sampler = try settings.search.makeSampler(space: settings.space, seed: settings.seed, budget: settings.trials ?? 50)
        let name = settings.studyName ?? settings.defaultStudyName
        let study = try Study(name: name, direction: settings.direction, sampler: sampler,
                              pruner: settings.pruner.makePruner(), storage: storage)
        if try storage.studyUserAttributes(studyID: study.id).isEmpty {
            try storage.setStudyUserAttribute("command", .string(settings.command.joined(separator: " ")), studyID: study.id)
        }
        let (existing, planned) = try study.plannedTrials(target: settings.trials, additional: nil)
        let objective = ExecObjective(template: template, space: settings.space, trialTimeout: settings.trialTimeout)
        observer?.searchStarted(study: name, plannedTrials: planned, existingTrials: Study.countedTrials(existing), timeout: nil)
        let callbacks = studyCallbacks(telling: observer)
        try await study.optimize(trials: planned, concurrency: settings.concurrency, callbacks: callbacks) { trial in
            try await objective(trial)
        }
        observer?.searchFinished()
        let trials = try study.trials
        guard let best = TrialHistory(direction: study.direction, trials: trials).best, let bestValue = best.value else {
            throw TuningError.noTrialCompleted(study: name, trials: trials.count, firstFailure: trials.compactMap(\.failReason).first)
        }
        return ExecResult(
            study: name, direction: settings.direction.rawValue.lowercased(), trials: trials.count, bestValue: bestValue,
            bestTrial: best.number, bestParameters: ParameterList(best.parameters(in: settings.space)),
            states: TuningResult.StateCounts(counting: trials))
    }
}
