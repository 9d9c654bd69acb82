import Foundation
import TuneOptim
import TuneTensor

/// Mini-batch training of a ``Network`` that advances one epoch at a time, so a caller (the
/// tuner) can watch each epoch and stop it.
///
/// Every epoch shuffles the rows with the session's generator, takes batches of `batchSize`
/// (the last may be smaller), runs forward, loss, backward and one optimizer step per parameter,
/// all in preallocated buffers. A NaN or infinite loss ends training with
/// ``ModelError/diverged(epoch:)``. A ``StepCallback`` sees every step's loss and may end training
/// after any step.
public struct TrainingSession<Scalar: TensorScalar> {
    public private(set) var network: Network<Scalar>
    public let configuration: TrainingConfiguration
    public private(set) var reports: [EpochReport] = []
    /// Whether the epochs are used up, early stopping fired or the step callback stopped it.
    public private(set) var isFinished = false
    /// Optimizer steps taken so far, across epochs.
    public private(set) var stepsTaken = 0

    private let loss: Loss
    private let features: Tensor<Scalar>
    private let targets: [Scalar]
    private let validate: ((Network<Scalar>) -> Double)?
    private let stepCallback: StepCallback?
    private let optimizer: AnyOptimizer<Scalar>
    private let schedule: LearningRateSchedule
    private var weightStates: [AnyOptimizer<Scalar>.State]
    private var biasStates: [AnyOptimizer<Scalar>.State]
    private var weightGradients: [Tensor<Scalar>]
    private var biasGradients: [Tensor<Scalar>]
    private var workspaces: [Int: NetworkWorkspace<Scalar>] = [:]
    private var batchInputs: [Int: Tensor<Scalar>] = [:]
    private var batchTargets: [Scalar]
    private var generator: SeededGenerator
    /// The adapted learning rate when `hypergradientRate` is positive.
    private var hypergradient: HypergradientLearningRate<Scalar>?
    private var best: (score: Double, network: Network<Scalar>, epoch: Int)?
    private let start = Date()

    /// - Parameters:
    ///   - validate: scores a network on held-out rows, higher is better (accuracy, R²); early
    ///     stopping watches it, or the negated training loss when there is none.
    ///   - stepCallback: called after every optimizer step; `.stop` ends training after that step.
    /// - Throws: ``ModelError`` for invalid settings.
    public init(
        network: Network<Scalar>, loss: Loss, features: Tensor<Scalar>, targets: [Scalar],
        configuration: TrainingConfiguration, validate: ((Network<Scalar>) -> Double)? = nil,
        stepCallback: StepCallback? = nil
    ) throws {
        try check(configuration.batchSize >= 1, "batch_size", ">= 1", configuration.batchSize)
        try check(configuration.epochs >= 1, "epochs", ">= 1", configuration.epochs)
        try check(configuration.weightPenalty >= 0, "alpha", ">= 0", configuration.weightPenalty)
        try check(configuration.patience >= 0, "patience", ">= 0", configuration.patience)
        try check(configuration.minimumImprovement >= 0, "min_delta", ">= 0", configuration.minimumImprovement)
        precondition(features.rows == targets.count, "TrainingSession: \(features.rows) rows, \(targets.count) targets")
        do {
            optimizer = try configuration.optimizer.makeOptimizer(Scalar.self)
        } catch let error as InvalidHyperparameter {
            throw ModelError.invalidHyperparameter(name: error.name, constraint: error.constraint, value: error.value)
        }
        self.network = network
        self.configuration = configuration
        self.loss = loss
        self.features = features
        self.targets = targets
        self.validate = validate
        self.stepCallback = stepCallback
        schedule = configuration.schedule.schedule(epochs: configuration.epochs)
        weightStates = optimizer.makeStates(for: network.weights)
        biasStates = optimizer.makeStates(for: network.biases)
        if configuration.hypergradientRate > 0 {
            hypergradient = HypergradientLearningRate(
                initialRate: Scalar(configuration.optimizer.learningRate), hypergradientRate: Scalar(configuration.hypergradientRate),
                rule: configuration.hypergradientRule, weights: network.weights, biases: network.biases)
        }
        weightGradients = network.weights.map { Tensor(zeros: $0.shape) }
        biasGradients = network.biases.map { Tensor(zeros: $0.shape) }
        batchTargets = [Scalar](repeating: 0, count: min(configuration.batchSize, features.rows))
        generator = SeededGenerator(seed: configuration.seed)
    }

