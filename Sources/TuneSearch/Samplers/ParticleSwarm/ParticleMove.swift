import TuneTensor

/// One particle-swarm step in the unit box (Kennedy & Eberhart 1995; Shi & Eberhart 1998):
///
///     v' = w·v + c1·r1∘(pbest − x) + c2·r2∘(gbest − x),   x' = x + v'
///
/// with `r1`, `r2` uniform in [0, 1) per coordinate, each component of `v'` clamped to ±vMax, and
/// `x'` reflected back into the box at its walls (x < 0 → −x, x > 1 → 2 − x, then clamped).
///
/// The velocity `v` is the particle's last displacement (current position − previous position),
/// not a stored vector: that is what a velocity is after a step, it is recoverable from the
/// history alone, and it already includes the effect of clamping, reflection and rounding to
/// the parameters' grids, so the particle carries on the way it actually went.
///
/// The coordinates of a one-hot categorical are renormalised to sum 1 after the step (uniform
/// when they are all 0), so they form a probability vector over the choices.
struct ParticleMove: Sendable {
    var inertia: Double
    var cognitive: Double
    var social: Double
    var vMax: Double

    /// The next position of a particle at `position` that came from `previous` (nil: at rest).
    /// A missing best pulls nowhere (it is taken to be the position itself).
    /// - Parameter categoricalRanges: the coordinates of each one-hot categorical parameter.
    func next(from position: [Double], previous: [Double]?, personalBest: [Double]?, globalBest: [Double]?,
              categoricalRanges: [Range<Int>], using generator: inout SeededGenerator) -> [Double] {
        var next = position
        for index in position.indices {
            let x = position[index]
            let velocity = previous.map { x - $0[index] } ?? 0
            let r1 = generator.uniform(), r2 = generator.uniform()
            var step = inertia * velocity
                + cognitive * r1 * ((personalBest?[index] ?? x) - x)
                + social * r2 * ((globalBest?[index] ?? x) - x)
            step = min(max(step, -vMax), vMax)
            next[index] = Self.reflect(x + step)
        }
        for range in categoricalRanges { Self.normalise(&next, range) }
        return next
    }

    /// `u` folded back into [0, 1] at the walls (one reflection, then clamped).
    static func reflect(_ u: Double) -> Double {
        var u = u
        if u < 0 { u = -u }
        if u > 1 { u = 2 - u }
        return min(max(u, 0), 1)
    }

    /// Scales `point[range]` to sum 1 (uniform when its sum is not positive).
    static func normalise(_ point: inout [Double], _ range: Range<Int>) {
        let total = point[range].reduce(0, +)
        for index in range { point[index] = total > 0 ? point[index] / total : 1 / Double(range.count) }
    }
}
