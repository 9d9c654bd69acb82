import Foundation
import TuneSearch

/// Everything a `tune-train` study needs besides its data and storage.
public struct TuningSettings: Sendable {
    public var model: ModelKind
    public var search: SearchKind
    /// The space searched; nil for the model's default (``DefaultSearchSpaces``).
    public var space: SearchSpace?
    /// The number of trials the study should hold (a resumed study runs only the missing ones);
    /// nil for the whole grid (grid search) or 50.
    public var trials: Int?
    /// Run exactly this many trials more, whatever the study holds (for several processes
    /// sharing one study); overrides ``trials``.
    public var additionalTrials: Int?
    /// No trial starts after this many seconds.
    public var timeout: TimeInterval?
    /// Cross-validation folds per trial; nil for a validation split (which lets pruners act on
    /// iterative models' epochs).
    public var folds: Int?
    public var validationFraction = 0.2
    public var testFraction = 0.2
    public var scaling = FeatureScaling.auto
    public var seed: UInt64 = 0
    public var pruner = PrunerKind.none
    /// The study's name; nil for `MODEL-DATA-SEARCH`.
    public var studyName: String?
    /// Trials run at once.
    public var concurrency = 1
    /// `--param` settings applied to every trial.
    public var fixedParameters: [(name: String, value: String)] = []
    /// Values per numeric range in a grid.
    public var gridPoints = 5
    /// The command line, recorded with the study.
    public var command: String?
    /// What a playbook search exploits with after exploring (``SearchKind/exploiting``).
    public var exploit = SearchKind.tpe
    /// Settings evaluated before the sampler proposes any (warm start); settings the study
    /// already holds are not evaluated again.
    public var enqueued: [[String: ParameterValue]] = []
    /// Seeds each of the best ``repeatedSettings`` settings is trained again with after the
    /// search; nil for no repeats. The final setting is then the best by mean.
    public var repeats: Int?
    /// How many of the best settings are repeated.
    public var repeatedSettings = 3
    /// Combine the best this-many settings' models on the test part; nil for no ensemble.
    public var ensembleSize: Int?

    public init(model: ModelKind, search: SearchKind) {
        self.model = model
        self.search = search
    }

    /// The trials the study should hold when the run starts: what a playbook search plans its
    /// exploration from. `existingTrials` (the stored study's size) is read only when
    /// ``additionalTrials`` makes the budget depend on it.
    public func budget(existingTrials: () throws -> Int) rethrows -> Int {
        if let additionalTrials { return try existingTrials() + additionalTrials }
        return trials ?? 50
    }

    /// The study name used when none is given.
    public func defaultStudyName(data: String) -> String {
        "\(model.rawValue)-\(data)-\(search.rawValue)"
    }
}