    /// Trains one epoch and reports it (a partial epoch when the step callback stops it: its loss
    /// is the mean over the batches taken).
    /// - Throws: ``ModelError/diverged(epoch:)`` when the loss stops being finite.
    @discardableResult
    public mutating func runEpoch() throws -> EpochReport {
        precondition(!isFinished, "TrainingSession: training already finished")
        let epoch = reports.count + 1
        let learningRate = Scalar(schedule.learningRate(base: configuration.optimizer.learningRate, atStep: epoch - 1))
        let order = generator.permutation(features.rows)
        var lossSum = 0.0
        var batches = 0
        var start = 0
        var stepCallbackStopped = false
        while start < order.count, !stepCallbackStopped {
            let end = min(start + configuration.batchSize, order.count)
            let batchLoss = step(rows: order[start..<end], learningRate: learningRate)
            guard batchLoss.isFinite else {
                isFinished = true
                throw ModelError.diverged(epoch: epoch)
            }
            lossSum += batchLoss
            batches += 1
            start = end
            stepsTaken += 1
            stepCallbackStopped = stepCallback?(stepsTaken, batchLoss) == .stop
        }
        let report = EpochReport(
            epoch: epoch, trainLoss: lossSum / Double(batches), validationMetric: validate?(network),
            elapsedSeconds: Date().timeIntervalSince(self.start), learningRate: Double(hypergradient?.rate ?? learningRate))
        reports.append(report)
        updateEarlyStopping(report)
        if epoch >= configuration.epochs || stepCallbackStopped { finish() }
        return report
    }

    /// Runs the remaining epochs, calling `callback` after each.
    ///
    /// Small networks train with BLAS on one thread: below a few million flops per batch, waking a
    /// second BLAS thread for every product costs more than it saves (and spins the other core).
    public mutating func run(callback: EpochCallback? = nil) throws {
        let threads = batchFlops < Self.multithreadingThreshold ? 1 : BLASThreads.count
        try BLASThreads.withCount(threads) {
            while !isFinished {
                let report = try runEpoch()
                if callback?(report) == .stop { finish() }
            }
        }
    }

    /// Forward-pass flops of one full batch: 2·batch·Σ inputs·outputs over the linear layers.
    private var batchFlops: Int {
        network.layers.reduce(0) { total, layer in
            if case .linear(let inputs, let outputs) = layer { return total + 2 * configuration.batchSize * inputs * outputs }
            return total
        }
    }

    /// The batch size in flops above which BLAS runs on all its threads.
    static var multithreadingThreshold: Int { 20_000_000 }

    /// Ends training now (restoring the best weights if configured).
    public mutating func finish() {
        isFinished = true
        if configuration.restoreBestWeights, configuration.patience > 0, let best { network = best.network }
    }

    private mutating func updateEarlyStopping(_ report: EpochReport) {
        guard configuration.patience > 0 else { return }
        let score = report.validationMetric ?? -report.trainLoss
        if best == nil || score > best!.score + configuration.minimumImprovement {
            best = (score, network, report.epoch)
        } else if report.epoch - best!.epoch >= configuration.patience {
            finish()
        }
    }

    /// One optimizer step on the rows given; returns the batch loss (with the penalty).
    private mutating func step(rows: ArraySlice<Int>, learningRate: Scalar) -> Double {
        let size = rows.count
        if workspaces[size] == nil {
            workspaces[size] = NetworkWorkspace(network: network, batchSize: size)
            batchInputs[size] = Tensor(zeros: [size, features.columns])
        }
        features.gatherRows(rows, into: &batchInputs[size]!)
        for (position, row) in rows.enumerated() { batchTargets[position] = targets[row] }
        let input = batchInputs[size]!
        var workspace = workspaces.removeValue(forKey: size)!
        defer { workspaces[size] = workspace }

        network.forward(input, workspace: &workspace, training: true, generator: &generator)
        let last = network.layers.count - 1
        var value = batchTargets.withUnsafeBufferPointer { t in
            loss.evaluate(output: workspace.outputs[last], targets: UnsafeBufferPointer(rebasing: t[0..<size]), gradient: &workspace.gradients[last])
        }
        network.backward(input, workspace: &workspace, weightGradients: &weightGradients, biasGradients: &biasGradients)
        let penalty = Scalar(configuration.weightPenalty)
        if penalty > 0 {
            for index in network.weights.indices {
                value += 0.5 * Double(penalty) * Double(network.weights[index].dot(network.weights[index]))
                weightGradients[index].addScaled(network.weights[index], by: penalty)
            }
        }
        guard value.isFinite else { return value }
        var rate = learningRate
        if hypergradient != nil {
            hypergradient!.adapt(weightGradients: weightGradients, biasGradients: biasGradients, weights: network.weights, biases: network.biases)
            rate = hypergradient!.rate
        }
        optimizer.update(&network.weights, gradients: weightGradients, states: &weightStates, learningRate: rate)
        optimizer.update(&network.biases, gradients: biasGradients, states: &biasStates, learningRate: rate)
        hypergradient?.record(weights: network.weights, biases: network.biases)
        return value
    }
}
