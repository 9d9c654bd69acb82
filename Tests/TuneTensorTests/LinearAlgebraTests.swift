import Testing
import TuneTensor
import TuneTestSupport

struct LinearAlgebraTests {
    // The classic example: A = L·Lᵀ with L = [[2,0,0],[6,1,0],[-8,5,3]].
    let spd = Tensor<Double>(rows: [[4, 12, -16], [12, 37, -43], [-16, -43, 98]])

    @Test func choleskyFactorOfKnownMatrix() throws {
        let factor = try spd.choleskyFactor()
        #expect(factor.scalars == [2, 0, 0, 6, 1, 0, -8, 5, 3])
        let floatFactor = try spd.converted(to: Float.self).choleskyFactor()
        expectClose(floatFactor.scalars, [2, 0, 0, 6, 1, 0, -8, 5, 3], rtol: 1e-5, atol: 1e-5)
    }

    @Test func choleskySolveRecoversKnownSolution() throws {
        // A·[1, -2, 0.5] = [4 - 24 - 8, 12 - 74 - 21.5, -16 + 86 + 49]
        let x = try Tensor.choleskySolve(factor: spd.choleskyFactor(), Tensor(vector: [-28, -83.5, 119]))
        expectClose(x.scalars, [1, -2, 0.5], rtol: 1e-12, atol: 1e-12)
        #expect(x.shape == [3])
    }

    @Test func notPositiveDefiniteIsATypedError() {
        // Leading 2×2 minor is 1 - 4 < 0: fails at column 1.
        let indefinite = Tensor<Double>(rows: [[1, 2, 0], [2, 1, 0], [0, 0, 1]])
        #expect(throws: LinearAlgebraError.notPositiveDefinite(column: 1)) { try indefinite.choleskyFactor() }
        #expect("\(LinearAlgebraError.notPositiveDefinite(column: 1))".contains("not positive definite at column 1"))
        #expect(throws: LinearAlgebraError.notPositiveDefinite(column: 1)) {
            try indefinite.converted(to: Float.self).choleskyFactor()
        }
    }

    @Test func nonFiniteInputIsRejected() {
        let bad = Tensor<Double>(rows: [[1, .nan], [.nan, 1]])
        #expect(throws: LinearAlgebraError.nonFiniteInput(routine: "potrf")) { try bad.choleskyFactor() }
        #expect(throws: LinearAlgebraError.nonFiniteInput(routine: "gesv")) { try bad.solve(Tensor(vector: [1, 1])) }
    }

    @Test func generalSolve() throws {
        // 2x + y = 5, x + 3y = 10  ⇒  x = 1, y = 3
        let a = Tensor<Double>(rows: [[2, 1], [1, 3]])
        expectClose(try a.solve(Tensor(vector: [5, 10])).scalars, [1, 3], rtol: 1e-12)
        let twoRightHandSides = try a.solve(Tensor(rows: [[5, 2], [10, 1]]))
        expectClose(twoRightHandSides.column(1), [1, 0], rtol: 1e-12, atol: 1e-12)
    }

    @Test func singularSolveIsATypedError() {
        let singular = Tensor<Double>(rows: [[1, 2], [2, 4]])
        #expect(throws: LinearAlgebraError.singular(column: 1)) { try singular.solve(Tensor(vector: [1, 2])) }
    }

    @Test func triangularSolve() throws {
        let lower = Tensor<Double>(rows: [[2, 0], [1, 4]])
        // [[2,0],[1,4]]·x = [2, 9] ⇒ x = [1, 2]; transposed [[2,1],[0,4]]·y = [5, 8] ⇒ y = [1.5, 2]
        expectClose(try lower.triangularSolve(Tensor(vector: [2, 9]), lower: true).scalars, [1, 2], rtol: 1e-12)
        expectClose(
            try lower.triangularSolve(Tensor(vector: [5, 8]), lower: true, transpose: true).scalars, [1.5, 2], rtol: 1e-12)
        #expect(throws: LinearAlgebraError.singular(column: 0)) {
            try Tensor<Double>(rows: [[0, 0], [1, 1]]).triangularSolve(Tensor(vector: [1, 1]), lower: true)
        }
    }

    @Test func leastSquaresLineFit() throws {
        // Points (0,1), (1,3), (2,2), (3,5): by hand, Sxy = 5.5, Sxx = 5 ⇒ slope 1.1, intercept 1.1.
        let design = Tensor<Double>(rows: [[1, 0], [1, 1], [1, 2], [1, 3]])
        let fit = try design.leastSquares(Tensor(vector: [1, 3, 2, 5]))
        expectClose(fit.solution.scalars, [1.1, 1.1], rtol: 1e-12)
        #expect(fit.rank == 2)
    }

    @Test func leastSquaresRankDeficientGivesMinimumNorm() throws {
        // Two identical columns: x1 + x2 = 2 everywhere; the minimum-norm solution is [1, 1].
        let design = Tensor<Double>(rows: [[1, 1], [1, 1], [1, 1]])
        let fit = try design.leastSquares(Tensor(vector: [2, 2, 2]))
        expectClose(fit.solution.scalars, [1, 1], rtol: 1e-10)
        #expect(fit.rank == 1)
    }

    @Test func leastSquaresUnderdetermined() throws {
        // x + y = 2 has minimum-norm solution [1, 1].
        let fit = try Tensor<Float>(rows: [[1, 1]]).leastSquares(Tensor(vector: [2]))
        expectClose(fit.solution.scalars, [1, 1], rtol: 1e-5)
    }

    @Test func symmetricEigendecomposition() throws {
        let (values, vectors) = try Tensor<Double>(rows: [[2, 1], [1, 2]]).symmetricEigendecomposition()
        expectClose(values, [1, 3], rtol: 1e-12)
        // Eigenvector of 3 is ±[1, 1]/√2.
        let v = vectors.column(1)
        expectClose(abs(v[0]), 0.5.squareRoot(), rtol: 1e-12)
        expectClose(v[0], v[1], rtol: 1e-12)
    }
}
