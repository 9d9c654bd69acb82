import Foundation
import TuneTensor

/// The state of Hansen's (μ/μ_w, λ)-CMA-ES ("The CMA Evolution Strategy: A Tutorial", 2016) and
/// its update, step for step as the `cmaes` package's `CMA` (0.13, the backend of Optuna's
/// `CmaEsSampler`) without learning-rate adaptation: log weights with negative weights for the
/// worse half (active CMA, eqs. 49–53), cumulative step-size adaptation, rank-one and rank-μ
/// covariance updates, and `cmaes`'s termination criteria. A test checks mean, σ, C and both
/// evolution paths against the package after three generations (`Scripts/reference-cmaes.py`).
///
/// The state is a value: the sampler replays generations from the trial history into a fresh
/// state and caches copies, so two replays of the same history give the same bits. Points are
/// drawn in the unit box `[0, 1]^d` (``ask(using:maxResampling:)``); ``tell(_:)`` accepts any
/// points.
struct CMAESState: Sendable {
    let dimension: Int
    /// λ, the number of points told per generation.
    let populationSize: Int
    /// μ = ⌊λ/2⌋, the number of points with positive weight.
    let mu: Int
    /// Recombination weights by rank: positive for the best μ (summing to 1), negative for the rest.
    let weights: [Double]
    let muEff: Double
    /// Learning rates: cumulation for the rank-one path, rank-one and rank-μ updates, cumulation and
    /// damping for the step size, and the mean.
    let cC: Double, c1: Double, cMu: Double, cSigma: Double, dSigma: Double, cM: Double
    /// E‖N(0, I)‖.
    let chiN: Double

    private(set) var mean: [Double]
    private(set) var sigma: Double
    /// C, row-major d×d.
    private(set) var covariance: [Double]
    private(set) var pSigma: [Double]
    private(set) var pC: [Double]
    /// The number of updates so far (`cmaes`'s `generation`).
    private(set) var generation = 0

    // Termination (as `cmaes`): tolX = 1e-12·σ0, tolXUp, tolFun, the largest condition number.
    let tolX: Double
    let tolXUp = 1e4
    let tolFun = 1e-12
    let tolConditionCov = 1e14
    /// Generations whose best and worst values the tolFun criterion compares.
    let functionHistoryTerm: Int
    private var functionHistory: [Double]

    /// C = B·diag(D²)·Bᵀ, computed when first needed after an update.
    struct Eigenbasis: Sendable {
        /// B, row-major: column j is the eigenvector of the j-th smallest eigenvalue.
        var vectors: [Double]
        /// D: the square roots of the eigenvalues, ascending.
        var scales: [Double]
    }
    private var eigenbasisCache: Eigenbasis?

    static let meanLimit = 1e32
    static let sigmaLimit = 1e32
    static let epsilon = 1e-8

    /// The default population size, 4 + ⌊3 ln d⌋.
    static func defaultPopulationSize(dimension: Int) -> Int {
        4 + Int((3 * Foundation.log(Double(dimension))).rounded(.down))
    }

    /// A state centred on `mean` with step size `sigma`, C = I and zero paths.
    /// - Precondition: a non-empty finite mean, σ > 0, λ ≥ 2 (the sampler checks its options).
    init(mean: [Double], sigma: Double, populationSize: Int? = nil) {
        let n = mean.count
        precondition(n > 0 && sigma > 0 && mean.allSatisfy { abs($0) < Self.meanLimit }, "CMAESState: invalid mean or sigma")
        let lambda = populationSize ?? Self.defaultPopulationSize(dimension: n)
        precondition(lambda >= 2, "CMAESState: population size \(lambda) < 2")
        let mu = lambda / 2
        let nd = Double(n)

        // (eq. 49)
        let prime = (0..<lambda).map { Foundation.log(Double(lambda + 1) / 2) - Foundation.log(Double($0 + 1)) }
        func effective(_ slice: ArraySlice<Double>) -> Double {
            let sum = slice.reduce(0, +)
            return sum * sum / slice.reduce(0) { $0 + $1 * $1 }
        }
        let muEff = effective(prime[..<mu])
        let muEffMinus = effective(prime[mu...])

        let alphaCov = 2.0
        let c1 = alphaCov / ((nd + 1.3) * (nd + 1.3) + muEff)
        let cMu = min(1 - c1 - 1e-8, alphaCov * (muEff - 2 + 1 / muEff) / ((nd + 2) * (nd + 2) + alphaCov * muEff / 2))
        // (eqs. 50–52); with μ_eff = 1 the rank-μ rate is 0 and the first and last terms are +∞.
        let minAlpha = min(1 + c1 / cMu, 1 + 2 * muEffMinus / (muEff + 2), (1 - c1 - cMu) / (nd * cMu))
        // (eq. 53)
        let positiveSum = prime.filter { $0 > 0 }.reduce(0, +)
        let negativeSum = prime.filter { $0 < 0 }.reduce(0) { $0 + abs($1) }
        self.weights = prime.map { $0 >= 0 ? $0 / positiveSum : minAlpha / negativeSum * $0 }

        // (eqs. 55–56)
        let cSigma = (muEff + 2) / (nd + muEff + 5)
        self.dSigma = 1 + 2 * max(0, ((muEff - 1) / (nd + 1)).squareRoot() - 1) + cSigma
        self.cC = (4 + muEff / nd) / (nd + 4 + 2 * muEff / nd)
        self.cSigma = cSigma
        self.c1 = c1
        self.cMu = cMu
        self.cM = 1
        self.muEff = muEff
        self.chiN = nd.squareRoot() * (1 - 1 / (4 * nd) + 1 / (21 * nd * nd))
        self.dimension = n
        self.populationSize = lambda
        self.mu = mu

        self.mean = mean
        self.sigma = sigma
        var identity = [Double](repeating: 0, count: n * n)
        for i in 0..<n { identity[i * n + i] = 1 }
        self.covariance = identity
        self.pSigma = [Double](repeating: 0, count: n)
        self.pC = [Double](repeating: 0, count: n)

        self.tolX = 1e-12 * sigma
        self.functionHistoryTerm = 10 + Int((30 * nd / Double(lambda)).rounded(.up))
        self.functionHistory = [Double](repeating: .nan, count: 2 * functionHistoryTerm)
    }

