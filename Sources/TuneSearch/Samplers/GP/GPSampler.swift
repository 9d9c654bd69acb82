import Foundation
import TuneTensor

/// Bayesian optimisation with a Gaussian process (as Optuna's `GPSampler` and scikit-optimize's
/// `gp_minimize`): sample-efficient on small budgets of expensive trials, at a cost per trial
/// that grows with the cube of the number of trials (fine for hundreds, not for tens of
/// thousands: use TPE there).
///
/// After `startupTrials` quasi-random trials (scrambled Sobol over the known space), each trial:
/// - encodes the finished trials in the unit box (log parameters in log space, categoricals
///   one-hot) and standardises their values (maximised internally); FAIL and PRUNED trials are
///   imputed with the worst completed value, so the search steers away from divergent settings;
/// - fits a Matérn-5/2 kernel with one length scale per coordinate (``KernelFit``: maximum
///   penalised marginal likelihood, L-BFGS from the previous fit and from the prior's centre);
/// - with concurrent workers, adds each other RUNNING trial at the worst observed value (the
///   "constant liar"), so the model expects nothing near it and workers do not pile onto one
///   point (a kriging believer, which adds them at their posterior mean, still lets a second
///   worker pick a point next to a running one once the model is confident);
/// - maximises the acquisition (log expected improvement by default) with ``AcquisitionSearch``
///   over 512 scrambled Sobol candidates (Optuna draws 2,048; 512 found as good optima on the
///   benchmark functions at a third of the cost at 300 trials), refined by gradient steps.
///
/// The modelled space is the intersection of the finished trials' spaces (parameters every trial
/// has); conditional parameters outside it are drawn at random.
public struct GPSampler: Sampler {
    public let seed: UInt64
    public let startupTrials: Int
    public let candidates: Int
    public let acquisition: GPAcquisition
    /// Whether RUNNING trials of other workers are added at the worst observed value.
    public let constantLiar: Bool
    private let startup: QuasiRandomSampler
    private let fallback: RandomSampler
    /// The last fitted kernel per modelled space: the next fit starts from it.
    let fits = KernelCache()
    private let intersections = IntersectionCache()

    /// - Parameters:
    ///   - searchSpace: the space, when known before the first trial (the CLI knows it), so that
    ///     every startup trial is quasi-random; otherwise the first trial is random.
    /// - Throws: ``StudyError/invalidSetting(_:)`` for a negative startup count, fewer than one
    ///   candidate or a UCB weight that is not positive.
    public init(seed: UInt64 = 0, startupTrials: Int = 10, candidates: Int = 512,
                acquisition: GPAcquisition = .logExpectedImprovement, constantLiar: Bool = true,
                searchSpace: SearchSpace? = nil) throws {
        guard startupTrials >= 0 else { throw StudyError.invalidSetting("startupTrials must be >= 0, got \(startupTrials)") }
        guard candidates >= 1 else { throw StudyError.invalidSetting("candidates must be >= 1, got \(candidates)") }
        if case .upperConfidenceBound(let beta) = acquisition, !(beta > 0 && beta.isFinite) {
            throw StudyError.invalidSetting("the upper confidence bound's beta must be > 0, got \(beta)")
        }
        self.seed = seed
        self.startupTrials = startupTrials
        self.candidates = candidates
        self.acquisition = acquisition
        self.constantLiar = constantLiar
        self.startup = QuasiRandomSampler(sequence: .sobol, scrambled: true, seed: seed, searchSpace: searchSpace)
        self.fallback = RandomSampler(seed: seed)
    }

    private func completedCount(_ history: TrialHistory, excluding number: Int) -> Int {
        history.trials.reduce(0) { $0 + ($1.state == .complete && $1.number != number ? 1 : 0) }
    }

    private func inStartup(_ history: TrialHistory, trial: TrialRecord) -> Bool {
        completedCount(history, excluding: trial.number) < max(startupTrials, 1)
    }

    public func relativeSearchSpace(history: TrialHistory, trial: TrialRecord) -> SearchSpace {
        if inStartup(history, trial: trial) { return startup.relativeSearchSpace(history: history, trial: trial) }
        return intersections.intersection(of: history)
    }

    public func sampleRelative(history: TrialHistory, trial: TrialRecord, searchSpace: SearchSpace) throws -> [String: Double] {
        guard !searchSpace.isEmpty else { return [:] }
        if inStartup(history, trial: trial) {
            return try startup.sampleRelative(history: history, trial: trial, searchSpace: searchSpace)
        }
        // The model's matrices are small: a second BLAS thread costs more in synchronisation than
        // it saves, and waits for a core whenever another process or worker holds one.
        return try BLASThreads.withCount(1) { try sample(searchSpace, history: history, trial: trial) }
    }

    public func sampleIndependent(
        history: TrialHistory, trial: TrialRecord, name: String, distribution: ParameterDistribution
    ) throws -> Double {
        try fallback.sampleIndependent(history: history, trial: trial, name: name, distribution: distribution)
    }

