import TuneTensor

/// A synthetic classification problem with scikit-learn's `make_classification` semantics:
/// Gaussian clusters on the vertices of a hypercube in the informative subspace, plus redundant
/// (linear combinations), repeated (copied) and useless (noise) features, and a fraction of
/// labels flipped at random (Guyon 2003, the NIPS feature-selection benchmark design).
///
/// The random numbers come from ``SeededGenerator``, not NumPy's, so the values differ from
/// scikit-learn's for the same seed while the structure is the same.
public struct ClassificationProblem: Sendable, Equatable {
    public var sampleCount = 100
    public var featureCount = 20
    public var informativeCount = 2
    public var redundantCount = 2
    public var repeatedCount = 0
    public var classCount = 2
    public var clustersPerClass = 2
    /// Class proportions (`nil`: balanced); may list one fewer than `classCount`, the last
    /// class taking the rest, as scikit-learn.
    public var weights: [Double]? = nil
    /// The fraction of labels replaced by a random class.
    public var flipFraction = 0.01
    /// Half the hypercube's side: larger separates classes more.
    public var classSeparation = 1.0
    /// Clusters on the hypercube's vertices (else on a random polytope).
    public var hypercube = true
    public var shift = 0.0
    public var scale = 1.0
    public var shuffle = true
    public var seed: UInt64 = 0

    public init() {}

    /// Checks the parameters as scikit-learn does.
    /// - Throws: ``DataError`` naming the parameter, its allowed range and the value.
    public func validate() throws {
        func fail(_ message: String) -> DataError { DataError(source: "make_classification", message: message) }
        if sampleCount < 1 { throw fail("n_samples must be ≥ 1, got \(sampleCount)") }
        if featureCount < 1 { throw fail("n_features must be ≥ 1, got \(featureCount)") }
        if sampleCount.multipliedReportingOverflow(by: featureCount).overflow || sampleCount * featureCount > maximumGeneratedCells {
            throw fail("n_samples × n_features must be ≤ \(maximumGeneratedCells) (about 2 GB of features), got \(sampleCount) × \(featureCount)")
        }
        if informativeCount < 1 { throw fail("n_informative must be ≥ 1, got \(informativeCount)") }
        if redundantCount < 0 || repeatedCount < 0 { throw fail("n_redundant and n_repeated must be ≥ 0") }
        if informativeCount + redundantCount + repeatedCount > featureCount {
            throw fail("n_informative + n_redundant + n_repeated must be ≤ n_features (\(featureCount)), got \(informativeCount + redundantCount + repeatedCount)")
        }
        if classCount < 2 { throw fail("n_classes must be ≥ 2, got \(classCount)") }
        if clustersPerClass < 1 { throw fail("n_clusters_per_class must be ≥ 1, got \(clustersPerClass)") }
        if informativeCount < 62, classCount * clustersPerClass > (1 << informativeCount) {
            throw fail("n_classes × n_clusters_per_class must be ≤ 2^n_informative (\(1 << informativeCount)), got \(classCount * clustersPerClass)")
        }
        if let weights {
            if weights.count != classCount && weights.count != classCount - 1 {
                throw fail("weights needs n_classes (\(classCount)) or n_classes - 1 values, got \(weights.count)")
            }
            if weights.contains(where: { $0 < 0 }) || weights.reduce(0, +) > 1 + 1e-9 {
                throw fail("weights must be ≥ 0 and sum to at most 1, got \(weights)")
            }
        }
        if !(0...1).contains(flipFraction) { throw fail("flip_y must be in [0, 1], got \(flipFraction)") }
        if !(classSeparation.isFinite && scale.isFinite && shift.isFinite) {
            throw fail("class_sep, shift and scale must be finite")
        }
    }

