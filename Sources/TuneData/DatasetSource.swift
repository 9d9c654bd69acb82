/// One string → a data set: a built-in name (`iris`), a generator spec
/// (`make_classification:n_samples=1000,seed=42`) or a CSV path. Every command that takes data
/// takes it this way.
public enum DatasetSource {
    public typealias TargetColumn = CSVOptions.TargetColumn
    public typealias TaskChoice = CSVOptions.TaskChoice

    /// Loads `source`. `target` and `task` apply to CSV files only.
    /// - Throws: ``DataError`` naming the file, line and column, or the spec key, at fault.
    public static func load(_ source: String, target: TargetColumn? = nil, task: TaskChoice = .infer) throws -> Dataset {
        if let builtIn = BuiltInDataset(rawValue: source) {
            return builtIn.load()
        }
        if GeneratorSpec.isGeneratorSpec(source) {
            return try GeneratorSpec.dataset(source)
        }
        return try CSVLoader.load(path: source, options: CSVOptions(target: target ?? .last, task: task))
    }
}
