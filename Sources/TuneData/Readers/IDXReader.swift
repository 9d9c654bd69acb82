import Foundation
import TuneTensor

/// Reads the IDX format of MNIST and Fashion-MNIST (LeCun et al.): a big-endian magic number
/// (`0x00000803` for unsigned-byte images, `0x00000801` for unsigned-byte labels), one 32-bit
/// big-endian size per dimension, then the bytes. Files must be uncompressed (`gunzip` the
/// downloads first).
public enum IDXReader {
    /// Images as a `count × (rows·columns)` matrix scaled to [0, 1], and their height and width.
    /// - Throws: ``DataError`` for a bad magic number or a truncated file.
    public static func readImages(path: String) throws -> (images: Tensor<Float>, height: Int, width: Int) {
        let (dimensions, bytes) = try read(path: path, expectedMagic: 0x0000_0803, kind: "image")
        guard dimensions.count == 3 else {
            throw DataError(source: path, message: "an image file has 3 dimensions (count, rows, columns), found \(dimensions.count)")
        }
        let pixels = dimensions[1] * dimensions[2]
        return (Tensor(shape: [dimensions[0], pixels], scalars: bytes.map { Float($0) / 255 }), dimensions[1], dimensions[2])
    }

    /// Labels as integers.
    public static func readLabels(path: String) throws -> [Int] {
        let (dimensions, bytes) = try read(path: path, expectedMagic: 0x0000_0801, kind: "label")
        guard dimensions.count == 1 else {
            throw DataError(source: path, message: "a label file has 1 dimension, found \(dimensions.count)")
        }
        return bytes.map(Int.init)
    }

    /// An image file and its label file as a classification data set.
    /// - Parameter classNames: names for labels 0, 1, ... (default: the digits "0"..."9").
    /// - Throws: ``DataError`` when counts differ or a label has no class name.
    public static func load(images imagePath: String, labels labelPath: String, classNames: [String]? = nil) throws -> Dataset {
        let (images, height, width) = try readImages(path: imagePath)
        let labels = try readLabels(path: labelPath)
        guard labels.count == images.rows else {
            throw DataError(source: labelPath, message: "\(labels.count) labels for \(images.rows) images in \(imagePath)")
        }
        let names = classNames ?? (0..<10).map(String.init)
        if let bad = labels.firstIndex(where: { $0 >= names.count }) {
            throw DataError(source: labelPath, message: "label \(labels[bad]) of item \(bad) has no class name (\(names.count) classes)")
        }
        return Dataset(
            name: (imagePath as NSString).lastPathComponent, features: images, targets: labels.map(Float.init),
            featureNames: (0..<height).flatMap { r in (0..<width).map { c in "pixel_\(r)_\(c)" } },
            task: .classification(classNames: names))
    }

    private static func read(path: String, expectedMagic: UInt32, kind: String) throws -> (dimensions: [Int], bytes: [UInt8]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(source: path, message: "cannot read the IDX \(kind) file; check the path")
        }
        let bytes = [UInt8](data)
        func word(at offset: Int) -> UInt32 {
            bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
        }
        guard bytes.count >= 4 else { throw DataError(source: path, message: "too short for an IDX header (\(bytes.count) bytes)") }
        let magic = word(at: 0)
        guard magic == expectedMagic else {
            throw DataError(source: path, message: String(format: "magic number 0x%08x is not an IDX %@ file (expected 0x%08x); is it still gzipped?", magic, kind, expectedMagic))
        }
        let dimensionCount = Int(magic & 0xff)
        let headerSize = 4 + 4 * dimensionCount
        guard bytes.count >= headerSize else { throw DataError(source: path, message: "truncated IDX header") }
        let dimensions = (0..<dimensionCount).map { Int(word(at: 4 + 4 * $0)) }
        let expected = dimensions.reduce(1, *)
        guard bytes.count - headerSize == expected else {
            throw DataError(source: path,
                message: "header promises \(expected) bytes of data (\(dimensions.map(String.init).joined(separator: "×"))), the file has \(bytes.count - headerSize); it is truncated or corrupt")
        }
        return (dimensions, Array(bytes[headerSize...]))
    }
}
