import TuneTensor

/// Evaluates every combination of the listed values exactly once (grid search, as scikit-learn's
/// `GridSearchCV`), in a seeded random order, then stops the study.
///
/// Each new trial claims the first grid point, in that order, that no trial of the study holds
/// yet, inside the storage's creating transaction: concurrent workers and several processes
/// sharing one stored study never evaluate a point twice. A point whose trial failed is not
/// retried automatically (enqueue it to retry). The point is stored in Optuna's `grid_id` and
/// `search_space` system attributes, so Optuna's `GridSampler` can continue the study.
public struct GridSampler: Sampler {
    /// The values of each parameter, in the order given.
    public let grid: [(name: String, values: [ParameterValue])]
    public let seed: UInt64
    /// Grid indices in evaluation order.
    private let order: [Int]

    /// A grid over `grid`'s values.
    /// - Throws: ``SearchSpaceError`` for a parameter without values, with a value listed twice,
    ///   or listed twice itself.
    public init(_ grid: [(name: String, values: [ParameterValue])], seed: UInt64 = 0) throws {
        for (index, entry) in grid.enumerated() {
            try ParameterDistribution.categorical(entry.values).validate(name: entry.name)
            if grid[..<index].contains(where: { $0.name == entry.name }) {
                throw SearchSpaceError(parameter: entry.name, problem: "is listed twice in the grid; keep one")
            }
        }
        self.grid = grid
        self.seed = seed
        var generator = SeededGenerator(seed: seed)
        self.order = generator.permutation(grid.reduce(1) { $0 * $1.values.count })
    }

    /// The number of grid points.
    public var pointCount: Int { order.count }

    /// The values of grid point `index` (the last parameter varies fastest).
    public func point(_ index: Int) -> [String: ParameterValue] {
        var remainder = index
        var values: [String: ParameterValue] = [:]
        for entry in grid.reversed() {
            values[entry.name] = entry.values[remainder % entry.values.count]
            remainder /= entry.values.count
        }
        return values
    }

    public var claimsTrials: Bool { true }

    public func claim(history: TrialHistory) throws -> TrialClaim {
        var taken = Set<Int>()
        for trial in history.trials {
            if case .int(let index)? = trial.systemAttributes[SystemAttributeKey.gridIndex] { taken.insert(index) }
        }
        guard let next = order.first(where: { !taken.contains($0) }) else { return .exhausted }
        let space = JSONValue.object(grid.map { ($0.name, JSONValue.array($0.values.map(\.json))) })
        return .start(systemAttributes: [SystemAttributeKey.gridIndex: .int(next), SystemAttributeKey.gridSearchSpace: space])
    }

    public func sampleIndependent(
        history: TrialHistory, trial: TrialRecord, name: String, distribution: ParameterDistribution
    ) throws -> Double {
        guard case .int(let index)? = trial.systemAttributes[SystemAttributeKey.gridIndex] else {
            throw SearchSpaceError(parameter: name,
                problem: "trial \(trial.number) has no grid point (an enqueued trial must give every parameter)")
        }
        guard let value = point(index)[name] else {
            throw SearchSpaceError(parameter: name,
                problem: "is not in the grid (\(grid.map(\.name).joined(separator: ", "))); add its values to the grid")
        }
        guard let internalValue = distribution.internalValue(value) else {
            throw SearchSpaceError(parameter: name, problem: "grid value \(value) is not in the suggested \(distribution)")
        }
        return internalValue
    }
}
