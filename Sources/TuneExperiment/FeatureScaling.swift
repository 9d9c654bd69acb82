import TuneData
import TuneTensor

/// How features are rescaled before training: fitted on the training part, applied to both parts.
public enum FeatureScaling: String, CaseIterable, Codable, Sendable {
    /// Standardise for gradient-trained models, leave closed-form ones alone.
    case auto
    case standard
    case minmax
    case none

    /// `train` and `test` rescaled with statistics of `train` alone.
    func apply(train: Dataset, test: Dataset, gradientTrained: Bool) -> (Dataset, Dataset, FeatureScaling) {
        let effective = self == .auto ? (gradientTrained ? .standard : .none) : self
        let scaler: (any FeatureScaler)?
        switch effective {
        case .standard: scaler = StandardScaler(fittingOn: train.features)
        case .minmax: scaler = MinMaxScaler(fittingOn: train.features)
        case .none, .auto: scaler = nil
        }
        guard let scaler else { return (train, test, effective) }
        var (scaledTrain, scaledTest) = (train, test)
        scaledTrain.features = scaler.transform(train.features)
        scaledTest.features = scaler.transform(test.features)
        return (scaledTrain, scaledTest, effective)
    }
}
