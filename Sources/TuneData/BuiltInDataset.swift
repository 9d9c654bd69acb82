import Foundation

/// The data sets compiled into TuneTrain: the tables scikit-learn bundles, under scikit-learn's
/// names, with scikit-learn's class order (`Datasets/README.md` gives sources and licences).
public enum BuiltInDataset: String, CaseIterable, Sendable {
    case iris
    case wine
    case breastCancer = "breast_cancer"
    case digits
    case diabetes

    /// The data set, parsed from the text embedded in the binary (cached after the first load).
    public func load() -> Dataset {
        BuiltInDatasetCache.shared.dataset(self) {
            do {
                return try CSVLoader.parse(text: csvText, source: rawValue, options: csvOptions)
            } catch {
                preconditionFailure("built-in data set \(rawValue) does not parse: \(error)")
            }
        }
    }

    /// One line on what the data are.
    public var summary: String {
        switch self {
        case .iris: return "Fisher's iris flowers: 4 measurements, 3 species"
        case .wine: return "UCI wine recognition: 13 chemical measurements, 3 cultivars"
        case .breastCancer: return "Wisconsin diagnostic breast cancer: 30 cell-nucleus features, malignant or benign"
        case .digits: return "UCI optical handwritten digits: 8×8 images, 10 classes"
        case .diabetes: return "Efron et al. diabetes: 10 standardised baseline variables, disease progression"
        }
    }

    private var csvOptions: CSVOptions {
        switch self {
        case .iris: return CSVOptions(task: .classification, classOrder: .explicit(["setosa", "versicolor", "virginica"]))
        case .wine: return CSVOptions(task: .classification, classOrder: .explicit(["class_0", "class_1", "class_2"]))
        case .breastCancer: return CSVOptions(task: .classification, classOrder: .explicit(["malignant", "benign"]))
        case .digits: return CSVOptions(task: .classification, classOrder: .explicit((0..<10).map(String.init)))
        case .diabetes: return CSVOptions(task: .regression)
        }
    }

    /// The embedded CSV (generated from `Datasets/` by `Scripts/embed-datasets`).
    var csvText: String {
        switch self {
        case .iris: return BuiltInTable.irisCSV
        case .wine: return BuiltInTable.wineCSV
        case .breastCancer: return BuiltInTable.breastCancerCSV
        case .digits: return BuiltInTable.digitsCSV
        case .diabetes: return BuiltInTable.diabetesCSV
        }
    }
}

/// Parsed built-in data sets, shared across threads.
private final class BuiltInDatasetCache: @unchecked Sendable {
    static let shared = BuiltInDatasetCache()
    private let lock = NSLock()
    private var loaded: [BuiltInDataset: Dataset] = [:]

    func dataset(_ key: BuiltInDataset, _ make: () -> Dataset) -> Dataset {
        lock.lock()
        defer { lock.unlock() }
        if let cached = loaded[key] { return cached }
        let dataset = make()
        loaded[key] = dataset
        return dataset
    }
}
