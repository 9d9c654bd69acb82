import TuneSearch

/// The study's description list: name, direction, trial counts by state, the best trial, and the
/// attributes the tuner recorded (model, data set, search, pruner, seed, the exact command) plus
/// any other user attribute.
enum StudyMetadata {
    static let knownKeys = ["model", "data", "search", "pruner", "seed", "command"]

    static func html(_ study: StudySnapshot) -> String {
        var counts: [TrialState: Int] = [:]
        for trial in study.trials { counts[trial.state, default: 0] += 1 }
        let states = TrialState.allCases.compactMap { state in counts[state].map { "\($0) \(state.rawValue.lowercased())" } }
        var items: [(String, String)] = [
            ("study", study.name), ("direction", study.direction.rawValue.lowercased()),
            ("trials", "\(study.trials.count) (" + states.joined(separator: ", ") + ")"),
        ]
        if let best = study.best {
            items.append(("best", "\(NumberLabel.text(best.value!, significantDigits: 6)) (trial \(best.number))"))
        }
        let others = study.userAttributes.keys.filter { !knownKeys.contains($0) }.sorted()
        for key in knownKeys + others {
            guard let value = study.userAttributes[key] else { continue }
            if case .string(let text) = value { items.append((key, text)) } else { items.append((key, value.jsonText)) }
        }
        return "<dl class=\"metadata\">" + items.map { key, value in
            let cell = key == "command" ? "<code>\(value.htmlEscaped)</code>" : value.htmlEscaped
            return "<dt>\(key.htmlEscaped)</dt><dd>\(cell)</dd>"
        }.joined() + "</dl>"
    }
}
