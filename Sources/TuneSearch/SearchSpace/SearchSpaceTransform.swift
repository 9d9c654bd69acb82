import Foundation

/// The one map between a search space and the unit box `[0, 1]^d` that every continuous sampler
/// works in (Optuna's `_SearchSpaceTransform`): log parameters in log space, integers and stepped
/// floats widened by half a step at each end so every value owns an equal share of the box, and
/// categorical parameters either one-hot (one coordinate per choice, the value is the largest) or
/// ordinal (one coordinate cut into equal parts). Samplers never switch on distribution kinds.
public struct SearchSpaceTransform: Sendable {
    /// How categorical parameters are laid out in the box.
    public enum CategoricalEncoding: Sendable {
        /// One coordinate per choice; the choice is the largest coordinate (for Gaussian processes
        /// and evolution strategies, where choices must not be ordered).
        case oneHot
        /// One coordinate; choice k takes `[k/n, (k+1)/n)` (for random and quasi-random points).
        case ordinal
    }

    public let space: SearchSpace
    public let categoricalEncoding: CategoricalEncoding
    /// The first coordinate of each parameter.
    private let offsets: [Int]
    /// The number of coordinates.
    public let dimension: Int

    public init(_ space: SearchSpace, categoricalEncoding: CategoricalEncoding = .ordinal) {
        self.space = space
        self.categoricalEncoding = categoricalEncoding
        var offsets: [Int] = []
        var dimension = 0
        for parameter in space.parameters {
            offsets.append(dimension)
            if case .categorical(let choices) = parameter.distribution, categoricalEncoding == .oneHot {
                dimension += choices.count
            } else {
                dimension += 1
            }
        }
        self.offsets = offsets
        self.dimension = dimension
    }

    /// The coordinates that parameter number `index` of the space occupies in the box.
    public func coordinates(ofParameterAt index: Int) -> Range<Int> {
        index + 1 < offsets.count ? offsets[index]..<offsets[index + 1] : offsets[index]..<dimension
    }

    /// The coordinates of the parameters `internalValues` (internal values by name) in the box.
    /// - Precondition: every parameter of the space has a value.
    public func encode(_ internalValues: [String: Double]) -> [Double] {
        var point = [Double](repeating: 0, count: dimension)
        for (index, parameter) in space.parameters.enumerated() {
            guard let value = internalValues[parameter.name] else {
                preconditionFailure("no value for '\(parameter.name)' to encode")
            }
            let offset = offsets[index]
            switch parameter.distribution {
            case .categorical(let choices):
                if categoricalEncoding == .oneHot {
                    point[offset + Int(value)] = 1
                } else {
                    point[offset] = (value + 0.5) / Double(choices.count)
                }
            default:
                let (low, high) = Self.numericBounds(parameter.distribution)
                let scaled = Self.isLog(parameter.distribution) ? Foundation.log(value) : value
                point[offset] = high > low ? (scaled - low) / (high - low) : 0.5
            }
        }
        return point
    }

    /// The internal values of the point `coordinates` of the box, rounded to each distribution's
    /// grid and clamped to its bounds, so every result is a valid value.
    public func decode(_ coordinates: [Double]) -> [String: Double] {
        precondition(coordinates.count == dimension, "expected \(dimension) coordinates, got \(coordinates.count)")
        var values: [String: Double] = [:]
        for (index, parameter) in space.parameters.enumerated() {
            let offset = offsets[index]
            switch parameter.distribution {
            case .categorical(let choices) where categoricalEncoding == .oneHot:
                let slice = coordinates[offset..<offset + choices.count]
                values[parameter.name] = Double(slice.indices.max { slice[$0] < slice[$1] }! - offset)
            default:
                values[parameter.name] = Self.internalValue(atUnitCoordinate: coordinates[offset], of: parameter.distribution)
            }
        }
        return values
    }

    /// The internal value at coordinate `u` of a one-coordinate layout of `distribution` (ordinal
    /// for categoricals), rounded to its grid and clamped to its bounds.
    public static func internalValue(atUnitCoordinate u: Double, of distribution: ParameterDistribution) -> Double {
        let u = min(max(u, 0), 1)
        if case .categorical(let choices) = distribution {
            return Double(min(Int(u * Double(choices.count)), choices.count - 1))
        }
        let (low, high) = numericBounds(distribution)
        let scaled = low + u * (high - low)
        return round(isLog(distribution) ? Foundation.exp(scaled) : scaled, to: distribution)
    }

    /// The coordinate of `value` (an internal value) in a one-coordinate layout of a numeric
    /// `distribution`: the inverse of ``internalValue(atUnitCoordinate:of:)``.
    public static func unitCoordinate(ofInternalValue value: Double, in distribution: ParameterDistribution) -> Double {
        if case .categorical(let choices) = distribution { return (value + 0.5) / Double(choices.count) }
        let (low, high) = numericBounds(distribution)
        let scaled = isLog(distribution) ? Foundation.log(value) : value
        return high > low ? (scaled - low) / (high - low) : 0.5
    }

    /// `value` moved to the nearest value of a numeric distribution.
    public static func round(_ value: Double, to distribution: ParameterDistribution) -> Double {
        switch distribution {
        case let .float(low, high, _, step):
            guard let step else { return min(max(value, low), high) }
            let index = ((value - low) / step).rounded()
            return min(max(low + index * step, low), high)
        case let .int(low, high, _, step):
            let index = ((value - Double(low)) / Double(step)).rounded()
            return min(max(Double(low) + index * Double(step), Double(low)), Double(high))
        case .categorical(let choices):
            return min(max(value.rounded(), 0), Double(choices.count - 1))
        }
    }

    /// Whether the distribution lives in log space in the box (public: reports draw axes that
    /// match the box).
    public static func isLog(_ distribution: ParameterDistribution) -> Bool {
        switch distribution {
        case .float(_, _, let log, _), .int(_, _, let log, _): return log
        case .categorical: return false
        }
    }

    /// The box edges of a numeric distribution, in log space for log distributions, widened by
    /// half a step for integers and stepped floats (public: reports draw axes that match the box).
    public static func numericBounds(_ distribution: ParameterDistribution) -> (Double, Double) {
        switch distribution {
        case let .float(low, high, log, step):
            if log { return (Foundation.log(low), Foundation.log(high)) }
            let half = (step ?? 0) / 2
            return (low - half, high + half)
        case let .int(low, high, log, step):
            let half = Double(step) / 2
            if log { return (Foundation.log(Double(low) - 0.5), Foundation.log(Double(high) + 0.5)) }
            return (Double(low) - half, Double(high) + half)
        case .categorical(let choices):
            return (0, Double(choices.count))
        }
    }
}