    /// The GP's choice for `space`.
    func sample(_ space: SearchSpace, history: TrialHistory, trial: TrialRecord) throws -> [String: Double] {
        let transform = SearchSpaceTransform(space, categoricalEncoding: .oneHot)
        let data = GPObservations(history: history, transform: transform, current: trial.number)
        guard !data.targets.isEmpty else { return try startup.sampleRelative(history: history, trial: trial, searchSpace: space) }
        let kernel = fittedKernel(space, data)
        let lies = constantLiar ? data.running : []
        let process = try GaussianProcess(kernel: kernel, inputs: data.inputs + lies.flatMap { $0 }, dimension: transform.dimension,
                                          targets: data.targets + lies.map { _ in data.targets.min()! })
        var generator = TrialRandomness.generator(seed: seed, trialNumber: trial.number, label: "gp:" + space.names.joined(separator: ","))
        let sobol = try SobolSequence(dimension: transform.dimension, scrambling: .linearMatrixWithShift, seed: generator.next())
        let points = (0..<candidates).map { sobol.point(at: $0) }
        let dimension = transform.dimension
        let evaluated = (0..<data.targets.count).map { Array(data.inputs[$0 * dimension..<($0 + 1) * dimension]) } + data.running
        let search = AcquisitionSearch(process: process, acquisition: acquisition, best: data.targets.max()!, transform: transform,
                                       excluded: Set(evaluated))
        return transform.decode(search.maximize(candidates: points, starts: data.bestInputs, using: &generator).point)
    }
}

extension GPSampler {
    /// The kernel for `data`: refitted when the observations have grown by 5% since the last
    /// fit (every trial early on, every 15th at 300 trials), otherwise the last fit, which barely
    /// moves between neighbouring trials; refitting costs dozens of likelihood evaluations of
    /// cubic cost, the larger part of a trial's cost late in a study. A refit starts from the last
    /// fit, and every fourth one (and the first) also from the prior's centre, so the fit can leave
    /// a local optimum of the likelihood it settled in early.
    func fittedKernel(_ space: SearchSpace, _ data: GPObservations) -> MaternKernel {
        let count = data.targets.count
        let dimension = data.inputs.count / max(count, 1)
        let previous = fits.fit(for: space).flatMap { $0.kernel.inverseSquaredLengthScales.count == dimension ? $0 : nil }
        if let previous, count < previous.count + previous.count / 20 {
            return previous.kernel
        }
        let refits = (previous?.refits ?? -1) + 1
        let fit = KernelFit(inputs: data.inputs, targets: data.targets, dimension: dimension)
        let fromPrior = previous == nil || refits % 4 == 0 ? [MaternKernel.initial(dimension: dimension)] : []
        let kernel = fit.fit(starts: (previous.map { [$0.kernel] } ?? []) + fromPrior)
        fits.store(GPFit(kernel: kernel, count: count, refits: refits), for: space)
        return kernel
    }
}

/// The finished trials of a study as a GP's training data: box coordinates and standardised,
/// maximised values, plus the coordinates of the RUNNING trials.
struct GPObservations {
    /// `count × dimension`, row-major.
    var inputs: [Double] = []
    var targets: [Double] = []
    var running: [[Double]] = []
    /// The coordinates of the best observed trial (a start for the acquisition search).
    var bestInputs: [[Double]] = []

    init(history: TrialHistory, transform: SearchSpaceTransform, current: Int) {
        let sign = history.direction == .minimize ? -1.0 : 1.0
        var values: [Double?] = []
        for trial in history.trials where trial.number != current {
            guard let point = Self.point(trial, transform) else { continue }
            switch trial.state {
            case .complete where trial.value?.isFinite == true:
                inputs += point
                values.append(sign * trial.value!)
            case .complete, .fail, .pruned:
                inputs += point
                values.append(nil)
            case .running:
                running.append(point)
            case .waiting:
                continue
            }
        }
        let observed = values.compactMap { $0 }
        guard let worst = observed.min(), let bestValue = observed.max() else {
            inputs = []
            return
        }
        let filled = values.map { $0 ?? worst }
        let mean = filled.reduce(0, +) / Double(filled.count)
        let variance = filled.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(filled.count)
        let deviation = variance > 0 ? variance.squareRoot() : 1
        targets = filled.map { ($0 - mean) / deviation }
        let dimension = transform.dimension
        if let bestIndex = filled.firstIndex(of: bestValue) {
            bestInputs = [Array(inputs[bestIndex * dimension..<(bestIndex + 1) * dimension])]
        }
    }

    /// The trial's coordinates, or nil when it lacks a parameter of the space or drew one from
    /// another distribution.
    private static func point(_ trial: TrialRecord, _ transform: SearchSpaceTransform) -> [Double]? {
        for parameter in transform.space.parameters {
            guard trial.distributions[parameter.name] == parameter.distribution, trial.internalParameters[parameter.name] != nil else { return nil }
        }
        return transform.encode(trial.internalParameters)
    }
}

/// A fitted kernel, how many observations it was fitted to, and how many refits preceded it.
struct GPFit {
    var kernel: MaternKernel
    var count: Int
    var refits: Int
}

/// The last fit for each modelled space (a sampler serves one study).
final class KernelCache: @unchecked Sendable {
    private let lock = NSLock()
    private var fits: [SearchSpace: GPFit] = [:]

    func fit(for space: SearchSpace) -> GPFit? {
        lock.lock()
        defer { lock.unlock() }
        return fits[space]
    }

    func store(_ fit: GPFit, for space: SearchSpace) {
        lock.lock()
        defer { lock.unlock() }
        fits[space] = fit
    }
}
