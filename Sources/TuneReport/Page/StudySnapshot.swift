import TuneSearch

/// Everything a study report shows, read from storage once: the study's name and direction, its
/// user attributes (model, data, search, seed, command) and its trials.
public struct StudySnapshot: Sendable {
    public var name: String
    public var direction: StudyDirection
    public var userAttributes: [String: JSONValue]
    public var trials: [TrialRecord]

    public init(name: String, direction: StudyDirection, userAttributes: [String: JSONValue], trials: [TrialRecord]) {
        self.name = name
        self.direction = direction
        self.userAttributes = userAttributes
        self.trials = trials
    }

    /// The study as `storage` holds it now.
    public init(_ study: StoredStudy, in storage: any StudyStorage) throws {
        self.init(name: study.name, direction: study.direction,
                  userAttributes: try storage.studyUserAttributes(studyID: study.id), trials: try storage.trials(studyID: study.id))
    }

    /// COMPLETE trials with a finite value.
    var completed: [TrialRecord] { trials.filter { $0.state == .complete && $0.value?.isFinite == true } }

    /// The best completed trial.
    var best: TrialRecord? {
        completed.reduce(nil) { best, trial in
            guard let incumbent = best?.value else { return trial }
            return direction.isBetter(trial.value!, than: incumbent) ? trial : best
        }
    }

    /// The axis of objective values: logarithmic for a minimised objective spanning more than a
    /// decade (a loss), linear otherwise (scores such as accuracy read wrongly on log axes).
    func valueScale(covering values: [Double], pixels: (Double, Double)) -> AxisScale {
        direction == .minimize ? .automatic(covering: values, pixels: pixels) : .linear(covering: values, pixels: pixels)
    }

    /// Every parameter any trial has, by name, with the distribution it first had.
    var parameters: [ReportParameter] {
        var distributions: [String: ParameterDistribution] = [:]
        for trial in trials { distributions.merge(trial.distributions) { first, _ in first } }
        return distributions.keys.sorted().map { ReportParameter(name: $0, distribution: distributions[$0]!) }
    }
}
