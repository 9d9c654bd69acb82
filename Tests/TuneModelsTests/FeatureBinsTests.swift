import Testing
import TuneTensor
@testable import TuneModels

struct FeatureBinsTests {
    @Test func codesAgreeWithUpperEdges() {
        var generator = SeededGenerator(seed: 3)
        let wide = (0..<5000).map { _ in Float(generator.normal()) }
        let narrow = (0..<5000).map { _ in Float(generator.integer(in: 0..<7)) }
        let bins = FeatureBins(columns: [wide, narrow])
        #expect(bins.upperEdges[0].count == 256)
        #expect(bins.upperEdges[1] == [0, 1, 2, 3, 4, 5, 6])
        for (f, column) in [wide, narrow].enumerated() {
            let edges = bins.upperEdges[f]
            #expect(edges == edges.sorted())
            for (row, value) in column.enumerated() {
                let code = Int(bins.codes[f][row])
                #expect(value <= edges[code])
                if code > 0 { #expect(value > edges[code - 1]) }
            }
        }
    }
}
