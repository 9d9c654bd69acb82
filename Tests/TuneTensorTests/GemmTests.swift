import Testing
import TuneTensor
import TuneTestSupport

/// A product by the definition, for checking BLAS.
private func naiveProduct<S: TensorScalar>(_ a: Tensor<S>, _ ta: Bool, _ b: Tensor<S>, _ tb: Bool) -> Tensor<S> {
    let opA = ta ? a.transposed : a
    let opB = tb ? b.transposed : b
    let (m, k, n) = (opA.shape[0], opA.shape[1], opB.shape[1])
    var c = Tensor<S>(zeros: [m, n])
    for i in 0..<m {
        for j in 0..<n {
            var total: Double = 0
            for p in 0..<k { total += Double(opA[i, p]) * Double(opB[p, j]) }
            c[i, j] = S(total)
        }
    }
    return c
}


struct GemmTests {
    func checkRandomShapes<S: TensorScalar>(_: S.Type, tolerance: S) {
        var generator = SeededGenerator(seed: 7)
        for trial in 0..<24 {
            let m = generator.integer(in: 1...17), k = generator.integer(in: 1...13), n = generator.integer(in: 1...11)
            let ta = trial % 2 == 1, tb = (trial / 2) % 2 == 1
            let a = Tensor<S>.normal(shape: ta ? [k, m] : [m, k], using: &generator)
            let b = Tensor<S>.normal(shape: tb ? [n, k] : [k, n], using: &generator)
            let c = Tensor.matmul(a, transposeA: ta, b, transposeB: tb)
            #expect(c.shape == [m, n])
            expectClose(c.scalars, naiveProduct(a, ta, b, tb).scalars, rtol: tolerance, atol: tolerance,
                "\(S.self) \(m)x\(k)x\(n) ta=\(ta) tb=\(tb)")
        }
    }

    @Test func randomShapesBothTransposesFloat() { checkRandomShapes(Float.self, tolerance: 1e-4) }
    @Test func randomShapesBothTransposesDouble() { checkRandomShapes(Double.self, tolerance: 1e-12) }

    @Test func gemmIntoAccumulatesWithBeta() {
        let a = Tensor<Double>(rows: [[1, 2], [3, 4]])
        let b = Tensor<Double>(rows: [[5, 6], [7, 8]])
        var c = Tensor<Double>(rows: [[1, 1], [1, 1]])
        Tensor.gemm(a, b, alpha: 2, beta: 1, into: &c)
        // 2·[[19, 22], [43, 50]] + 1
        #expect(c.scalars == [39, 45, 87, 101])
    }

    @Test func gemvMatchesMatmul() {
        var generator = SeededGenerator(seed: 3)
        let a = Tensor<Double>.normal(shape: [5, 3], using: &generator)
        let x = (0..<3).map { _ in generator.normal() }
        let xt = (0..<5).map { _ in generator.normal() }
        expectClose(a.matrixVectorProduct(x), Tensor.matmul(a, Tensor(shape: [3, 1], scalars: x)).scalars, rtol: 1e-12)
        expectClose(
            a.matrixVectorProduct(xt, transposed: true),
            Tensor.matmul(a, transposeA: true, Tensor(shape: [5, 1], scalars: xt)).scalars, rtol: 1e-12)
    }

    @Test func axpyScalDot() {
        var y = Tensor<Float>(vector: [1, 2, 3])
        y.addScaled(Tensor(vector: [10, 20, 30]), by: 0.5)
        #expect(y.scalars == [6, 12, 18])
        y.scale(by: 2)
        #expect(y.scalars == [12, 24, 36])
        #expect(y.dot(Tensor(vector: [1, 0, -1])) == -24)
    }

    @Test func emptyInnerDimensionGivesBetaTimesC() {
        let a = Tensor<Double>(zeros: [2, 0]), b = Tensor<Double>(zeros: [0, 3])
        #expect(Tensor.matmul(a, b) == Tensor(zeros: [2, 3]))
    }
}
