/// The toolkit's one source of randomness: xoshiro256** (Blackman & Vigna, 2018), seeded
/// through SplitMix64.
///
/// Every random choice in TuneTrain flows from a seed through this type, so the same seed gives
/// the same numbers on every run, thread count and platform (the algorithm is pure 64-bit integer
/// arithmetic). Parallel work takes its own stream with ``split()`` (a jump of 2¹²⁸ steps, so
/// streams never overlap) or ``stream(_:)`` (an indexed child, independent of how many other
/// children were made or in which order), never a shared generator.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable, Codable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator whose whole sequence is determined by `seed`.
    public init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// Advances the state by 2¹²⁸ steps, the published jump polynomial of xoshiro256.
    public mutating func jump() {
        let polynomial: [UInt64] = [
            0x180e_c6d3_3cfd_0aba, 0xd5a6_1266_f0c9_392c, 0xa958_2618_e03f_c9aa, 0x39ab_dc45_29b1_661c,
        ]
        var (t0, t1, t2, t3): (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for word in polynomial {
            for bit in 0..<64 {
                if word & (1 << UInt64(bit)) != 0 {
                    t0 ^= s0
                    t1 ^= s1
                    t2 ^= s2
                    t3 ^= s3
                }
                _ = next()
            }
        }
        (s0, s1, s2, s3) = (t0, t1, t2, t3)
    }

    /// Returns a generator that continues this one's sequence and moves this one 2¹²⁸ steps ahead,
    /// so the two never produce overlapping numbers.
    public mutating func split() -> SeededGenerator {
        let child = self
        jump()
        return child
    }

    /// An independent child generator keyed by `index`, derived from the current state without
    /// advancing it: tree `i` of a forest or fold `k` of a cross-validation uses `stream(i)`, and
    /// gets the same numbers whichever thread builds it and however many siblings there are.
    public func stream(_ index: Int) -> SeededGenerator {
        var mixer = SplitMix64(state: s0 ^ rotateLeft(s1, 13) ^ rotateLeft(s2, 29) ^ rotateLeft(s3, 43))
        let base = mixer.next()
        var child = SeededGenerator(seed: base ^ SplitMix64.mix(UInt64(bitPattern: Int64(index)) &+ 0x632b_e59b_d9b4_e019))
        // Discard a few outputs so children of nearby indices decorrelate fully.
        for _ in 0..<4 { _ = child.next() }
        return child
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

/// SplitMix64 (Steele, Lea & Flood, 2014): turns one 64-bit seed into well-mixed state words.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        return SplitMix64.mix(state)
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
