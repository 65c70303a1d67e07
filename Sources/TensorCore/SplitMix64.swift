/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny, fast seeded generator for tensor initialization, benchmark
/// inputs and tests, so the tensor core needs no other module. Same seed, same numbers, on every platform.
///
/// Agents and environments use Gym's `RandomGenerator` (xoshiro256**, seeded through SplitMix64); any
/// `RandomNumberGenerator` works with the `using:` parameters of the tensor core.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's whole state.
    public var state: UInt64

    /// Creates a generator whose stream is determined by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
