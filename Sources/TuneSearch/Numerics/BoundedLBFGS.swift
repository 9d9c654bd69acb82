/// A limited-memory BFGS minimiser with optional box bounds (projected quasi-Newton steps with a
/// backtracking Armijo line search along the projected path), for the smooth, low-dimensional
/// problems of model-based samplers: a Gaussian process's kernel hyperparameters and the
/// maximisation of its acquisition function. Not a general-purpose L-BFGS-B: it is exact enough
/// for these problems and has no dependencies.
struct BoundedLBFGS {
    /// Curvature pairs kept.
    var memory = 10
    var maximumIterations = 100
    /// Converged when the largest projected-gradient component is at most this.
    var gradientTolerance = 1e-5
    /// Converged when an iteration improves the objective by less than this relative amount.
    var relativeImprovementTolerance = 1e-10
    /// Lower and upper bound per coordinate, or nil for an unconstrained problem.
    var bounds: [(lower: Double, upper: Double)]?

    struct Result {
        var point: [Double]
        var value: Double
    }

    /// Minimises `objective` (which returns the value and the gradient at a point) from `start`.
    /// A non-finite value counts as worse than any finite one, so steps into regions where the
    /// objective breaks down are shortened.
    func minimize(from start: [Double], _ objective: ([Double]) -> (value: Double, gradient: [Double])) -> Result {
        let dimension = start.count
        var x = project(start)
        var (value, gradient) = objective(x)
        guard value.isFinite else { return Result(point: x, value: value) }
        var steps: [[Double]] = [], changes: [[Double]] = [], curvatures: [Double] = []
        var iteration = 0
        while iteration < maximumIterations {
            if projectedGradientNorm(x, gradient) <= gradientTolerance { break }
            iteration += 1
            var direction = searchDirection(gradient, steps, changes, curvatures)
            freeze(&direction, at: x)
            var slope = zip(direction, gradient).reduce(0) { $0 + $1.0 * $1.1 }
            if !(slope < 0) {
                // Not a descent direction (the bounds cut it, or curvature went stale): restart
                // from steepest descent.
                steps.removeAll(); changes.removeAll(); curvatures.removeAll()
                direction = gradient.map { -$0 }
                freeze(&direction, at: x)
                slope = zip(direction, gradient).reduce(0) { $0 + $1.0 * $1.1 }
                guard slope < 0 else { break }
            }
            // The first step of a fresh memory is scaled so it moves at most about one unit.
            var stepLength = steps.isEmpty ? min(1, 1 / max(direction.map(abs).max() ?? 1, 1e-12)) : 1
            var accepted: (point: [Double], value: Double, gradient: [Double])?
            for _ in 0..<40 {
                let trial = project((0..<dimension).map { x[$0] + stepLength * direction[$0] })
                let decrease = zip(trial, x).enumerated().reduce(0) { $0 + gradient[$1.offset] * ($1.element.0 - $1.element.1) }
                let (trialValue, trialGradient) = objective(trial)
                if trialValue.isFinite && trialValue <= value + 1e-4 * decrease {
                    accepted = (trial, trialValue, trialGradient)
                    break
                }
                stepLength *= 0.5
            }
            guard let accepted else { break }
            let step = zip(accepted.point, x).map { $0 - $1 }
            let change = zip(accepted.gradient, gradient).map { $0 - $1 }
            let curvature = zip(step, change).reduce(0) { $0 + $1.0 * $1.1 }
            if curvature > 1e-10 {
                steps.append(step); changes.append(change); curvatures.append(curvature)
                if steps.count > memory {
                    steps.removeFirst(); changes.removeFirst(); curvatures.removeFirst()
                }
            }
            let improvement = value - accepted.value
            (x, value, gradient) = accepted
            if improvement <= relativeImprovementTolerance * max(abs(value), 1) { break }
        }
        return Result(point: x, value: value)
    }

    /// −H·g by the two-loop recursion over the stored curvature pairs.
    private func searchDirection(_ gradient: [Double], _ steps: [[Double]], _ changes: [[Double]], _ curvatures: [Double]) -> [Double] {
        var q = gradient
        var alphas = [Double](repeating: 0, count: steps.count)
        for k in steps.indices.reversed() {
            let alpha = zip(steps[k], q).reduce(0) { $0 + $1.0 * $1.1 } / curvatures[k]
            alphas[k] = alpha
            for i in q.indices { q[i] -= alpha * changes[k][i] }
        }
        if let last = steps.indices.last {
            let scale = curvatures[last] / changes[last].reduce(0) { $0 + $1 * $1 }
            for i in q.indices { q[i] *= scale }
        }
        for k in steps.indices {
            let beta = zip(changes[k], q).reduce(0) { $0 + $1.0 * $1.1 } / curvatures[k]
            for i in q.indices { q[i] += (alphas[k] - beta) * steps[k][i] }
        }
        return q.map { -$0 }
    }

    /// Zeroes the components of `direction` that would leave the box from a coordinate on its
    /// bound (the active set).
    private func freeze(_ direction: inout [Double], at x: [Double]) {
        guard let bounds else { return }
        for i in direction.indices {
            if (x[i] <= bounds[i].lower && direction[i] < 0) || (x[i] >= bounds[i].upper && direction[i] > 0) {
                direction[i] = 0
            }
        }
    }

    private func project(_ x: [Double]) -> [Double] {
        guard let bounds else { return x }
        return x.indices.map { min(max(x[$0], bounds[$0].lower), bounds[$0].upper) }
    }

    /// The largest component of the projected gradient (zero along a bound the gradient presses on).
    private func projectedGradientNorm(_ x: [Double], _ gradient: [Double]) -> Double {
        guard bounds != nil else { return gradient.map(abs).max() ?? 0 }
        let moved = project(zip(x, gradient).map { $0 - $1 })
        return zip(moved, x).map { abs($0 - $1) }.max() ?? 0
    }
}
