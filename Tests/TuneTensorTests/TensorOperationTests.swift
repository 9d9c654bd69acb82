import Testing
import TuneTensor
import TuneTestSupport

struct TensorOperationTests {
    let m = Tensor<Float>(rows: [[1, 2, 3], [4, 5, 6]])

    @Test func elementwiseArithmetic() {
        #expect((m + m).scalars == [2, 4, 6, 8, 10, 12])
        #expect((m - m).scalars == [0, 0, 0, 0, 0, 0])
        #expect((m * m).scalars == [1, 4, 9, 16, 25, 36])
        #expect((m / m).scalars == [1, 1, 1, 1, 1, 1])
        #expect((m * 2).scalars == [2, 4, 6, 8, 10, 12])
        #expect((m + 1).scalars == [2, 3, 4, 5, 6, 7])
        var n = m
        n += m
        n *= 0.5
        #expect(n == m)
        #expect((-m).scalars == [-1, -2, -3, -4, -5, -6])
    }

    @Test func copyOnWriteKeepsValueSemantics() {
        let original = m
        var copy = original
        copy[0, 0] = 100
        #expect(original[0, 0] == 1)
        #expect(copy[0, 0] == 100)
    }

    @Test func broadcasting() {
        #expect(m.addingRowVector([10, 20, 30]).scalars == [11, 22, 33, 14, 25, 36])
        #expect(m.addingColumnVector([10, 20]).scalars == [11, 12, 13, 24, 25, 26])
        #expect(m.multiplyingRowVector([1, 0, 2]).scalars == [1, 0, 6, 4, 0, 12])
    }

    @Test func reductions() {
        #expect(m.sum() == 21)
        #expect(m.mean() == 3.5)
        #expect(m.sum(alongAxis: 0) == [5, 7, 9])
        #expect(m.sum(alongAxis: 1) == [6, 15])
        #expect(m.mean(alongAxis: 0) == [2.5, 3.5, 4.5])
        #expect(m.max(alongAxis: 1) == [3, 6])
        #expect(m.max(alongAxis: 0) == [4, 5, 6])
        #expect(Tensor<Float>(rows: [[3, 9, 9], [7, 1, 2]]).argmax(alongAxis: 1) == [1, 0])
        #expect(Tensor<Float>(rows: [[3, 9, 9], [7, 1, 2]]).argmax(alongAxis: 0) == [1, 0, 0])
        #expect(Tensor<Float>(rows: [[1, .nan, 3]]).argmax(alongAxis: 1) == [1])
    }

    @Test func gatherSliceTransposeReshape() {
        #expect(m.gatherRows([1, 0, 1]).scalars == [4, 5, 6, 1, 2, 3, 4, 5, 6])
        var batch = Tensor<Float>(zeros: [4, 3])
        m.gatherRows([1], into: &batch)
        #expect(batch.row(0) == [4, 5, 6])
        #expect(batch.row(1) == [0, 0, 0])
        #expect(m.slice(rows: 0..<2, columns: 1..<3).scalars == [2, 3, 5, 6])
        #expect(m.rows(1..<2).scalars == [4, 5, 6])
        #expect(m.gatherColumns([2, 0]).scalars == [3, 1, 6, 4])
        #expect(m.transposed.shape == [3, 2])
        #expect(m.transposed.scalars == [1, 4, 2, 5, 3, 6])
        #expect(m.reshaped([3, -1]).shape == [3, 2])
        #expect(m.reshaped([6]).scalars == m.scalars)
        #expect(m.column(1) == [2, 5])
        #expect(m.appendingRows(m).shape == [4, 3])
    }

    @Test func largeTransposeRoundTrips() {
        var generator = SeededGenerator(seed: 1)
        let big = Tensor<Double>.uniform(shape: [70, 45], using: &generator)
        #expect(big.transposed.transposed == big)
        #expect(big.transposed[44, 69] == big[69, 44])
    }

    @Test func conversionAndIdentity() {
        let identity = Tensor<Double>.identity(3)
        #expect(identity.sum() == 3)
        #expect(Tensor.matmul(identity, m.converted(to: Double.self).transposed) == m.converted(to: Double.self).transposed)
    }
}
