/// A sampler's study of a ``TestFunction``: the trials, the best value after each, and how far
/// the best is from the known minimum.
public struct TestFunctionRun: Sendable {
    public let function: TestFunction
    /// The study's trials, in number order.
    public let trials: [TrialRecord]

    public init(function: TestFunction, trials: [TrialRecord]) {
        self.function = function
        self.trials = trials
    }

    /// The values of the completed trials, in trial order.
    public var values: [Double] { trials.filter { $0.state == .complete }.compactMap(\.value) }

    /// The smallest value found after each completed trial (non-increasing).
    public var bestSoFar: [Double] {
        var best = Double.infinity
        return values.map { value in
            best = min(best, value)
            return best
        }
    }

    /// The completed trial with the smallest value (the first of equals), or nil when none
    /// completed.
    public var best: TrialRecord? {
        TrialHistory(direction: .minimize, trials: trials).best
    }

    /// The best trial's point, one coordinate per variable.
    public var bestPoint: [Double]? {
        best.map { record in function.variableNames.map { record.parameters[$0]?.number ?? .nan } }
    }

    /// The best value minus the known minimum (0 when the minimum was found), or nil when no
    /// trial completed.
    public var regret: Double? { best?.value.map { $0 - function.minimum } }
}

extension TestFunction {
    /// Minimises the function with `sampler` in an in-memory study of `trials` trials (fewer when
    /// the sampler runs out, as a grid does), each trial suggesting ``variableNames`` in order.
    /// - Throws: ``SearchSpaceError`` when the sampler cannot sample the box.
    public func minimize(with sampler: any Sampler, trials: Int) throws -> TestFunctionRun {
        let study = try Study(name: label, direction: .minimize, sampler: sampler)
        let space = searchSpace
        try study.optimize(trials: trials) { [evaluate] trial in
            evaluate(try trial.suggest(space).map { $0.value.number ?? .nan })
        }
        return TestFunctionRun(function: self, trials: try study.trials)
    }
}
