import Foundation
import Testing
import TuneData
import TuneTensor
import TuneTestSupport

struct ScalerTests {
    let train = Tensor<Float>(rows: [[1, 10, 5], [2, 20, 5], [3, 30, 5], [4, 40, 5]])

    @Test func standardScalerGivesZeroMeanUnitVariance() {
        let scaler = StandardScaler(fittingOn: train)
        let scaled = scaler.transform(train)
        expectClose(scaled.mean(alongAxis: 0), [0, 0, 0], atol: 1e-6)
        let variance = (scaled * scaled).mean(alongAxis: 0)
        expectClose(variance, [1, 1, 0], atol: 1e-5, "the constant column is centred, not divided by zero")
        expectClose(scaler.offsets, [2.5, 25, 5], rtol: 1e-12)
        expectClose(scaler.scales[0], 1.25.squareRoot(), rtol: 1e-12)
        #expect(scaler.scales[2] == 1)
    }

    @Test func testRowsUseTrainingStatistics() {
        let scaler = StandardScaler(fittingOn: train)
        let test = scaler.transform(Tensor<Float>(rows: [[2.5, 25, 6]]))
        expectClose(test.scalars, [0, 0, 1], atol: 1e-6)
    }

    @Test func minMaxScalerMapsTrainingRangeToUnitInterval() {
        let scaler = MinMaxScaler(fittingOn: train)
        let scaled = scaler.transform(train)
        expectClose(scaled.column(0), [0, 1.0 / 3, 2.0 / 3, 1], atol: 1e-6)
        #expect(scaled.column(2) == [0, 0, 0, 0])
        expectClose(scaler.transform(Tensor<Float>(rows: [[7, 0, 5]])).scalars, [2, -1.0 / 3, 0], atol: 1e-6)
    }

    @Test func roundTripAndCodable() throws {
        let scaler = StandardScaler(fittingOn: train)
        expectClose(scaler.inverseTransform(scaler.transform(train)).scalars, train.scalars, atol: 1e-5)
        let decoded = try JSONDecoder().decode(StandardScaler.self, from: JSONEncoder().encode(scaler))
        #expect(decoded == scaler)
    }
}
