import Testing
import TuneTensor
@testable import TuneModels

struct SortByValueTests {
    @Test func sortsLikeTheStandardLibrary() {
        var generator = SeededGenerator(seed: 1)
        for size in [0, 1, 2, 15, 16, 17, 100, 1000, 5000] {
            for duplicates in [false, true] {
                var pairs = (0..<size).map { index -> (value: Float, sample: Int32) in
                    let value = duplicates ? Float(generator.integer(in: 0..<5)) : Float(generator.normal())
                    return (value, Int32(index))
                }
                let expected = pairs.map(\.value).sorted()
                let samples = Set(pairs.map(\.sample))
                pairs.withUnsafeMutableBufferPointer { sortByValue($0) }
                #expect(pairs.map(\.value) == expected, "size \(size), duplicates \(duplicates)")
                #expect(Set(pairs.map(\.sample)) == samples)
            }
        }
        // Already sorted and reversed inputs exercise the pivot choice.
        var sorted = (0..<3000).map { (value: Float($0), sample: Int32($0)) }
        sorted.reverse()
        sorted.withUnsafeMutableBufferPointer { sortByValue($0) }
        #expect(sorted.map(\.value) == (0..<3000).map(Float.init))
    }
}
