import Foundation
import Testing
import TuneData

struct ReaderTests {
    private let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tt-readers-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// A CIFAR-10 record: `label`, then pixel `i` of each plane = (i + plane) mod 256.
    private func record(label: UInt8) -> [UInt8] {
        [label] + (0..<3).flatMap { plane in (0..<1024).map { UInt8(($0 + plane) % 256) } }
    }

    private func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func cifarBatchRoundTrip() throws {
        let path = try write(record(label: 3) + record(label: 9), "batch.bin")
        let batch = try CIFAR10Reader.readBatch(path: path)
        #expect(batch.rowCount == 2 && batch.featureCount == 3072)
        #expect(batch.classIndices == [3, 9])
        #expect(batch.classNames[3] == "cat")
        #expect(batch.features[0, 255] == 1)
        #expect(batch.features[1, 1024] == Float(1) / 255)
        #expect(batch.featureNames[1024] == "g_0_0")
    }

    @Test func cifarErrors() throws {
        let truncated = try write(Array(record(label: 1).dropLast()), "short.bin")
        #expect(throws: DataError.self) { try CIFAR10Reader.readBatch(path: truncated) }
        do {
            _ = try CIFAR10Reader.readBatch(path: try write(record(label: 0) + record(label: 12), "badlabel.bin"))
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("record 1 has label 12"))
        }
        do {
            _ = try CIFAR10Reader.loadDirectory(path: folder.path)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("data_batch_1.bin"))
            #expect("\(error)".contains("Scripts/fetch-cifar10"))
        }
    }

    @Test func cifarDirectoryLoadsSixBatches() throws {
        for index in 1...5 { _ = try write(record(label: UInt8(index)), "data_batch_\(index).bin") }
        _ = try write(record(label: 0) + record(label: 7), "test_batch.bin")
        let (train, test) = try CIFAR10Reader.loadDirectory(path: folder.path)
        #expect(train.classIndices == [1, 2, 3, 4, 5])
        #expect(test.rowCount == 2)
    }

    private func idx(magic: UInt32, dimensions: [UInt32], body: [UInt8]) -> [UInt8] {
        ([magic] + dimensions).flatMap { word in (0..<4).reversed().map { UInt8((word >> (8 * $0)) & 0xff) } } + body
    }

    @Test func idxImagesAndLabels() throws {
        let images = try write(idx(magic: 0x803, dimensions: [2, 2, 3], body: [0, 51, 102, 153, 204, 255, 1, 2, 3, 4, 5, 6]), "images.idx")
        let labels = try write(idx(magic: 0x801, dimensions: [2], body: [7, 2]), "labels.idx")
        let data = try IDXReader.load(images: images, labels: labels)
        #expect(data.rowCount == 2 && data.featureCount == 6)
        #expect(data.features.row(0) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(data.classIndices == [7, 2])
        #expect(data.featureNames.last == "pixel_1_2")
    }

    @Test func idxErrors() throws {
        let gzipped = try write([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0], "images.gz")
        do {
            _ = try IDXReader.readImages(path: gzipped)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("is it still gzipped"))
        }
        let truncated = try write(idx(magic: 0x803, dimensions: [2, 2, 2], body: [1, 2, 3]), "truncated.idx")
        #expect(throws: DataError.self) { try IDXReader.readImages(path: truncated) }
        let images = try write(idx(magic: 0x803, dimensions: [1, 1, 1], body: [9]), "one.idx")
        let labels = try write(idx(magic: 0x801, dimensions: [2], body: [1, 2]), "two.idx")
        do {
            _ = try IDXReader.load(images: images, labels: labels)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("2 labels for 1 images"))
        }
    }
}
