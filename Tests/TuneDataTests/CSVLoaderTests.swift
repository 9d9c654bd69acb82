import Foundation
import Testing
import TuneData

struct CSVLoaderTests {
    private func parse(_ text: String, _ options: CSVOptions = CSVOptions()) throws -> Dataset {
        try CSVLoader.parse(text: text, source: "data.csv", options: options)
    }

    /// The message of the `DataError` that parsing `text` throws.
    private func failure(_ text: String, _ options: CSVOptions = CSVOptions()) -> String {
        do {
            _ = try parse(text, options)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func stringLabelsSortedAndFeaturesRead() throws {
        let dataset = try parse("a,b,label\n1,2,yes\n3,4,no\n5,6,yes\n")
        #expect(dataset.features.scalars == [1, 2, 3, 4, 5, 6])
        #expect(dataset.classNames == ["no", "yes"])
        #expect(dataset.classIndices == [1, 0, 1])
        #expect(dataset.featureNames == ["a", "b"])
    }

    @Test func quotedFieldsCRLFAndByteOrderMark() throws {
        let text = "\u{FEFF}\"x, first\",\"y\"\"q\",target\r\n\"1.5\",2,\"class, with comma\"\r\n3,4,\"multi\nline\"\r\n"
        let dataset = try parse(text)
        #expect(dataset.featureNames == ["x, first", "y\"q"])
        #expect(dataset.features.scalars == [1.5, 2, 3, 4])
        #expect(dataset.classNames == ["class, with comma", "multi\nline"])
    }

    @Test func targetByNameAndIndexAndRegressionInference() throws {
        let text = "price,rooms,area\n100.5,3,70\n200.25,4,90\n150.75,3,80\n"
        let byName = try parse(text, CSVOptions(target: .name("price")))
        #expect(byName.task == .regression)
        #expect(byName.targets == [100.5, 200.25, 150.75])
        #expect(byName.featureNames == ["rooms", "area"])
        let byIndex = try parse(text, CSVOptions(target: .index(1)))
        #expect(byIndex.task == .classification(classNames: ["3", "4"]))
        #expect(byIndex.classIndices == [0, 1, 0])
    }

    @Test func numericLabelsSortNumerically() throws {
        let dataset = try parse("a,y\n1,10\n2,9\n3,2\n4,10.0\n")
        #expect(dataset.classNames == ["2", "9", "10"])
        #expect(dataset.classIndices == [2, 1, 0, 2])
    }

    @Test func forcedTasks() throws {
        #expect(try parse("a,y\n1,1\n2,2\n", CSVOptions(task: .regression)).task == .regression)
        #expect(try parse("a,y\n1,0.5\n2,1.5\n", CSVOptions(task: .classification)).classNames == ["0.5", "1.5"])
        #expect(failure("a,y\n1,x\n2,1\n", CSVOptions(task: .regression)).contains("data.csv:2: column 2 ('y'): 'x' is not a number"))
    }

    @Test func blankLinesAndTrailingNewlinesAreIgnored() throws {
        #expect(try parse("a,y\n1,0\n\n2,1\n\n\n").rowCount == 2)
    }

    @Test func raggedRowNamesTheLine() {
        #expect(failure("a,b,y\n1,2,0\n3,4\n5,6,1\n")
            == "data.csv:3: row has 2 fields, expected 3: column 3 ('y') onwards is missing; every row needs one value per header column")
        #expect(failure("a,y\n1,2,0\n").hasPrefix("data.csv:2: row has 3 fields, expected 2: column 3 is beyond the header"))
    }

    @Test func nonNumericCellNamesLineAndColumn() {
        #expect(failure("a,b,y\n1,2,0\n3,abc,1\n") == "data.csv:3: column 2 ('b'): 'abc' is not a number; features must be numeric")
    }

    @Test func nonFiniteValuesAreRejected() {
        #expect(failure("a,b,y\n1,nan,0\n3,4,1\n").hasPrefix("data.csv:2: column 2 ('b'): 'nan' is not a finite number"))
        #expect(failure("a,b,y\n1,2,0\n3,inf,1\n").hasPrefix("data.csv:3: column 2 ('b'): 'inf' is not a finite number"))
        #expect(failure("a,b,y\n1,2,0\n1e39,4,1\n").hasPrefix("data.csv:3: column 1 ('a')"))
    }

    @Test func emptyFileAndHeaderOnly() {
        #expect(failure("") == "data.csv: file is empty; expected a header row and data rows")
        #expect(failure("a,b,y\n") == "data.csv: has a header but no data rows")
        #expect(failure("only\n1\n").hasPrefix("data.csv:1: header has 1 column"))
    }

    @Test func unknownTargetColumnListsTheColumns() {
        #expect(failure("a,b,y\n1,2,0\n", CSVOptions(target: .name("label")))
            == "data.csv:1: no column named 'label'; the columns are: a, b, y")
        #expect(failure("a,b,y\n1,2,0\n", CSVOptions(target: .index(7))).contains("target column index 7 is out of range"))
    }

    @Test func singleClassIsRejected() {
        #expect(failure("a,y\n1,cat\n2,cat\n").contains("every row has the class 'cat'; classification needs at least 2 classes"))
    }

    @Test func emptyCellsAndTargets() {
        #expect(failure("a,b,y\n1,,0\n2,3,1\n").hasPrefix("data.csv:2: column 2 ('b'): the cell is empty"))
        #expect(failure("a,b,y\n1,2,\n2,3,1\n").hasPrefix("data.csv:2: column 3 ('y'): the target is empty"))
    }

    @Test func unterminatedQuoteNamesWhereItOpened() {
        #expect(failure("a,y\n1,0\n\"2,1\n3,0\n").hasPrefix("data.csv:3: quoted field is never closed"))
    }

    @Test func duplicateHeaderNames() {
        #expect(failure("a,a,y\n1,2,0\n").contains("header name 'a' appears twice (columns 1 and 2)"))
    }

    @Test func explicitClassOrderRejectsUnknownLabels() {
        #expect(failure("a,y\n1,cat\n2,dog\n", CSVOptions(classOrder: .explicit(["cat"])))
            .hasPrefix("data.csv:3: column 2 ('y'): class 'dog' is not one of cat"))
    }

    @Test func missingFileNamesThePathAndTheAlternatives() {
        do {
            _ = try CSVLoader.load(path: "/no/such/file.csv")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".hasPrefix("/no/such/file.csv: no such file"))
            #expect("\(error)".contains("tune-train datasets list"))
        }
    }

    @Test func loadsAFileFromDisk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tt-csv-\(UUID().uuidString).csv")
        try "a,y\n1,0\n2,1\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let dataset = try CSVLoader.load(path: url.path)
        #expect(dataset.rowCount == 2)
        #expect(dataset.name == url.lastPathComponent)
    }

    @Test func parsesTheLargestBuiltInTableQuickly() throws {
        let start = Date()
        let digits = try CSVLoader.parse(text: try String(contentsOf: datasetsFolder.appendingPathComponent("digits.csv"), encoding: .utf8), source: "digits.csv")
        #expect(digits.rowCount == 1797)
        #expect(Date().timeIntervalSince(start) < 5, "a debug build should parse 265 KB in well under a second")
    }
}

/// The repository's `Datasets/` folder.
let datasetsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Datasets")