    /// B and D of the current C, computed once per update through LAPACK (`syevd`). As `cmaes`,
    /// C is symmetrised first, negative eigenvalues are replaced by 1e-8, and C is rebuilt from
    /// B and D (so the next update starts from exactly the matrix that was sampled).
    /// - Throws: ``LinearAlgebraError`` for a non-finite C or a failed decomposition.
    mutating func eigenbasis() throws -> Eigenbasis {
        if let eigenbasisCache { return eigenbasisCache }
        let n = dimension
        for i in 0..<n {
            for j in 0..<i {
                let average = (covariance[i * n + j] + covariance[j * n + i]) / 2
                covariance[i * n + j] = average
                covariance[j * n + i] = average
            }
        }
        // One BLAS thread: the decomposition's rounding must not depend on the process's thread
        // count, so one seed gives the same trials whatever else runs (and the matrix is small).
        let (values, vectors) = try BLASThreads.withCount(1) {
            try Tensor<Double>(shape: [n, n], scalars: covariance).symmetricEigendecomposition()
        }
        let b = vectors.scalars
        let d = values.map { ($0 < 0 ? Self.epsilon : $0).squareRoot() }
        for i in 0..<n {
            for k in 0..<n {
                var sum = 0.0
                for j in 0..<n { sum += b[i * n + j] * d[j] * d[j] * b[k * n + j] }
                covariance[i * n + k] = sum
            }
        }
        let basis = Eigenbasis(vectors: b, scales: d)
        eigenbasisCache = basis
        return basis
    }

    /// One point of N(m, σ²C) inside the unit box: up to `maxResampling` draws until one lies in
    /// `[0, 1]^d`, then one more draw clipped into the box (`cmaes`'s `ask` with bounds).
    mutating func ask(using generator: inout SeededGenerator, maxResampling: Int) throws -> [Double] {
        let basis = try eigenbasis()
        for _ in 0..<maxResampling {
            let point = draw(basis, using: &generator)
            if point.allSatisfy({ $0 >= 0 && $0 <= 1 }) { return point }
        }
        return draw(basis, using: &generator).map { min(max($0, 0), 1) }
    }

    /// m + σ·B·D·z with z ~ N(0, I).
    private func draw(_ basis: Eigenbasis, using generator: inout SeededGenerator) -> [Double] {
        let n = dimension
        let scaled = (0..<n).map { basis.scales[$0] * generator.normal() }
        return (0..<n).map { i in
            var y = 0.0
            for j in 0..<n { y += basis.vectors[i * n + j] * scaled[j] }
            return mean[i] + sigma * y
        }
    }

