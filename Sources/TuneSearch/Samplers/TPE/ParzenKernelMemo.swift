import Foundation

/// What the Parzen estimators compute about each observation's kernel in each numeric dimension —
/// the log of the mass its normal puts on `[0, 1]`, the continuous density's offset, and the log
/// masses it puts on the discrete cells candidates fall in — remembered between sampling calls.
/// An observation's kernel keeps its centre for ever and, once the study is long, mostly its
/// bandwidth too (most sit at the magic clip), so the `erfc`s and logarithms are recomputed only
/// when the bandwidth changes; a remembered value is the value computed afresh.
///
/// Observations are known by keys `0..<keyCount` (a ``TPEObservationStore``'s slots); -1 is an
/// observation not remembered. Not thread-safe: its owner serialises access.
final class ParzenKernelMemo {
    /// A kernel's constants for one bandwidth.
    struct Constants {
        /// log of the normal's mass on `[0, 1]`.
        var logMass: Double
        /// −log σ − log √(2π) − ``logMass``: the log density at the centre.
        var continuousOffset: Double
    }

    /// Distinct cells remembered per discrete dimension; masses on further cells are computed
    /// afresh (a wide integer range would otherwise fill memory).
    static let cellsPerDimension = 64

    private let dimensionCount: Int
    /// Keys run from 0 to `keyCount - 1`.
    private(set) var keyCount = 0
    /// Per key, per dimension (key-major): the bandwidth the constants were computed for (NaN:
    /// none yet), and the constants.
    private var bandwidths: [Double] = []
    private var constants: [Constants] = []
    /// Per discrete dimension: each remembered cell's number, by its coordinate.
    private var cellNumbers: [[Double: Int]]
    /// Per dimension and cell number (`d * cellsPerDimension + cell`), per key: the bandwidth the
    /// mass was computed for (NaN: none yet), and the log mass.
    private var cellBandwidths: [[Double]]
    private var cellLogMasses: [[Double]]

    init(dimensions: Int) {
        dimensionCount = dimensions
        cellNumbers = [[Double: Int]](repeating: [:], count: dimensions)
        cellBandwidths = [[Double]](repeating: [], count: dimensions * Self.cellsPerDimension)
        cellLogMasses = [[Double]](repeating: [], count: dimensions * Self.cellsPerDimension)
    }

    /// Makes room for one more key (`keyCount`, before the call).
    func addKey() {
        keyCount += 1
    }

    /// `array` extended with `filler` to at least `count` elements (doubling, so growth is amortised).
    private static func grow<T>(_ array: inout [T], to count: Int, with filler: T) {
        guard array.count < count else { return }
        array += repeatElement(filler, count: max(count, 2 * array.count) - array.count)
    }

    /// The constants of the kernels of one group's observations in dimension `d`, one array per
    /// constant: observation `k` has key `keys[k]` and its kernel is centred at `centres[k]` (the
    /// same for every call with this key and dimension) with bandwidth `sigmas[k]`.
    func constants(dimension d: Int, centres: [Double], bandwidths sigmas: [Double], keys: [Int])
        -> (logMasses: [Double], continuousOffsets: [Double]) {
        Self.grow(&bandwidths, to: keyCount * dimensionCount, with: .nan)
        Self.grow(&constants, to: keyCount * dimensionCount, with: Constants(logMass: 0, continuousOffset: 0))
        var offsets = [Double](repeating: 0, count: keys.count)
        let logMasses = bandwidths.withUnsafeMutableBufferPointer { remembered in
            constants.withUnsafeMutableBufferPointer { rememberedConstants in
                offsets.withUnsafeMutableBufferPointer { offsets in
                    [Double](unsafeUninitializedCapacity: keys.count) { logMasses, initialized in
                        for k in keys.indices {
                            let kernel: Constants
                            if keys[k] >= 0 {
                                precondition(keys[k] < keyCount, "unknown memo key")
                                let entry = keys[k] * dimensionCount + d
                                if remembered[entry] != sigmas[k] {
                                    remembered[entry] = sigmas[k]
                                    rememberedConstants[entry] = Constants(mu: centres[k], sigma: sigmas[k])
                                }
                                kernel = rememberedConstants[entry]
                            } else {
                                kernel = Constants(mu: centres[k], sigma: sigmas[k])
                            }
                            logMasses[k] = kernel.logMass
                            offsets[k] = kernel.continuousOffset
                        }
                        initialized = keys.count
                    }
                }
            }
        }
        return (logMasses, offsets)
    }

    /// Each kernel's log mass on the discrete cell at coordinate `cell` of dimension `d`: kernel
    /// `k` has key `keys[k]` and bandwidth `sigmas[k]`; `compute(k)` computes its mass afresh.
    func cellLogMasses(dimension d: Int, cell: Double, bandwidths sigmas: [Double], keys: [Int],
                       compute: (Int) -> Double) -> [Double] {
        let number: Int
        if let known = cellNumbers[d][cell] {
            number = known
        } else if cellNumbers[d].count < Self.cellsPerDimension {
            number = cellNumbers[d].count
            cellNumbers[d][cell] = number
        } else {
            return keys.indices.map(compute)
        }
        let column = d * Self.cellsPerDimension + number
        Self.grow(&cellBandwidths[column], to: keyCount, with: .nan)
        Self.grow(&cellLogMasses[column], to: keyCount, with: 0)
        return cellBandwidths[column].withUnsafeMutableBufferPointer { remembered in
            cellLogMasses[column].withUnsafeMutableBufferPointer { masses in
                keys.indices.map { k in
                    let key = keys[k]
                    guard key >= 0 else { return compute(k) }
                    precondition(key < keyCount, "unknown memo key")
                    if remembered[key] != sigmas[k] {
                        remembered[key] = sigmas[k]
                        masses[key] = compute(k)
                    }
                    return masses[key]
                }
            }
        }
    }
}

extension ParzenKernelMemo.Constants {
    /// Computed afresh for the kernel centred at `mu` with bandwidth `sigma`.
    init(mu: Double, sigma: Double) {
        logMass = NormalDistribution.logMass((0 - mu) / sigma, (1 - mu) / sigma)
        continuousOffset = -log(sigma) - NormalDistribution.logSquareRootTwoPi - logMass
    }
}
