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

    public init(model: ModelKind, search: SearchKind) {
        self.model = model
        self.search = search
    }

    /// The study name used when none is given.
    public func defaultStudyName(data: String) -> String {
        "\(model.rawValue)-\(data)-\(search.rawValue)"
    }
}
