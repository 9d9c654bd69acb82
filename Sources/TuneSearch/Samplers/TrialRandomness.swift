import TuneTensor

/// The random generator a sampler uses for one draw, derived from the sampler's seed, the trial's
/// number and a label (a parameter name, or "relative"): draws do not depend on the order in which
/// workers ask, so a study is reproducible from its seed.
public enum TrialRandomness {
    /// A generator for trial `trialNumber`'s draw labelled `label`.
    public static func generator(seed: UInt64, trialNumber: Int, label: String) -> SeededGenerator {
        var trialGenerator = SeededGenerator(seed: seed).stream(trialNumber)
        return SeededGenerator(seed: trialGenerator.next() ^ fnv1a(label))
    }

    /// The 64-bit FNV-1a hash of `text`'s UTF-8 bytes: stable across runs and platforms, unlike
    /// `Hasher`.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
