import ArgumentParser
import Foundation
import TuneData
import TuneExperiment
import TuneSearch

/// `tune-train --model rf --search grid --data iris`: a tuning study, the default command.
struct TuneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tune",
        abstract: "Search a model's hyperparameters (the default command: `tune` may be left out).",
        discussion: """
            Each trial trains the model on the training part and is scored by K-fold cross-validation (--cv K)
            or on a validation split of it (which lets --pruner stop iterative models between epochs). The best
            setting is then retrained on the whole training part and scored on the held-out test part.

            Searches: grid (every combination; numeric ranges cut into --grid-points values), random,
            qmc (scrambled Sobol), tpe (Tree-structured Parzen Estimator over the parameters every trial
            shares, jointly, as Optuna 5.0's default), tpe-independent (TPE modelling each parameter alone),
            gp (Gaussian-process Bayesian optimisation: best for budgets of tens to a few hundred trials),
            cmaes (CMA evolution strategy over the numeric parameters), ga (steady-state genetic algorithm),
            pso (particle swarm), playbook (scrambled Sobol exploration for a third of the budget, at least 10
            trials, then TPE or --exploit gp|cmaes|tpe-independent), gradient (ridge's or logistic's alpha by the
            validation loss's exact gradient). Pruners:
            none, median, percentile, sha (asynchronous successive halving), hyperband. The default space of each model is listed by `tune-train space --model NAME`; --space
            reads one from YAML or JSON:
              lr: {type: float, low: 1e-5, high: 1e-1, log: true}
              hidden_size: {type: categorical, choices: [32, 64, 128]}
              momentum: {type: float, low: 0, high: 1, condition: {parent: optimizer, value: momentum}}

            With --storage sqlite:///FILE the study is kept in Optuna's schema: rerunning the same command
            resumes it up to --trials, several processes may share it (--add-trials N runs N more in each), and
            optuna.load_study reads it.

            On a terminal a progress line shows trials done, states, the best value, elapsed time and ETA
            (--verbose adds a line per trial); piped or with --json, one plain line per trial goes to standard
            error. The end shows the top 5 trials, the best setting and its test score. After the search,
            --repeats N trains the best --repeat-top settings again with N seeds and picks the final one by
            mean; --ensemble K also scores the K best settings' models combined; ranges whose best trials sit
            at a bound are named with a wider bound to try. --warm-start STUDY and --enqueue FILE evaluate
            known settings first.

            Examples:
              tune-train --model mlp --search tpe
              tune-train --model mlp --search playbook --trials 60 --repeats 3 --ensemble 3
              tune-train --model rf --search grid --data iris --cv 5
              tune-train --model rf --search random --data iris --trials 100 --cv 5 --seed 42
              tune-train --model mlp --search qmc --data digits --trials 30 --pruner median --storage sqlite:///mlp.db
              tune-train --model mlp --search tpe --data iris --trials 20 --report report.html
              tune-train --model rf --search gp --data make_classification:n_samples=1000,n_features=20,n_informative=2,n_redundant=10,seed=42 --trials 100
            """
    )

    @OptionGroup var options: ModelRunOptions

    @Option(help: "How to search.")
    var search: SearchKind = .random

    @OptionGroup var study: StudyOptions

    @Option(help: ArgumentHelp("Run exactly N more trials whatever the study holds (for processes sharing a study).", valueName: "N"))
    var addTrials: Int?

    @Option(help: ArgumentHelp("Start no trial after this many seconds.", valueName: "seconds"))
    var timeout: Double?

    @Option(help: "Stop unpromising trials early (models that report epochs, without --cv; default: median for the MLP on a validation split, none otherwise).")
    var pruner: PrunerKind?

    @Option(help: ArgumentHelp("A search-space file (YAML or JSON) instead of the model's default space.", valueName: "file"))
    var space: String?

    @Option(help: ArgumentHelp("Trials run at once (each then uses one thread).", valueName: "N"))
    var jobs: Int = 1

    @Option(help: ArgumentHelp("Values per numeric range in a grid.", valueName: "N"))
    var gridPoints: Int = 5

    @Option(help: ArgumentHelp("Fraction of the training part held out to score trials when --cv is not given.", valueName: "fraction"))
    var validationFraction: Double = 0.2

    @Option(help: ArgumentHelp("What a playbook search exploits with after exploring: tpe, tpe-independent, gp or cmaes.", valueName: "search"))
    var exploit: SearchKind = .tpe

    @Option(help: ArgumentHelp("Evaluate the best settings of this earlier study (in --storage) first.", valueName: "study"))
    var warmStart: String?

    @Option(help: ArgumentHelp("How many of the earlier study's best settings --warm-start evaluates.", valueName: "K"))
    var warmStartTrials = 5

    @Option(help: ArgumentHelp("Evaluate the settings listed in this YAML or JSON file first (a list of {name: value} mappings).", valueName: "file"))
    var enqueue: String?

    @Option(help: ArgumentHelp("After the search, train the best settings again with N other seeds and choose the final one by mean.", valueName: "N"))
    var repeats: Int?

    @Option(help: ArgumentHelp("How many of the best settings --repeats re-runs.", valueName: "K"))
    var repeatTop = 3

    @Option(help: ArgumentHelp("Also combine the K best settings' models on the test part (soft voting or averaging).", valueName: "K"))
    var ensemble: Int?

    @Option(help: ArgumentHelp("After the search, write the study's HTML report to this file (as `tune-train report`).", valueName: "file"))
    var report: String?

    @Flag(help: "Print nothing while the study runs (only the summary, or the JSON).")
    var quiet = false

    @Flag(help: "On a terminal, also print a line per trial above the progress line.")
    var verbose = false

    func validate() throws {
        if let addTrials, addTrials < 1 { throw ValidationError("--add-trials must be at least 1, got \(addTrials)") }
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds, got \(timeout)") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        guard gridPoints >= 2 else { throw ValidationError("--grid-points must be at least 2, got \(gridPoints)") }
        guard validationFraction > 0, validationFraction < 1 else {
            throw ValidationError("--validation-fraction must be in (0, 1), got \(validationFraction)")
        }
        if let repeats, repeats < 1 { throw ValidationError("--repeats must be at least 1, got \(repeats)") }
        guard repeatTop >= 1 else { throw ValidationError("--repeat-top must be at least 1, got \(repeatTop)") }
        if let ensemble, ensemble < 2 { throw ValidationError("--ensemble needs at least 2 models, got \(ensemble)") }
        guard warmStartTrials >= 1 else { throw ValidationError("--warm-start-trials must be at least 1, got \(warmStartTrials)") }
        if warmStart != nil, study.storage == nil {
            throw ValidationError("--warm-start reads an earlier study from --storage; add --storage sqlite:///FILE holding it")
        }
        if quiet, verbose { throw ValidationError("--quiet and --verbose contradict each other; choose one") }
        if exploit != .tpe, search != .playbook {
            throw ValidationError("--exploit chooses what --search playbook exploits with; add --search playbook or drop --exploit")
        }
        if !SearchKind.exploiting.contains(exploit) {
            throw ValidationError("--exploit must be one of \(SearchKind.exploiting.map(\.rawValue).joined(separator: ", ")), got \(exploit.rawValue)")
        }
        if let report { try OutputFile.validateFolder(of: report, option: "--report") }
    }

    func run() throws {
        let dataset = try options.loadData()
        var settings = TuningSettings(model: options.model, search: search)
        settings.space = try space.map { file in try exitingOnRunError { try SearchSpaceFile.load(file) } }
        settings.trials = study.trials
        settings.additionalTrials = addTrials
        settings.timeout = timeout
        settings.folds = options.cv
        settings.validationFraction = validationFraction
        settings.testFraction = options.testSize
        settings.scaling = options.scale
        settings.seed = options.seed
        settings.pruner = pruner ?? (options.model == .mlp && options.cv == nil ? .median : .none)
        settings.studyName = study.name
        settings.concurrency = jobs
        settings.fixedParameters = options.parameterPairs
        settings.gridPoints = gridPoints
        settings.command = CommandLine.arguments.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
        settings.exploit = exploit
        settings.repeats = repeats
        settings.repeatedSettings = repeatTop
        settings.ensembleSize = ensemble
        let storageBackend = try study.openStorage()
        var run = TuningRun(settings: settings, storage: storageBackend, storageName: study.storageName)
        if let warmStart {
            run.settings.enqueued += try exitingOnRunError {
                try WarmStart.bestSettings(ofStudy: warmStart, in: storageBackend, count: warmStartTrials, space: run.space)
            }
        }
        if let enqueue {
            run.settings.enqueued += try exitingOnRunError { try WarmStart.settings(fromFile: enqueue, space: run.space) }
        }
        let display = ProgressDisplay.forStandardError(quiet: quiet, verbose: verbose, json: options.json)
        let result = try exitingOnRunError { try run.run(on: dataset, observer: display) }
        if let report {
            let stored = try exitingOnRunError { () throws -> StoredStudy in
                guard let stored = try storageBackend.study(named: result.study) else { throw StorageError.studyNotFound(result.study) }
                return stored
            }
            let written = try StudyReportFile.write(stored, in: storageBackend, to: report, seed: options.seed)
            FileHandle.standardError.write(Data((written.line + "\n").utf8))
        }
        if options.json {
            try printJSON(result)
            return
        }
        print(TuningSummary.text(result, colour: Colour(enabled: Terminal.standardOutputIsTerminal && !Terminal.noColorRequested)))
    }
}

extension SearchKind: ExpressibleByArgument {}
extension PrunerKind: ExpressibleByArgument {}
