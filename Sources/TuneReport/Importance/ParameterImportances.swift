/// What fANOVA finds: the fraction of the objective's variance each parameter and each pair of
/// parameters explains on its own, averaged over a random forest's trees, and the forest's
/// marginal prediction over the two most important parameters (for the heat map).
public struct ParameterImportances: Sendable {
    /// One parameter (or a pair) and the fraction of variance it explains (main effect for one,
    /// interaction alone for a pair).
    public struct Entry: Sendable, Equatable {
        public var parameters: [String]
        public var importance: Double
    }

    /// Each parameter, most important first.
    public var single: [Entry]
    /// Pairs among the most important parameters, most important first.
    public var pairs: [Entry]
    /// The forest's mean prediction over a grid of the two most important parameters, when
    /// there are two.
    public var surface: MarginalSurface?
    /// Completed trials the forest was fitted on.
    public var trialCount: Int

    /// `entry`'s share of everything listed (singles and pairs).
    public func share(of entry: Entry) -> Double {
        let total = (single + pairs).reduce(0) { $0 + $1.importance }
        return total > 0 ? entry.importance / total : 0
    }
}

/// A forest's marginal prediction over two parameters on a `resolution × resolution` grid of
/// their unit-box coordinates (cell centres; rows follow the first parameter).
public struct MarginalSurface: Sendable {
    public var parameters: (String, String)
    public var resolution: Int
    /// `values[row * resolution + column]`: the prediction at first = (row + ½)/resolution,
    /// second = (column + ½)/resolution.
    public var values: [Double]
}
