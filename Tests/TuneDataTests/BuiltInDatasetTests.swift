import Foundation
import Testing
import TuneData

struct BuiltInDatasetTests {
    struct Expected: Sendable, CustomStringConvertible {
        var dataset: BuiltInDataset
        var rows: Int
        var features: Int
        var classCounts: [Int]?
        var classNames: [String]?
        var description: String { dataset.rawValue }
    }

    static let expected: [Expected] = [
        Expected(dataset: .iris, rows: 150, features: 4, classCounts: [50, 50, 50], classNames: ["setosa", "versicolor", "virginica"]),
        Expected(dataset: .wine, rows: 178, features: 13, classCounts: [59, 71, 48], classNames: ["class_0", "class_1", "class_2"]),
        Expected(dataset: .breastCancer, rows: 569, features: 30, classCounts: [212, 357], classNames: ["malignant", "benign"]),
        Expected(dataset: .digits, rows: 1797, features: 64,
            classCounts: [178, 182, 177, 183, 181, 182, 181, 179, 174, 180], classNames: (0..<10).map(String.init)),
        Expected(dataset: .diabetes, rows: 442, features: 10, classCounts: nil, classNames: nil),
    ]

    @Test(arguments: expected) func shapeAndClasses(_ expected: Expected) {
        let dataset = expected.dataset.load()
        #expect(dataset.rowCount == expected.rows)
        #expect(dataset.featureCount == expected.features)
        if let counts = expected.classCounts {
            #expect(dataset.classNames == expected.classNames)
            #expect(DatasetSummary(of: dataset).classCounts.map(\.count) == counts)
        } else {
            #expect(dataset.task == .regression)
        }
    }

    @Test func everyCaseIsCovered() {
        #expect(Set(Self.expected.map(\.dataset.rawValue)) == Set(BuiltInDataset.allCases.map(\.rawValue)))
    }

    @Test(arguments: BuiltInDataset.allCases.map(\.rawValue)) func embeddedTextMatchesTheCSVFile(_ name: String) throws {
        let onDisk = try String(contentsOf: datasetsFolder.appendingPathComponent("\(name).csv"), encoding: .utf8)
        let fromDisk = try CSVLoader.parse(text: onDisk, source: name)
        let embedded = BuiltInDataset(rawValue: name)!.load()
        #expect(fromDisk.features == embedded.features, "run Scripts/embed-datasets after changing Datasets/")
        #expect(fromDisk.featureNames == embedded.featureNames)
    }

    @Test func knownValues() {
        let iris = BuiltInDataset.iris.load()
        #expect(iris.features.row(0) == [5.1, 3.5, 1.4, 0.2])
        #expect(iris.classIndices.first == 0 && iris.classIndices.last == 2)
        let diabetes = BuiltInDataset.diabetes.load()
        #expect(diabetes.targets.first == 151)
    }
}
