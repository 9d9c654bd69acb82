import TuneTensor

/// The documents' linear-regression example (`002_57ed9592af0011c8.txt` §4): x ~ U(0, 1) and
/// y = slope·x + intercept + noise·N(0, 1), by default y = 2x + 1 + 0.5·noise on 100 rows.
public struct LineProblem: Sendable, Equatable {
    public var sampleCount = 100
    public var slope = 2.0
    public var intercept = 1.0
    public var noise = 0.5
    public var seed: UInt64 = 0

    public init() {}

    /// - Throws: ``DataError`` naming a parameter out of range.
    public func generate(name: String = "make_line") throws -> Dataset {
        guard sampleCount >= 2, sampleCount <= maximumGeneratedCells else {
            throw DataError(source: "make_line", message: "n_samples must be in 2...\(maximumGeneratedCells), got \(sampleCount)")
        }
        guard noise >= 0, noise.isFinite, slope.isFinite, intercept.isFinite else {
            throw DataError(source: "make_line", message: "slope and intercept must be finite and noise ≥ 0")
        }
        var generator = SeededGenerator(seed: seed)
        let x = (0..<sampleCount).map { _ in generator.uniform() }
        let y = x.map { slope * $0 + intercept + noise * generator.normal() }
        return Dataset(
            name: name, features: Tensor(shape: [sampleCount, 1], scalars: x.map { Float($0) }),
            targets: y.map { Float($0) }, featureNames: ["x"], task: .regression)
    }
}

/// The most feature cells a generator will make (500 million Floats, about 2 GB): a typo such as
/// `n_samples=1000000000` gets an error instead of exhausting memory.
let maximumGeneratedCells = 500_000_000
