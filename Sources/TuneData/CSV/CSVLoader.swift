import Foundation
import TuneTensor

/// Reads a user's CSV file (header row, one example per line) into a ``Dataset``.
///
/// Every feature must be a finite number; the target may be numbers or strings. Anything else
/// is a thrown ``DataError`` that names the file, line and column and says what was expected —
/// never a crash.
public enum CSVLoader {
    /// Loads the file at `path`.
    public static func load(path: String, options: CSVOptions = CSVOptions()) throws -> Dataset {
        let name = (path as NSString).lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataError(source: path, message:
                "no such file; give a CSV path, a built-in name (tune-train datasets list) or a generator spec (make_classification:n_samples=1000)")
        }
        guard !isDirectory.boolValue else {
            throw DataError(source: path, message: "is a folder, not a CSV file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(source: path, message: "cannot be read; check its permissions")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataError(source: path, message: "is not UTF-8 text; save it as UTF-8 CSV")
        }
        var dataset = try parse(text: text, source: path, options: options)
        dataset.name = name
        return dataset
    }

    /// Parses CSV `text`; `source` names it in messages and becomes the data set's name.
    public static func parse(text: String, source: String, options: CSVOptions = CSVOptions()) throws -> Dataset {
        let records = try CSVRecordReader.records(in: text, source: source)
        guard let header = records.first else {
            throw DataError(source: source, message: "file is empty; expected a header row and data rows")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard names.count >= 2 else {
            throw DataError(source: source, line: header.line,
                message: "header has \(names.count) column; expected at least one feature and a target (is the separator a comma?)")
        }
        var seen: [String: Int] = [:]
        for (column, name) in names.enumerated() {
            if name.isEmpty {
                throw DataError(source: source, line: header.line, message: "column \(column + 1) has an empty header name")
            }
            if let first = seen[name] {
                throw DataError(source: source, line: header.line,
                    message: "header name '\(name)' appears twice (columns \(first + 1) and \(column + 1)); rename one")
            }
            seen[name] = column
        }
        let targetColumn = try resolveTarget(options.target, names: names, source: source, line: header.line)
        let rows = records.dropFirst()
        guard !rows.isEmpty else {
            throw DataError(source: source, message: "has a header but no data rows")
        }

        let featureColumns = names.indices.filter { $0 != targetColumn }
        var features = [Float]()
        features.reserveCapacity(rows.count * featureColumns.count)
        var rawTargets: [Substring] = []
        rawTargets.reserveCapacity(rows.count)
        for record in rows {
            guard record.fields.count == names.count else {
                let count = record.fields.count
                let place = count < names.count
                    ? "column \(count + 1) ('\(names[count])') onwards is missing"
                    : "column \(names.count + 1) is beyond the header"
                throw DataError(source: source, line: record.line,
                    message: "row has \(count) fields, expected \(names.count): \(place); every row needs one value per header column")
            }
            for column in featureColumns {
                features.append(try number(record.fields[column], source: source, line: record.line,
                    column: column, name: names[column]))
            }
            let target = record.fields[targetColumn].trimmingCharacters(in: .whitespaces)
            if target.isEmpty {
                throw DataError(source: source, line: record.line,
                    message: "column \(targetColumn + 1) ('\(names[targetColumn])'): the target is empty; every row needs one")
            }
            rawTargets.append(Substring(target))
        }

        let (targets, task) = try encodeTargets(
            rawTargets, lines: rows.map(\.line), options: options, source: source,
            column: targetColumn, name: names[targetColumn])
        return Dataset(
            name: source,
            features: Tensor(shape: [rows.count, featureColumns.count], scalars: features),
            targets: targets,
            featureNames: featureColumns.map { names[$0] },
            task: task)
    }

    private static func resolveTarget(_ target: CSVOptions.TargetColumn, names: [String], source: String, line: Int) throws -> Int {
        switch target {
        case .last:
            return names.count - 1
        case .index(let index):
            guard names.indices.contains(index) else {
                throw DataError(source: source, line: line,
                    message: "target column index \(index) is out of range; the file has columns 0...\(names.count - 1)")
            }
            return index
        case .name(let name):
            guard let index = names.firstIndex(of: name) else {
                throw DataError(source: source, line: line,
                    message: "no column named '\(name)'; the columns are: \(names.joined(separator: ", "))")
            }
            return index
        }
    }

    private static func number(_ field: Substring, source: String, line: Int, column: Int, name: String) throws -> Float {
        let text = field.trimmingCharacters(in: .whitespaces)
        let place = "column \(column + 1) ('\(name)')"
        guard !text.isEmpty else {
            throw DataError(source: source, line: line, message: "\(place): the cell is empty; fill in or impute missing values")
        }
        guard let value = Double(text) else {
            throw DataError(source: source, line: line, message: "\(place): '\(text)' is not a number; features must be numeric")
        }
        guard value.isFinite, Float(value).isFinite else {
            throw DataError(source: source, line: line,
                message: "\(place): '\(text)' is not a finite number; clean or impute NaN and infinite values")
        }
        return Float(value)
    }

    private static func encodeTargets(
        _ raw: [Substring], lines: [Int], options: CSVOptions, source: String, column: Int, name: String
    ) throws -> ([Float], LearningTask) {
        let numbers = raw.map { Double($0) }
        let allNumeric = numbers.allSatisfy { $0 != nil }
        let isClassification: Bool
        switch options.task {
        case .classification: isClassification = true
        case .regression:
            if let bad = numbers.firstIndex(where: { $0 == nil }) {
                throw DataError(source: source, line: lines[bad],
                    message: "column \(column + 1) ('\(name)'): '\(raw[bad])' is not a number; a regression target must be numeric")
            }
            isClassification = false
        case .infer:
            if !allNumeric {
                isClassification = true
            } else {
                let values = numbers.map { $0! }
                let integral = values.allSatisfy { $0 == $0.rounded() && abs($0) < 1e9 }
                isClassification = integral && Set(values).count <= CSVOptions.maximumInferredClasses
            }
        }

        if !isClassification {
            let values = numbers.map { $0! }
            if let bad = values.firstIndex(where: { !$0.isFinite }) {
                throw DataError(source: source, line: lines[bad],
                    message: "column \(column + 1) ('\(name)'): the target '\(raw[bad])' is not finite; clean or drop the row")
            }
            return (values.map { Float($0) }, .regression)
        }

        let labels = raw.map { normalizedLabel($0) }
        let classNames: [String]
        switch options.classOrder {
        case .explicit(let order):
            if let unknown = labels.firstIndex(where: { !order.contains($0) }) {
                throw DataError(source: source, line: lines[unknown],
                    message: "column \(column + 1) ('\(name)'): class '\(labels[unknown])' is not one of \(order.joined(separator: ", "))")
            }
            classNames = order
        case .sorted:
            let distinct = Array(Set(labels))
            let numeric = distinct.compactMap { Double($0) }
            classNames = numeric.count == distinct.count
                ? distinct.sorted { Double($0)! < Double($1)! }
                : distinct.sorted()
        }
        guard classNames.count >= 2 || options.classOrder != .sorted else {
            throw DataError(source: source,
                message: "column \(column + 1) ('\(name)'): every row has the class '\(classNames.first ?? "")'; classification needs at least 2 classes (choose another --target?)")
        }
        let index = Dictionary(uniqueKeysWithValues: classNames.enumerated().map { ($1, $0) })
        return (labels.map { Float(index[$0]!) }, .classification(classNames: classNames))
    }

    /// `"1.0"` and `"1"` are the same class.
    private static func normalizedLabel(_ label: Substring) -> String {
        if let value = Double(label), value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(label)
    }
}