    /// Generates the data set (features `x0...`, classes `"0"...`).
    public func generate(name: String = "make_classification") throws -> Dataset {
        try validate()
        var generator = SeededGenerator(seed: seed)
        let n = sampleCount, informative = informativeCount
        let clusterCount = classCount * clustersPerClass

        var classWeights = weights ?? Array(repeating: 1 / Double(classCount), count: classCount)
        if classWeights.count == classCount - 1 { classWeights.append(1 - classWeights.reduce(0, +)) }
        var perCluster = (0..<clusterCount).map {
            Int(Double(n) * classWeights[$0 % classCount] / Double(clustersPerClass))
        }
        for i in 0..<(n - perCluster.reduce(0, +)) { perCluster[i % clusterCount] += 1 }

        var centroids = hypercubeVertices(count: clusterCount, dimensions: informative, using: &generator)
            .map { $0.map { $0 * 2 * classSeparation - classSeparation } }
        if !hypercube {
            let clusterScales = (0..<clusterCount).map { _ in generator.uniform() }
            let dimensionScales = (0..<informative).map { _ in generator.uniform() }
            for c in 0..<clusterCount {
                for d in 0..<informative { centroids[c][d] *= clusterScales[c] * dimensionScales[d] }
            }
        }

        var x = [[Double]](repeating: [Double](repeating: 0, count: featureCount), count: n)
        var y = [Int](repeating: 0, count: n)
        for row in 0..<n {
            for d in 0..<informative { x[row][d] = generator.normal() }
        }
        var stop = 0
        for (cluster, centroid) in centroids.enumerated() {
            let start = stop
            stop += perCluster[cluster]
            let covariance = (0..<informative).map { _ in (0..<informative).map { _ in 2 * generator.uniform() - 1 } }
            for row in start..<stop {
                y[row] = cluster % classCount
                let original = Array(x[row][0..<informative])
                for j in 0..<informative {
                    var value = 0.0
                    for k in 0..<informative { value += original[k] * covariance[k][j] }
                    x[row][j] = value + centroid[j]
                }
            }
        }
        if redundantCount > 0 {
            let mixing = (0..<informative).map { _ in (0..<redundantCount).map { _ in 2 * generator.uniform() - 1 } }
            for row in 0..<n {
                for j in 0..<redundantCount {
                    var value = 0.0
                    for k in 0..<informative { value += x[row][k] * mixing[k][j] }
                    x[row][informative + j] = value
                }
            }
        }
        if repeatedCount > 0 {
            let available = informative + redundantCount
            let sources = (0..<repeatedCount).map { _ in Int(Double(available - 1) * generator.uniform() + 0.5) }
            for row in 0..<n {
                for (j, source) in sources.enumerated() { x[row][available + j] = x[row][source] }
            }
        }
        let firstUseless = informative + redundantCount + repeatedCount
        for row in 0..<n {
            for j in firstUseless..<featureCount { x[row][j] = generator.normal() }
        }
        if flipFraction > 0 {
            let flipped = (0..<n).filter { _ in generator.uniform() < flipFraction }
            for row in flipped { y[row] = generator.integer(in: 0..<classCount) }
        }
        for row in 0..<n {
            for j in 0..<featureCount { x[row][j] = (x[row][j] + shift) * scale }
        }
        var rowOrder = Array(0..<n), columnOrder = Array(0..<featureCount)
        if shuffle {
            generator.shuffle(&rowOrder)
            generator.shuffle(&columnOrder)
        }
        var scalars = [Float]()
        scalars.reserveCapacity(n * featureCount)
        for row in rowOrder {
            for column in columnOrder { scalars.append(Float(x[row][column])) }
        }
        return Dataset(
            name: name, features: Tensor(shape: [n, featureCount], scalars: scalars),
            targets: rowOrder.map { Float(y[$0]) },
            featureNames: (0..<featureCount).map { "x\($0)" },
            task: .classification(classNames: (0..<classCount).map(String.init)))
    }

    /// `count` distinct vertices of the unit hypercube in `dimensions` dimensions, as 0/1 vectors.
    private func hypercubeVertices(count: Int, dimensions: Int, using generator: inout SeededGenerator) -> [[Double]] {
        var chosen = Set<[Double]>()
        var vertices: [[Double]] = []
        if dimensions <= 30 {
            for code in generator.sample(count, from: 1 << dimensions) {
                vertices.append((0..<dimensions).map { Double((code >> $0) & 1) })
            }
            return vertices
        }
        while vertices.count < count {
            let vertex = (0..<dimensions).map { _ in Double(generator.integer(in: 0..<2)) }
            if chosen.insert(vertex).inserted { vertices.append(vertex) }
        }
        return vertices
    }
}

/// `make_classification` with scikit-learn's parameter names and defaults, for readers of the
/// documents' examples.
public func makeClassification(
    nSamples: Int = 100, nFeatures: Int = 20, nInformative: Int = 2, nRedundant: Int = 2, nRepeated: Int = 0,
    nClasses: Int = 2, nClustersPerClass: Int = 2, weights: [Double]? = nil, flipY: Double = 0.01,
    classSep: Double = 1.0, hypercube: Bool = true, shift: Double = 0, scale: Double = 1, shuffle: Bool = true,
    seed: UInt64 = 0
) throws -> Dataset {
    var problem = ClassificationProblem()
    problem.sampleCount = nSamples
    problem.featureCount = nFeatures
    problem.informativeCount = nInformative
    problem.redundantCount = nRedundant
    problem.repeatedCount = nRepeated
    problem.classCount = nClasses
    problem.clustersPerClass = nClustersPerClass
    problem.weights = weights
    problem.flipFraction = flipY
    problem.classSeparation = classSep
    problem.hypercube = hypercube
    problem.shift = shift
    problem.scale = scale
    problem.shuffle = shuffle
    problem.seed = seed
    return try problem.generate()
}
