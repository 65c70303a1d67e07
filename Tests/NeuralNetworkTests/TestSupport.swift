import TensorCore

/// The seeded generator every test uses.
typealias SeededGenerator = SplitMix64

/// Whether every element of `a` is within `tolerance` (absolute plus relative) of `b`.
func isClose(_ a: [Float], _ b: [Float], tolerance: Float = 1e-5) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { Swift.abs($0 - $1) <= tolerance * (1 + Swift.abs($1)) }
}
