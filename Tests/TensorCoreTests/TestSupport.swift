import Testing
@testable import TensorCore

/// The seeded generator every test uses.
typealias SeededGenerator = SplitMix64

/// Whether every element of `a` is within `tolerance` (absolute plus relative) of `b`.
func isClose(_ a: [Float], _ b: [Float], tolerance: Float = 1e-4) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { Swift.abs($0 - $1) <= tolerance * (1 + Swift.abs($1)) }
}

/// Random inputs in ±[0.2, 1] (away from the kinks of relu, abs and clamp at 0).
func randomInput(_ shape: [Int], seed: UInt64, positive: Bool = false) -> Tensor {
    var generator = SeededGenerator(seed: seed)
    let magnitudes = Tensor.uniform(shape, low: 0.2, high: 1, using: &generator)
    if positive { return magnitudes }
    let signs = Tensor.uniform(shape, using: &generator).map { $0 < 0.5 ? -1 : 1 }
    return Tensor(shape: shape, scalars: zip(magnitudes.scalars, signs.scalars).map(*))
}

/// Compares the autograd gradient of `sum(weights · f(inputs))` with central finite differences.
///
/// Random output weights make every output element matter to the scalar being differentiated.
func expectGradientsMatchFiniteDifferences(
    _ inputs: [Tensor], epsilon: Float = 1e-2, tolerance: Float = 2e-2,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ function: ([Tensor]) -> Tensor
) {
    let probe = withoutGradient { function(inputs) }
    var generator = SeededGenerator(seed: 99)
    let weights = Tensor.uniform(probe.shape, low: -1, high: 1, using: &generator)
    func objective(_ values: [Tensor]) -> Float {
        withoutGradient { (function(values) * weights).sum().item }
    }
    let leaves = inputs.map { $0.requiringGradient() }
    (function(leaves) * weights).sum().backward()
    for (index, leaf) in leaves.enumerated() {
        let analytic = leaf.gradient?.scalars ?? Array(repeating: 0, count: leaf.count)
        var numeric: [Float] = []
        for element in 0..<leaf.count {
            var plus = inputs, minus = inputs
            plus[index].withUnsafeMutableBufferPointer { $0[element] += epsilon }
            minus[index].withUnsafeMutableBufferPointer { $0[element] -= epsilon }
            numeric.append((objective(plus) - objective(minus)) / (2 * epsilon))
        }
        #expect(isClose(analytic, numeric, tolerance: tolerance),
                "input \(index): analytic \(analytic) vs numeric \(numeric)", sourceLocation: sourceLocation)
    }
}
