import TuneTensor

/// Scales each column to mean 0 and (population) standard deviation 1, as scikit-learn's
/// `StandardScaler`; a constant column is only centred.
public struct StandardScaler: FeatureScaler, Equatable {
    public var offsets: [Double]
    public var scales: [Double]

    /// Fits the column means and standard deviations of `features` (the training rows).
    public init(fittingOn features: Tensor<Float>) {
        let statistics = ColumnStatistics(features)
        offsets = statistics.mean
        scales = statistics.standardDeviation.map { $0 > 1e-12 ? $0 : 1 }
    }
}
