import Foundation
import TuneTensor

/// Reads the CIFAR-10 binary batches (Krizhevsky 2009): each record is one label byte followed
/// by 3,072 pixel bytes (the 32×32 red plane, then green, then blue, each row-major); a batch
/// file holds 10,000 records. `Scripts/fetch-cifar10` downloads and checks the archive.
public enum CIFAR10Reader {
    /// The ten classes in label order.
    public static let classNames = [
        "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck",
    ]
    /// Bytes in one record.
    public static let recordSize = 1 + 3072

    /// One batch file as a data set, pixels scaled to [0, 1].
    /// - Throws: ``DataError`` for a missing file, a size that is not a whole number of records,
    ///   or a label above 9.
    public static func readBatch(path: String) throws -> Dataset {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(source: path, message: "cannot read the CIFAR-10 batch; run Scripts/fetch-cifar10 to download the batches")
        }
        guard data.count > 0, data.count % recordSize == 0 else {
            throw DataError(source: path,
                message: "\(data.count) bytes is not a whole number of \(recordSize)-byte CIFAR-10 records; the file is truncated or not a binary batch")
        }
        let count = data.count / recordSize
        var features = [Float](repeating: 0, count: count * 3072)
        var targets = [Float](repeating: 0, count: count)
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            for record in 0..<count {
                let base = record * recordSize
                let label = bytes[base]
                guard label < 10 else {
                    throw DataError(source: path, message: "record \(record) has label \(label); CIFAR-10 labels are 0...9")
                }
                targets[record] = Float(label)
                for pixel in 0..<3072 { features[record * 3072 + pixel] = Float(bytes[base + 1 + pixel]) / 255 }
            }
        }
        return Dataset(
            name: (path as NSString).lastPathComponent,
            features: Tensor(shape: [count, 3072], scalars: features), targets: targets,
            featureNames: featureNames, task: .classification(classNames: classNames))
    }

    /// The five training batches and the test batch of an extracted `cifar-10-batches-bin` folder.
    /// - Throws: ``DataError`` naming every missing file.
    public static func loadDirectory(path: String) throws -> (train: Dataset, test: Dataset) {
        let trainFiles = (1...5).map { "\(path)/data_batch_\($0).bin" }
        let testFile = "\(path)/test_batch.bin"
        let missing = (trainFiles + [testFile]).filter { !FileManager.default.fileExists(atPath: $0) }
        guard missing.isEmpty else {
            throw DataError(source: path,
                message: "missing \(missing.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")); run Scripts/fetch-cifar10")
        }
        var train = try readBatch(path: trainFiles[0])
        for file in trainFiles.dropFirst() {
            let batch = try readBatch(path: file)
            train.features = train.features.appendingRows(batch.features)
            train.targets += batch.targets
        }
        train.name = "cifar10-train"
        var test = try readBatch(path: testFile)
        test.name = "cifar10-test"
        return (train, test)
    }

    private static let featureNames: [String] = ["r", "g", "b"].flatMap { channel in
        (0..<32).flatMap { row in (0..<32).map { column in "\(channel)_\(row)_\(column)" } }
    }
}
