import Foundation
import TuneSearch

/// A numeric range whose best trials crowd one of its bounds: the optimum may lie outside it, so
/// the range should be widened (the Tuning Playbook's check of a search space's boundaries).
public struct BoundaryWarning: Sendable, Equatable, CustomStringConvertible {
    public enum Side: String, Sendable {
        case lower, upper
    }

    /// What shows that the optimum may lie beyond the bound.
    public enum Evidence: Sendable, Equatable {
        /// `count` of the `of` best trials sit within ``BoundaryWarning/nearness`` of the bound.
        case crowded(Int, of: Int)
        /// The best setting is the bound itself and the validation loss still falls through it:
        /// its derivative with respect to the searched scale (log for log ranges) is `slope`
        /// there (positive at a lower bound, negative at an upper one).
        case lossFallsThrough(slope: Double)
    }

    public var parameter: String
    public var side: Side
    /// The bound the best trials sit at.
    public var bound: Double
    public var evidence: Evidence
    /// A wider bound to try: a decade further for log ranges, half the range further otherwise
    /// (kept positive where the range was).
    public var suggestedBound: Double

    /// The part of a range (in the range's own scale, log for log ranges) next to a bound that
    /// counts as "at" it.
    public static let nearness = 0.05

    public var description: String {
        let key = side == .upper ? "high" : "low"
        let widen = "widen the range, e.g. \(key): \(Self.text(suggestedBound))"
        switch evidence {
        case let .crowded(count, of: considered):
            return "\(parameter): \(count) of the \(considered) best trials sit at its \(side.rawValue) bound "
                + "\(Self.text(bound)); the best setting may lie beyond it — \(widen)"
        case let .lossFallsThrough(slope):
            let direction = side == .upper ? "larger" : "smaller"
            return "\(parameter): the best setting is its \(side.rawValue) bound \(Self.text(bound)), where the validation "
                + "loss still falls toward \(direction) values (its derivative there: \(String(format: "%+.3g", slope))); the best setting lies beyond it — \(widen)"
        }
    }

    private static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%g", value)
    }

    /// The warnings for `space` given a study's trials: a numeric parameter is flagged when the
    /// best trial and a majority of the `top` best completed trials that set it sit at the same
    /// bound. Nothing is said with fewer than `top` completed trials (too little to tell).
    public static func check(space: SearchSpace, trials: [TrialRecord], direction: StudyDirection, top: Int = 5) -> [BoundaryWarning] {
        let completed = trials.filter { $0.state == .complete && $0.value != nil }
        guard completed.count >= top else { return [] }
        let best = completed.sorted { a, b in
            direction == .maximize ? a.value! > b.value! : a.value! < b.value!
        }.prefix(top)
        return space.parameters.compactMap { parameter in
            guard let range = NumericRange(parameter.distribution) else { return nil }
            let positions = best.compactMap { trial in trial.internalParameters[parameter.name].map(range.position) }
            guard let first = positions.first else { return nil }
            for side in [Side.lower, .upper] {
                let atBound = positions.filter { side == .upper ? $0 >= 1 - nearness : $0 <= nearness }.count
                let bestAtBound = side == .upper ? first >= 1 - nearness : first <= nearness
                let bound = side == .upper ? range.high : range.low, wider = range.widened(side)
                // A range that cannot grow that way (a rate already at 0) is not worth a warning.
                if bestAtBound, atBound * 2 > positions.count, wider != bound {
                    return BoundaryWarning(
                        parameter: parameter.name, side: side, bound: bound,
                        evidence: .crowded(atBound, of: positions.count), suggestedBound: wider)
                }
            }
            return nil
        }
    }
}

extension BoundaryWarning {
    /// The loss's relative fall over the suggested widening, at the slope found at the bound,
    /// below which the loss counts as flat there (nothing worth widening for).
    public static let materialFall = 1e-3

    /// The warning for a parameter searched by its gradient, when the best setting found is a
    /// bound of `distribution` and `slope` — d validation loss / d parameter on the searched
    /// scale (log for log ranges), at that setting, where the loss is `loss` — says the loss
    /// goes on falling beyond it by at least ``materialFall`` of itself over the suggested
    /// widening. The top-trials check does not fit such a search, which spreads its first
    /// trials across the range on purpose.
    public static func gradientCheck(parameter: String, distribution: ParameterDistribution, best value: Double,
                                     loss: Double, slope: Double) -> BoundaryWarning? {
        guard let range = NumericRange(distribution) else { return nil }
        let position = range.position(value)
        let side: Side
        if position <= 1e-9, slope > 0 { side = .lower } else if position >= 1 - 1e-9, slope < 0 { side = .upper } else { return nil }
        let bound = side == .upper ? range.high : range.low, wider = range.widened(side)
        guard wider != bound, abs(slope) * abs(range.scaled(wider) - range.scaled(bound)) >= materialFall * abs(loss) else { return nil }
        return BoundaryWarning(parameter: parameter, side: side, bound: bound, evidence: .lossFallsThrough(slope: slope),
                               suggestedBound: wider)
    }
}

/// A float or integer range with more than one value, seen on the scale it is searched on.
private struct NumericRange {
    var low: Double, high: Double, log: Bool, integer: Bool

    init?(_ distribution: ParameterDistribution) {
        switch distribution {
        case let .float(low, high, log, _): (self.low, self.high, self.log, integer) = (low, high, log, false)
        case let .int(low, high, log, _): (self.low, self.high, self.log, integer) = (Double(low), Double(high), log, true)
        case .categorical: return nil
        }
        guard low < high else { return nil }
    }

    /// Where `value` lies, 0 at `low` and 1 at `high`, on the range's scale.
    func position(_ value: Double) -> Double {
        log ? Foundation.log(value / low) / Foundation.log(high / low) : (value - low) / (high - low)
    }

    /// `value` on the range's scale (its logarithm for log ranges).
    func scaled(_ value: Double) -> Double {
        log ? Foundation.log(value) : value
    }

    func widened(_ side: BoundaryWarning.Side) -> Double {
        let bound: Double
        if log {
            bound = side == .upper ? high * 10 : low / 10
        } else {
            let half = (high - low) / 2
            bound = side == .upper ? high + half : (low >= 0 && low - half < 0 ? 0 : low - half)
        }
        guard integer else { return bound }
        if side == .upper { return bound.rounded(.up) }
        return log ? max(1, bound.rounded(.down)) : bound.rounded(.down)
    }
}
