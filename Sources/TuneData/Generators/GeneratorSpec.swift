/// The command-line form of a generated data set, with scikit-learn's names:
/// `make_classification:n_samples=1000,n_features=20,n_informative=2,n_redundant=10,seed=42` or
/// `make_regression:n_samples=200,noise=0.5`, or the documents' line `make_line:n_samples=100,noise=0.5`. `random_state` is accepted for `seed`; the default
/// seed is 0; `weights` lists proportions separated by `;` (`weights=0.9;0.1`).
public enum GeneratorSpec {
    /// The generators a spec can name.
    public static let generatorNames = ["make_classification", "make_regression", "make_line"]

    /// Whether `text` names a generator (rather than a built-in data set or a file).
    public static func isGeneratorSpec(_ text: String) -> Bool {
        let name = text.split(separator: ":", maxSplits: 1).first.map(String.init) ?? text
        return name.hasPrefix("make_")
    }

    /// The data set `spec` describes.
    /// - Throws: ``DataError`` for an unknown generator or key, a duplicate key, a malformed
    ///   `key=value` or a value of the wrong type, naming it and the fix.
    public static func dataset(_ spec: String) throws -> Dataset {
        let parts = spec.split(separator: ":", maxSplits: 1)
        let name = parts.first.map(String.init) ?? spec
        let settings = try keyValues(parts.count > 1 ? String(parts[1]) : "", spec: spec)
        switch name {
        case "make_classification":
            var problem = ClassificationProblem()
            try apply(settings, to: &problem, setters: classificationSetters, spec: spec)
            return try problem.generate(name: spec)
        case "make_regression":
            var problem = RegressionProblem()
            try apply(settings, to: &problem, setters: regressionSetters, spec: spec)
            return try problem.generate(name: spec)
        case "make_line":
            var problem = LineProblem()
            try apply(settings, to: &problem, setters: lineSetters, spec: spec)
            return try problem.generate(name: spec)
        default:
            throw DataError(source: spec,
                message: "unknown generator '\(name)'; known generators: \(generatorNames.joined(separator: ", "))")
        }
    }

    private typealias Setter<Problem> = @Sendable (inout Problem, String) throws -> Void

    private static let classificationSetters: [String: Setter<ClassificationProblem>] = [
        "n_samples": { $0.sampleCount = try integer($1, "n_samples") },
        "n_features": { $0.featureCount = try integer($1, "n_features") },
        "n_informative": { $0.informativeCount = try integer($1, "n_informative") },
        "n_redundant": { $0.redundantCount = try integer($1, "n_redundant") },
        "n_repeated": { $0.repeatedCount = try integer($1, "n_repeated") },
        "n_classes": { $0.classCount = try integer($1, "n_classes") },
        "n_clusters_per_class": { $0.clustersPerClass = try integer($1, "n_clusters_per_class") },
        "weights": { problem, text in
            problem.weights = try text.split(separator: ";").map { try number(String($0), "weights") }
        },
        "flip_y": { $0.flipFraction = try number($1, "flip_y") },
        "class_sep": { $0.classSeparation = try number($1, "class_sep") },
        "hypercube": { $0.hypercube = try boolean($1, "hypercube") },
        "shift": { $0.shift = try number($1, "shift") },
        "scale": { $0.scale = try number($1, "scale") },
        "shuffle": { $0.shuffle = try boolean($1, "shuffle") },
        "seed": { $0.seed = try seedValue($1, "seed") },
        "random_state": { $0.seed = try seedValue($1, "random_state") },
    ]

    private static let regressionSetters: [String: Setter<RegressionProblem>] = [
        "n_samples": { $0.sampleCount = try integer($1, "n_samples") },
        "n_features": { $0.featureCount = try integer($1, "n_features") },
        "n_informative": { $0.informativeCount = try integer($1, "n_informative") },
        "n_targets": { _, text in
            guard try integer(text, "n_targets") == 1 else {
                throw SpecValueError("n_targets: only 1 target is supported, got \(text)")
            }
        },
        "effective_rank": { _, _ in
            throw SpecValueError("effective_rank (low-rank inputs) is not supported; leave it out for full-rank features")
        },
        "bias": { $0.bias = try number($1, "bias") },
        "noise": { $0.noise = try number($1, "noise") },
        "shuffle": { $0.shuffle = try boolean($1, "shuffle") },
        "seed": { $0.seed = try seedValue($1, "seed") },
        "random_state": { $0.seed = try seedValue($1, "random_state") },
    ]

    private static let lineSetters: [String: Setter<LineProblem>] = [
        "n_samples": { $0.sampleCount = try integer($1, "n_samples") },
        "slope": { $0.slope = try number($1, "slope") },
        "intercept": { $0.intercept = try number($1, "intercept") },
        "noise": { $0.noise = try number($1, "noise") },
        "seed": { $0.seed = try seedValue($1, "seed") },
        "random_state": { $0.seed = try seedValue($1, "random_state") },
    ]

    private static func keyValues(_ text: String, spec: String) throws -> [(key: String, value: String)] {
        var pairs: [(key: String, value: String)] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: true) {
            let pieces = item.split(separator: "=", maxSplits: 1)
            guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty else {
                throw DataError(source: spec, message: "'\(item)' is not key=value; write e.g. n_samples=1000")
            }
            let key = pieces[0].trimmingCharacters(in: .whitespaces)
            if pairs.contains(where: { $0.key == key }) {
                throw DataError(source: spec, message: "'\(key)' is given twice; keep one")
            }
            pairs.append((key, pieces[1].trimmingCharacters(in: .whitespaces)))
        }
        return pairs
    }

    private static func apply<Problem>(
        _ settings: [(key: String, value: String)], to problem: inout Problem, setters: [String: Setter<Problem>], spec: String
    ) throws {
        for (key, value) in settings {
            guard let setter = setters[key] else {
                throw DataError(source: spec,
                    message: "unknown key '\(key)'; allowed keys: \(setters.keys.sorted().joined(separator: ", "))")
            }
            do {
                try setter(&problem, value)
            } catch let error as SpecValueError {
                throw DataError(source: spec, message: error.message)
            }
        }
    }

    private static func integer(_ text: String, _ key: String) throws -> Int {
        guard let value = Int(text) else { throw SpecValueError("\(key) must be an integer, got '\(text)'") }
        return value
    }

    private static func number(_ text: String, _ key: String) throws -> Double {
        guard let value = Double(text), value.isFinite else { throw SpecValueError("\(key) must be a number, got '\(text)'") }
        return value
    }

    private static func boolean(_ text: String, _ key: String) throws -> Bool {
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw SpecValueError("\(key) must be true or false, got '\(text)'")
        }
    }

    private static func seedValue(_ text: String, _ key: String) throws -> UInt64 {
        guard let value = UInt64(text) else { throw SpecValueError("\(key) must be a non-negative integer, got '\(text)'") }
        return value
    }
}

/// A spec value that does not fit its key; wrapped into a ``DataError`` naming the spec.
private struct SpecValueError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
