import CTensorKernels

/// Boolean grids stored as bit planes (64 cells to a word), expanded into the 0s and 1s a network reads.
public enum BitPlanes {
    /// Writes `planes` planes of `bits` floats, each 1 or 0, into `destination`: cell i of plane p is bit i % 64 of
    /// `words[p * wordsPerPlane + i / 64]` and lands at `destination[p * bits + i]`.
    public static func unpack(_ words: UnsafeBufferPointer<UInt64>, planes: Int, bits: Int, wordsPerPlane: Int,
                              into destination: UnsafeMutableBufferPointer<Float>) {
        precondition(planes >= 0 && bits >= 0 && wordsPerPlane * 64 >= bits, "a plane of \(bits) bits needs \((bits + 63) / 64) words, got \(wordsPerPlane)")
        precondition(words.count >= planes * wordsPerPlane && destination.count >= planes * bits,
                     "\(planes) planes of \(bits) bits need \(planes * wordsPerPlane) words and \(planes * bits) floats, got \(words.count) and \(destination.count)")
        guard planes > 0, bits > 0 else { return }
        tk_unpack_bits(planes, bits, wordsPerPlane, words.baseAddress, destination.baseAddress)
    }
}
