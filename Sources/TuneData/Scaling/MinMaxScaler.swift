import TuneTensor

/// Scales each column to [0, 1] over the training rows, as scikit-learn's `MinMaxScaler`; a
/// constant column maps to 0.
public struct MinMaxScaler: FeatureScaler, Equatable {
    public var offsets: [Double]
    public var scales: [Double]

    /// Fits the column minima and ranges of `features` (the training rows).
    public init(fittingOn features: Tensor<Float>) {
        let statistics = ColumnStatistics(features)
        offsets = statistics.minimum
        scales = zip(statistics.minimum, statistics.maximum).map { $1 - $0 > 1e-12 ? $1 - $0 : 1 }
    }
}
