import Testing
import TuneData
import TuneTensor
import TuneTestSupport

struct GeneratorTests {
    @Test func classificationShapeBalanceAndDeterminism() throws {
        let a = try makeClassification(nSamples: 1000, nFeatures: 20, nInformative: 2, nRedundant: 10, seed: 42)
        let b = try makeClassification(nSamples: 1000, nFeatures: 20, nInformative: 2, nRedundant: 10, seed: 42)
        let c = try makeClassification(nSamples: 1000, nFeatures: 20, nInformative: 2, nRedundant: 10, seed: 43)
        #expect(a == b)
        #expect(a.features != c.features)
        #expect(a.rowCount == 1000 && a.featureCount == 20 && a.task.classCount == 2)
        let ones = a.classIndices.filter { $0 == 1 }.count
        #expect(abs(ones - 500) <= 20, "balanced up to the 1% flipped labels, got \(ones)")
    }

    @Test func redundantColumnsAreLinearCombinationsOfInformativeOnes() throws {
        // Without shuffling, columns 0..<3 are informative and 3..<7 redundant, 7 repeated.
        let data = try makeClassification(nSamples: 200, nFeatures: 10, nInformative: 3, nRedundant: 4, nRepeated: 1,
            flipY: 0, shuffle: false, seed: 5)
        let x = data.features.converted(to: Double.self)
        let informative = x.gatherColumns([0, 1, 2])
        let redundant = x.gatherColumns([3, 4, 5, 6])
        let fit = try informative.leastSquares(redundant)
        let residual = Tensor.matmul(informative, fit.solution) - redundant
        #expect(residual.scalars.map(abs).max()! < 1e-4)
        // Noise columns are not explained by the informative ones.
        let noise = x.gatherColumns([8])
        let noiseFit = try informative.leastSquares(noise)
        let noiseResidual = Tensor.matmul(informative, noiseFit.solution) - noise
        #expect(noiseResidual.scalars.map(abs).max()! > 0.5)
        // The repeated column copies an earlier one.
        let repeated = x.column(7)
        #expect((0..<7).contains { x.column($0) == repeated })
    }

    @Test func classSeparationSeparatesClasses() throws {
        func centroidDistance(_ separation: Double) throws -> Double {
            let data = try makeClassification(nSamples: 400, nFeatures: 2, nInformative: 2, nRedundant: 0,
                nClustersPerClass: 1, flipY: 0, classSep: separation, shuffle: false, seed: 3)
            let rows = data.classIndices
            func mean(_ label: Int) -> [Double] {
                let members = rows.indices.filter { rows[$0] == label }
                return (0..<2).map { c in members.map { Double(data.features[$0, c]) }.reduce(0, +) / Double(members.count) }
            }
            let (m0, m1) = (mean(0), mean(1))
            return ((m0[0] - m1[0]) * (m0[0] - m1[0]) + (m0[1] - m1[1]) * (m0[1] - m1[1])).squareRoot()
        }
        #expect(try centroidDistance(4) > 2 * centroidDistance(0.5))
    }

    @Test func weightsAndManyClasses() throws {
        let data = try makeClassification(nSamples: 1000, nFeatures: 6, nInformative: 4, nRedundant: 0, nClasses: 3,
            weights: [0.7, 0.2], flipY: 0, seed: 1)
        let counts = (0..<3).map { c in data.classIndices.filter { $0 == c }.count }
        #expect(abs(counts[0] - 700) <= 2 && abs(counts[1] - 200) <= 2 && abs(counts[2] - 100) <= 2)
    }

    @Test func invalidParametersAreNamed() {
        #expect(throws: DataError.self) { try makeClassification(nFeatures: 3, nInformative: 2, nRedundant: 2) }
        do {
            _ = try makeClassification(nInformative: 1, nClasses: 3)
        } catch {
            #expect("\(error)".contains("n_classes × n_clusters_per_class must be ≤ 2^n_informative"))
        }
    }

    @Test func regressionWithoutNoiseIsExactlyLinear() throws {
        var problem = RegressionProblem()
        problem.sampleCount = 50
        problem.featureCount = 8
        problem.informativeCount = 3
        problem.bias = 2.5
        problem.seed = 9
        let (data, coefficients) = try problem.generateWithCoefficients()
        #expect(coefficients.filter { $0 != 0 }.count == 3)
        #expect(coefficients.allSatisfy { $0 >= 0 && $0 < 100 })
        for row in 0..<data.rowCount {
            let prediction = (0..<8).reduce(2.5) { $0 + Double(data.features[row, $1]) * coefficients[$1] }
            expectClose(Double(data.targets[row]), prediction, rtol: 1e-5, atol: 1e-3)
        }
    }

    @Test func regressionNoiseHasTheRequestedScale() throws {
        var problem = RegressionProblem()
        problem.sampleCount = 4000
        problem.featureCount = 2
        problem.informativeCount = 2
        problem.noise = 3
        let (data, coefficients) = try problem.generateWithCoefficients()
        let residuals = (0..<data.rowCount).map { row in
            Double(data.targets[row]) - (0..<2).reduce(0) { $0 + Double(data.features[row, $1]) * coefficients[$1] }
        }
        let variance = residuals.map { $0 * $0 }.reduce(0, +) / Double(residuals.count)
        expectClose(variance.squareRoot(), 3, rtol: 0.05)
    }
}
