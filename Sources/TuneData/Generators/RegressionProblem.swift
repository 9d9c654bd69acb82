import TuneTensor

/// A synthetic linear regression problem with scikit-learn's `make_regression` semantics:
/// standard-normal features, `informativeCount` of them with coefficients drawn from
/// 100·U(0, 1), the rest zero, and Gaussian noise on the target. Low-rank inputs
/// (`effective_rank`) and several targets are not supported.
public struct RegressionProblem: Sendable, Equatable {
    public var sampleCount = 100
    public var featureCount = 100
    public var informativeCount = 10
    public var bias = 0.0
    /// The standard deviation of the Gaussian noise added to the target.
    public var noise = 0.0
    public var shuffle = true
    public var seed: UInt64 = 0

    public init() {}

    /// - Throws: ``DataError`` naming the parameter, its allowed range and the value.
    public func validate() throws {
        func fail(_ message: String) -> DataError { DataError(source: "make_regression", message: message) }
        if sampleCount < 1 { throw fail("n_samples must be ≥ 1, got \(sampleCount)") }
        if featureCount < 1 { throw fail("n_features must be ≥ 1, got \(featureCount)") }
        if sampleCount.multipliedReportingOverflow(by: featureCount).overflow || sampleCount * featureCount > maximumGeneratedCells {
            throw fail("n_samples × n_features must be ≤ \(maximumGeneratedCells) (about 2 GB of features), got \(sampleCount) × \(featureCount)")
        }
        if informativeCount < 0 { throw fail("n_informative must be ≥ 0, got \(informativeCount)") }
        if !(noise >= 0 && noise.isFinite) { throw fail("noise must be ≥ 0, got \(noise)") }
        if !bias.isFinite { throw fail("bias must be finite, got \(bias)") }
    }

    /// The data set and the true coefficients (one per feature column, in the returned order).
    public func generateWithCoefficients(name: String = "make_regression") throws -> (dataset: Dataset, coefficients: [Double]) {
        try validate()
        var generator = SeededGenerator(seed: seed)
        let n = sampleCount, d = featureCount, informative = min(informativeCount, featureCount)
        let x = (0..<(n * d)).map { _ in generator.normal() }
        var coefficients = [Double](repeating: 0, count: d)
        for j in 0..<informative { coefficients[j] = 100 * generator.uniform() }
        var y = (0..<n).map { row in
            (0..<d).reduce(bias) { $0 + x[row * d + $1] * coefficients[$1] }
        }
        if noise > 0 {
            for row in 0..<n { y[row] += noise * generator.normal() }
        }
        var rowOrder = Array(0..<n), columnOrder = Array(0..<d)
        if shuffle {
            generator.shuffle(&rowOrder)
            generator.shuffle(&columnOrder)
        }
        var scalars = [Float]()
        scalars.reserveCapacity(n * d)
        for row in rowOrder {
            for column in columnOrder { scalars.append(Float(x[row * d + column])) }
        }
        let dataset = Dataset(
            name: name, features: Tensor(shape: [n, d], scalars: scalars), targets: rowOrder.map { Float(y[$0]) },
            featureNames: (0..<d).map { "x\($0)" }, task: .regression)
        return (dataset, columnOrder.map { coefficients[$0] })
    }

    /// The data set alone.
    public func generate(name: String = "make_regression") throws -> Dataset {
        try generateWithCoefficients(name: name).dataset
    }
}

/// `make_regression` with scikit-learn's parameter names and defaults.
public func makeRegression(
    nSamples: Int = 100, nFeatures: Int = 100, nInformative: Int = 10, bias: Double = 0, noise: Double = 0,
    shuffle: Bool = true, seed: UInt64 = 0
) throws -> Dataset {
    var problem = RegressionProblem()
    problem.sampleCount = nSamples
    problem.featureCount = nFeatures
    problem.informativeCount = nInformative
    problem.bias = bias
    problem.noise = noise
    problem.shuffle = shuffle
    problem.seed = seed
    return try problem.generate()
}
