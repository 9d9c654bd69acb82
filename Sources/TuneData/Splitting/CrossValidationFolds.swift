import TuneTensor

/// One cross-validation split: the rows to train on and the rows to score.
public struct Fold: Sendable, Equatable {
    public var train: [Int]
    public var test: [Int]
}

/// K-fold cross-validation (scikit-learn's `KFold`): rows are cut into `folds` consecutive
/// blocks, the first `rows % folds` one row larger, each block the test part once.
public struct KFold: Sendable {
    public var folds: Int
    public var shuffle: Bool
    public var seed: UInt64

    public init(folds: Int = 5, shuffle: Bool = true, seed: UInt64 = 0) {
        self.folds = folds
        self.shuffle = shuffle
        self.seed = seed
    }

    /// The folds of `rowCount` rows.
    /// - Throws: ``DataError`` when `folds < 2` or there are fewer rows than folds.
    public func splits(rowCount: Int) throws -> [Fold] {
        try checkFoldCount(folds, rows: rowCount)
        var generator = SeededGenerator(seed: seed)
        let order = shuffle ? generator.permutation(rowCount) : Array(0..<rowCount)
        var folds: [Fold] = []
        var start = 0
        for fold in 0..<self.folds {
            let size = rowCount / self.folds + (fold < rowCount % self.folds ? 1 : 0)
            folds.append(Fold(train: Array(order[..<start] + order[(start + size)...]), test: Array(order[start..<(start + size)])))
            start += size
        }
        return folds
    }
}

/// Stratified K-fold (scikit-learn's `StratifiedKFold`): every fold keeps the class proportions,
/// each class's rows dealt round-robin across folds so that fold class counts differ by at most
/// one. A class with fewer rows than folds is allowed (as scikit-learn, which only warns); it is
/// then absent from some test folds.
public struct StratifiedKFold: Sendable {
    public var folds: Int
    public var shuffle: Bool
    public var seed: UInt64

    public init(folds: Int = 5, shuffle: Bool = true, seed: UInt64 = 0) {
        self.folds = folds
        self.shuffle = shuffle
        self.seed = seed
    }

    /// The folds for rows with these class indices.
    /// - Throws: ``DataError`` when `folds < 2` or there are fewer rows than folds.
    public func splits(labels: [Int]) throws -> [Fold] {
        try checkFoldCount(folds, rows: labels.count)
        var generator = SeededGenerator(seed: seed)
        var testParts = [[Int]](repeating: [], count: folds)
        // Deal each class in turn, continuing the round-robin where the previous class stopped,
        // so fold sizes also differ by at most one.
        var next = 0
        for var members in rowsByClass(labels) {
            if shuffle { generator.shuffle(&members) }
            for row in members {
                testParts[next].append(row)
                next = (next + 1) % folds
            }
        }
        return testParts.map { test in
            let inTest = Set(test)
            return Fold(train: (0..<labels.count).filter { !inTest.contains($0) }, test: test.sorted())
        }
    }
}

private func checkFoldCount(_ folds: Int, rows: Int) throws {
    guard folds >= 2 else {
        throw DataError(source: "cross-validation", message: "folds must be ≥ 2, got \(folds)")
    }
    guard folds <= rows else {
        throw DataError(source: "cross-validation", message: "cannot make \(folds) folds of \(rows) rows; use at most \(rows) folds")
    }
}
