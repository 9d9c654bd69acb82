import Testing
import TuneData
import TuneTensor

struct SplittingTests {
    @Test func trainTestSplitIsDisjointCoveringAndSizedAsScikitLearn() throws {
        for rows in [5, 10, 97, 150] {
            let split = try trainTestSplit(rowCount: rows, testSize: .fraction(0.2), seed: 1)
            #expect(split.test.count == Int((0.2 * Double(rows)).rounded(.up)))
            #expect(Set(split.train).isDisjoint(with: split.test))
            #expect((split.train + split.test).sorted() == Array(0..<rows))
        }
        #expect(try trainTestSplit(rowCount: 10, testSize: .count(3)).test.count == 3)
    }

    @Test func splitIsDeterministicPerSeed() throws {
        let a = try trainTestSplit(rowCount: 50, seed: 4), b = try trainTestSplit(rowCount: 50, seed: 4)
        let c = try trainTestSplit(rowCount: 50, seed: 5)
        #expect(a == b)
        #expect(a != c)
        #expect(try trainTestSplit(rowCount: 10, testSize: .count(2), shuffle: false).test == [0, 1])
    }

    @Test func stratifiedSplitKeepsProportionsWithinOneRow() throws {
        var generator = SeededGenerator(seed: 12)
        for _ in 0..<50 {
            let rows = generator.integer(in: 10...300)
            let classes = generator.integer(in: 2...5)
            let labels = (0..<rows).map { _ in generator.integer(in: 0..<classes) }
            let fraction = generator.uniform(in: 0.1..<0.5)
            let split = try trainTestSplit(rowCount: rows, testSize: .fraction(fraction), stratifyBy: labels, seed: 3)
            #expect((split.train + split.test).sorted() == Array(0..<rows))
            #expect(split.test.count == Int((fraction * Double(rows)).rounded(.up)))
            for label in 0..<classes {
                let total = labels.filter { $0 == label }.count
                let inTest = split.test.filter { labels[$0] == label }.count
                let exactShare = Double(total) * Double(split.test.count) / Double(rows)
                #expect(abs(Double(inTest) - exactShare) < 1, "class \(label): \(inTest) of \(total), share \(exactShare)")
            }
        }
    }

    @Test func impossibleSplitIsAnError() {
        #expect(throws: DataError.self) { try trainTestSplit(rowCount: 3, testSize: .count(3)) }
        #expect(throws: DataError.self) { try trainTestSplit(rowCount: 3, testSize: .fraction(0)) }
    }

    @Test func datasetSplitStratifiesIris() throws {
        let (train, test) = try BuiltInDataset.iris.load().trainTestSplit(testSize: .fraction(0.2), seed: 42)
        #expect(train.rowCount == 120 && test.rowCount == 30)
        #expect(DatasetSummary(of: test).classCounts.map(\.count) == [10, 10, 10])
    }

    @Test func kFoldSizesCoverAndDisjoint() throws {
        for rows in [10, 11, 14, 150] {
            let folds = try KFold(folds: 4, seed: 2).splits(rowCount: rows)
            #expect(folds.map(\.test.count) == (0..<4).map { rows / 4 + ($0 < rows % 4 ? 1 : 0) })
            #expect(folds.flatMap(\.test).sorted() == Array(0..<rows))
            for fold in folds {
                #expect(Set(fold.train).isDisjoint(with: fold.test))
                #expect(fold.train.count + fold.test.count == rows)
            }
        }
        #expect(try KFold(folds: 2, shuffle: false).splits(rowCount: 4).map(\.test) == [[0, 1], [2, 3]])
    }

    @Test func stratifiedKFoldBalancesClassesWithinOne() throws {
        var generator = SeededGenerator(seed: 8)
        for _ in 0..<30 {
            let rows = generator.integer(in: 20...200)
            let classes = generator.integer(in: 2...4)
            let labels = (0..<rows).map { _ in generator.integer(in: 0..<classes) }
            let k = generator.integer(in: 2...5)
            let folds = try StratifiedKFold(folds: k, seed: 1).splits(labels: labels)
            #expect(folds.flatMap(\.test).sorted() == Array(0..<rows))
            let sizes = folds.map(\.test.count)
            #expect(sizes.max()! - sizes.min()! <= 1)
            for label in 0..<classes {
                let perFold = folds.map { fold in fold.test.filter { labels[$0] == label }.count }
                #expect(perFold.max()! - perFold.min()! <= 1)
            }
            for fold in folds { #expect(Set(fold.train).isDisjoint(with: fold.test)) }
        }
    }

    @Test func foldsAreDeterministicAndValidated() throws {
        let labels = (0..<30).map { $0 % 3 }
        #expect(try StratifiedKFold(folds: 5, seed: 3).splits(labels: labels) == StratifiedKFold(folds: 5, seed: 3).splits(labels: labels))
        #expect(try StratifiedKFold(folds: 5, seed: 3).splits(labels: labels) != StratifiedKFold(folds: 5, seed: 4).splits(labels: labels))
        #expect(throws: DataError.self) { try KFold(folds: 1).splits(rowCount: 10) }
        #expect(throws: DataError.self) { try KFold(folds: 11).splits(rowCount: 10) }
        #expect(throws: DataError.self) { try StratifiedKFold(folds: 4).splits(labels: [0, 1, 0]) }
    }
}
