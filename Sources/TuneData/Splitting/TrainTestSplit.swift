import TuneTensor

/// How many rows go to the test part.
public enum TestSize: Sendable, Equatable {
    /// A fraction in (0, 1): `ceil(fraction · rows)` test rows, as scikit-learn.
    case fraction(Double)
    /// An exact number of rows.
    case count(Int)

    func rows(outOf total: Int) -> Int {
        switch self {
        case .fraction(let fraction): return Int((fraction * Double(total)).rounded(.up))
        case .count(let count): return count
        }
    }
}

/// Row indices of a train part and a test part.
public struct TrainTestIndices: Sendable, Equatable {
    public var train: [Int]
    public var test: [Int]
}

/// Splits `rowCount` rows into train and test parts, at random from `seed`.
///
/// With `stratifyBy` (one class index per row) each class keeps its proportion in both parts:
/// each class's test count is its exact share rounded by largest remainder, so it is within one
/// row of `testSize · classCount`.
/// - Throws: ``DataError`` when the test size leaves either part empty.
public func trainTestSplit(
    rowCount: Int, testSize: TestSize = .fraction(0.25), stratifyBy labels: [Int]? = nil, shuffle: Bool = true,
    seed: UInt64 = 0
) throws -> TrainTestIndices {
    let testCount = testSize.rows(outOf: rowCount)
    guard testCount >= 1, testCount < rowCount else {
        throw DataError(source: "train/test split",
            message: "test size \(testSize) of \(rowCount) rows leaves \(testCount) test and \(rowCount - testCount) train rows; both parts need at least one")
    }
    var generator = SeededGenerator(seed: seed)
    guard let labels else {
        let order = shuffle ? generator.permutation(rowCount) : Array(0..<rowCount)
        return TrainTestIndices(train: Array(order[testCount...]), test: Array(order[..<testCount]))
    }
    precondition(labels.count == rowCount, "trainTestSplit: \(labels.count) labels for \(rowCount) rows")
    let byClass = rowsByClass(labels)
    let testPerClass = largestRemainderAllocation(
        total: testCount, shares: byClass.map { Double($0.count) * Double(testCount) / Double(rowCount) },
        caps: byClass.map(\.count))
    var train: [Int] = [], test: [Int] = []
    for (rows, testRows) in zip(byClass, testPerClass) {
        var members = rows
        if shuffle { generator.shuffle(&members) }
        test += members[..<testRows]
        train += members[testRows...]
    }
    if shuffle {
        generator.shuffle(&train)
        generator.shuffle(&test)
    }
    return TrainTestIndices(train: train, test: test)
}

extension Dataset {
    /// The data set split into train and test parts (stratified by class for classification
    /// unless `stratify` is false).
    public func trainTestSplit(testSize: TestSize = .fraction(0.25), stratify: Bool = true, seed: UInt64 = 0) throws
        -> (train: Dataset, test: Dataset)
    {
        let labels = stratify && task.classCount != nil ? classIndices : nil
        let indices = try TuneData.trainTestSplit(rowCount: rowCount, testSize: testSize, stratifyBy: labels, seed: seed)
        return (subset(indices.train), subset(indices.test))
    }
}

/// Row indices grouped by class index, classes in index order, rows ascending.
func rowsByClass(_ labels: [Int]) -> [[Int]] {
    let classCount = (labels.max() ?? -1) + 1
    var groups = [[Int]](repeating: [], count: classCount)
    for (row, label) in labels.enumerated() { groups[label].append(row) }
    return groups.filter { !$0.isEmpty }
}

/// Integers summing to `total`, each the floor of its share plus one for the largest remainders
/// (ties to the earlier group), never above its cap.
func largestRemainderAllocation(total: Int, shares: [Double], caps: [Int]) -> [Int] {
    var counts = zip(shares, caps).map { min(Int($0.rounded(.down)), $1) }
    var remaining = total - counts.reduce(0, +)
    let order = shares.indices.sorted { (shares[$0] - shares[$0].rounded(.down)) > (shares[$1] - shares[$1].rounded(.down)) }
    while remaining > 0 {
        var progressed = false
        for group in order where remaining > 0 && counts[group] < caps[group] {
            counts[group] += 1
            remaining -= 1
            progressed = true
        }
        if !progressed { break }
    }
    return counts
}
