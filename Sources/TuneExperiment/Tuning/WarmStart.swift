import TuneSearch

/// Settings a study evaluates before its sampler proposes anything: the best of an earlier study
/// (`--warm-start`) or a list from a file (`--enqueue`). Starting from known good settings is
/// how the tuning documents recommend continuing after a change to the space or the budget.
public enum WarmStart {
    /// The parameters of the `count` best completed trials of the study `name` in `storage`,
    /// best first, keeping only the parameters `space` searches and only values inside its
    /// ranges (a setting left with none is dropped).
    /// - Throws: ``ParameterError`` when the study does not exist (naming the ones that do) or
    ///   has no completed trial.
    public static func bestSettings(
        ofStudy name: String, in storage: any StudyStorage, count: Int, space: SearchSpace
    ) throws -> [[String: ParameterValue]] {
        guard let stored = try storage.study(named: name) else {
            let names = try storage.allStudies().map(\.name)
            throw ParameterError(message: "--warm-start: no study '\(name)' in the storage"
                + (names.isEmpty ? " (it holds none)" : "; it holds: \(names.joined(separator: ", "))"))
        }
        let history = TrialHistory(direction: stored.direction, trials: try storage.trials(studyID: stored.id))
        let ranked = history.completed.sorted { a, b in
            stored.direction == .maximize ? a.value! > b.value! : a.value! < b.value!
        }
        guard !ranked.isEmpty else {
            throw ParameterError(message: "--warm-start: study '\(name)' has no completed trial to start from")
        }
        return ranked.prefix(count).map { fitting($0.parameters, to: space) }.filter { !$0.isEmpty }
    }

    /// The settings listed in a YAML or JSON file: a list of mappings from parameter names to
    /// values (`- {lr: 0.01, hidden_size: 64}`), checked against `space`.
    /// - Throws: ``SearchSpaceFileError`` when the file cannot be read or parsed, or a setting
    ///   names a parameter the space lacks or a value outside its range.
    public static func settings(fromFile path: String, space: SearchSpace) throws -> [[String: ParameterValue]] {
        func fail(_ message: String) -> SearchSpaceFileError { SearchSpaceFileError(file: path, message: message) }
        guard let list = try SearchSpaceFile.compose(try SearchSpaceFile.readText(path), file: path)?.sequence else {
            throw fail("must hold a list of settings, e.g. `- {lr: 0.01, hidden_size: 64}`")
        }
        return try list.enumerated().map { index, item in
            guard let mapping = item.mapping else {
                throw fail("setting \(index + 1) is not a mapping of parameter names to values")
            }
            var setting: [String: ParameterValue] = [:]
            for (key, node) in mapping {
                let name = key.scalar?.string ?? "?"
                guard let distribution = space[name] else {
                    throw fail("setting \(index + 1) names '\(name)', which the space does not search; it searches \(space.names.joined(separator: ", "))")
                }
                guard let value = SearchSpaceFile.scalarValue(node), let stored = distribution.internalValue(value),
                      distribution.contains(internalValue: stored) else {
                    throw fail("setting \(index + 1): \(name) = \(node.scalar?.string ?? "a collection") is not in \(distribution)")
                }
                setting[name] = distribution.externalValue(stored)
            }
            return setting
        }
    }

    /// `parameters` restricted to what `space` searches, with values it can hold.
    private static func fitting(_ parameters: [String: ParameterValue], to space: SearchSpace) -> [String: ParameterValue] {
        parameters.filter { name, value in
            guard let distribution = space[name], let stored = distribution.internalValue(value) else { return false }
            return distribution.contains(internalValue: stored)
        }
    }
}