    /// One generation's update from λ evaluated points (smaller values are better; ties keep the
    /// given order). Mean, σ, the paths and C move as in `cmaes`'s `CMA.tell`.
    /// - Precondition: exactly λ points of dimension d, every value finite.
    mutating func tell(_ solutions: [(point: [Double], value: Double)]) throws {
        let n = dimension
        precondition(solutions.count == populationSize, "CMAESState.tell: \(solutions.count) solutions, population size \(populationSize)")
        precondition(solutions.allSatisfy { $0.point.count == n && $0.value.isFinite && $0.point.allSatisfy { abs($0) < Self.meanLimit } },
                     "CMAESState.tell: a point of the wrong dimension, out of range, or a non-finite value")
        generation += 1
        let order = solutions.indices.sorted { (solutions[$0].value, $0) < (solutions[$1].value, $1) }
        let slot = 2 * (generation % functionHistoryTerm)
        functionHistory[slot] = solutions[order.first!].value
        functionHistory[slot + 1] = solutions[order.last!].value

        let basis = try eigenbasis()
        eigenbasisCache = nil
        let b = basis.vectors, d = basis.scales

        // y_k = (x_k − m)/σ ~ N(0, C), by rank.
        let y = order.map { index in (0..<n).map { (solutions[index].point[$0] - mean[$0]) / sigma } }

        // Selection and recombination (eq. 41).
        var yW = [Double](repeating: 0, count: n)
        for k in 0..<mu {
            for i in 0..<n { yW[i] += weights[k] * y[k][i] }
        }
        for i in 0..<n { mean[i] += cM * sigma * yW[i] }

        // C^(−1/2) = B·D⁻¹·Bᵀ.
        var inverseRoot = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for k in 0..<n {
                var sum = 0.0
                for j in 0..<n { sum += b[i * n + j] / d[j] * b[k * n + j] }
                inverseRoot[i * n + k] = sum
            }
        }
        func whiten(_ v: [Double]) -> [Double] {
            (0..<n).map { i in
                var sum = 0.0
                for k in 0..<n { sum += inverseRoot[i * n + k] * v[k] }
                return sum
            }
        }

        // Step-size control (eqs. 43–44).
        let whitenedMean = whiten(yW)
        let sigmaRate = (cSigma * (2 - cSigma) * muEff).squareRoot()
        for i in 0..<n { pSigma[i] = (1 - cSigma) * pSigma[i] + sigmaRate * whitenedMean[i] }
        let normPSigma = pSigma.reduce(0) { $0 + $1 * $1 }.squareRoot()
        sigma *= Foundation.exp((cSigma / dSigma) * (normPSigma / chiN - 1))
        sigma = min(sigma, Self.sigmaLimit)

        // Covariance adaptation (eqs. 45–47), with cmaes's h_σ (its generation counter is already
        // incremented here, hence g + 1).
        let stall = normPSigma / (1 - Foundation.pow(1 - cSigma, Double(2 * (generation + 1)))).squareRoot()
        let hSigma: Double = stall < (1.4 + 2 / Double(n + 1)) * chiN ? 1 : 0
        let pathRate = (cC * (2 - cC) * muEff).squareRoot()
        for i in 0..<n { pC[i] = (1 - cC) * pC[i] + hSigma * pathRate * yW[i] }

        let adjustedWeights = (0..<populationSize).map { k -> Double in
            guard weights[k] < 0 else { return weights[k] }
            let whitened = whiten(y[k])
            return weights[k] * Double(n) / (whitened.reduce(0) { $0 + $1 * $1 } + Self.epsilon)
        }
        let deltaHSigma = (1 - hSigma) * cC * (2 - cC)
        let decay = 1 + c1 * deltaHSigma - c1 - cMu * weights.reduce(0, +)
        for i in 0..<n {
            for j in 0..<n {
                var rankMu = 0.0
                for k in 0..<populationSize { rankMu += adjustedWeights[k] * y[k][i] * y[k][j] }
                covariance[i * n + j] = decay * covariance[i * n + j] + c1 * pC[i] * pC[j] + cMu * rankMu
            }
        }
    }

    /// Whether this run has stopped making progress (`cmaes`'s `should_stop`): the best and worst
    /// values of the last generations span less than tolFun; σ·Cᵢᵢ and σ·|p_c,i| are below tolX
    /// everywhere; σ·max D exceeds tolXUp (divergence); adding 0.2 standard deviations in a
    /// coordinate, or 0.1 in one principal axis (one axis per generation), leaves the mean
    /// unchanged; or C's condition number exceeds 1e14. One departure: `cmaes` compares σ·p_c
    /// (not its absolute value) with tolX, which every negative component passes.
    mutating func shouldStop() throws -> Bool {
        let n = dimension
        let basis = try eigenbasis()
        let diagonal = (0..<n).map { covariance[$0 * n + $0] }

        if generation > functionHistoryTerm,
           let high = functionHistory.max(), let low = functionHistory.min(), high - low < tolFun {
            return true
        }
        if diagonal.allSatisfy({ sigma * $0 < tolX }) && pC.allSatisfy({ sigma * abs($0) < tolX }) { return true }
        if sigma * basis.scales.max()! > tolXUp { return true }
        if (0..<n).contains(where: { mean[$0] == mean[$0] + 0.2 * sigma * diagonal[$0].squareRoot() }) { return true }
        let axis = generation % n
        if (0..<n).allSatisfy({ mean[$0] == mean[$0] + 0.1 * sigma * basis.scales[axis] * basis.vectors[$0 * n + axis] }) {
            return true
        }
        return basis.scales.max()! / basis.scales.min()! > tolConditionCov
    }
}
