import TuneTensor

/// A per-column affine transform `x' = (x - offset) / scale` fitted on training rows only, then
/// applied unchanged to validation and test rows (fitting on all rows would leak test statistics
/// into training).
public protocol FeatureScaler: Sendable, Codable {
    /// Per-column values subtracted.
    var offsets: [Double] { get }
    /// Per-column divisors (1 for a constant column, so it is centred, never divided by zero).
    var scales: [Double] { get }
}

extension FeatureScaler {
    /// `features` transformed column by column.
    public func transform(_ features: Tensor<Float>) -> Tensor<Float> {
        var result = features
        transform(&result)
        return result
    }

    /// Transforms `features` in place.
    public func transform(_ features: inout Tensor<Float>) {
        precondition(features.columns == offsets.count,
            "FeatureScaler: fitted on \(offsets.count) columns, given \(features.columns)")
        let offsets = self.offsets.map { Float($0) }
        let inverseScales = scales.map { Float(1 / $0) }
        features.broadcastRowVector(offsets, -)
        features.broadcastRowVector(inverseScales, *)
    }

    /// Undoes `transform`.
    public func inverseTransform(_ features: Tensor<Float>) -> Tensor<Float> {
        precondition(features.columns == offsets.count,
            "FeatureScaler: fitted on \(offsets.count) columns, given \(features.columns)")
        var result = features
        result.broadcastRowVector(scales.map { Float($0) }, *)
        result.broadcastRowVector(offsets.map { Float($0) }, +)
        return result
    }
}

/// Per-column statistics accumulated in `Double`: the means and ranges a scaler needs.
struct ColumnStatistics {
    var mean: [Double]
    var standardDeviation: [Double]
    var minimum: [Double]
    var maximum: [Double]

    init(_ features: Tensor<Float>) {
        let (rows, columns) = (features.rows, features.columns)
        var sum = [Double](repeating: 0, count: columns)
        var minimum = [Double](repeating: .infinity, count: columns)
        var maximum = [Double](repeating: -.infinity, count: columns)
        features.withUnsafeBufferPointer { x in
            for r in 0..<rows {
                for c in 0..<columns {
                    let value = Double(x[r * columns + c])
                    sum[c] += value
                    minimum[c] = Swift.min(minimum[c], value)
                    maximum[c] = Swift.max(maximum[c], value)
                }
            }
        }
        let mean = sum.map { $0 / Double(Swift.max(rows, 1)) }
        self.minimum = minimum
        self.maximum = maximum
        var squares = [Double](repeating: 0, count: columns)
        features.withUnsafeBufferPointer { x in
            for r in 0..<rows {
                for c in 0..<columns {
                    let deviation = Double(x[r * columns + c]) - mean[c]
                    squares[c] += deviation * deviation
                }
            }
        }
        self.mean = mean
        standardDeviation = squares.map { ($0 / Double(Swift.max(rows, 1))).squareRoot() }
    }
}
