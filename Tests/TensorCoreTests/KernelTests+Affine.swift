import Testing
@testable import TensorCore

/// Dense-layer passes against naive loops on every kernel: the affine map with the batch below and above the
/// output count (the two ways ``Tensor/affine(_:weight:bias:)`` orders its products), and leaky ReLU.
extension KernelTests {
    /// Runs `body` once per kernel this CPU has (AVX-512 and portable routines), restoring the choice after.
    func forEachKernel(_ body: (String) -> Void) {
        let original = MatrixMultiply.kernelName
        defer { MatrixMultiply.useKernel(original) }
        for name in ["avx512f", "portable"] where MatrixMultiply.useKernel(name) { body(name) }
    }

    @Test(arguments: [(32, 300, 200, true), (3, 20, 7, true), (100, 20, 30, false), (128, 84, 120, false)])
    func affineMatchesNaiveProducts(batch: Int, outputs: Int, inputs: Int, transposed: Bool) {
        var generator = SeededGenerator(seed: UInt64(batch * outputs + inputs))
        let x = Tensor.uniform([batch, inputs], low: -1, high: 1, using: &generator)
        let w = Tensor.uniform([outputs, inputs], low: -1, high: 1, using: &generator)
        let b = Tensor.uniform([outputs], low: -1, high: 1, using: &generator)
        let g = Tensor.uniform([batch, outputs], low: -1, high: 1, using: &generator)
        var expected = naiveProduct(x.scalars, w.scalars, m: batch, n: outputs, k: inputs, transposeA: false, transposeB: true)
        for row in 0..<batch { for column in 0..<outputs { expected[row * outputs + column] += b.scalars[column] } }
        let inputGradient = naiveProduct(g.scalars, w.scalars, m: batch, n: inputs, k: outputs, transposeA: false, transposeB: false)
        let weightGradient = naiveProduct(g.scalars, x.scalars, m: outputs, n: inputs, k: batch, transposeA: true, transposeB: false)
        let biasGradient = (0..<outputs).map { column in (0..<batch).reduce(Float(0)) { $0 + g.scalars[$1 * outputs + column] } }

        forEachKernel { name in
            if name == "avx512f" { #expect(Tensor.readsWeightInPlace(batch: batch, weight: w) == transposed) }
            let (xl, wl, bl) = (x.requiringGradient(), w.requiringGradient(), b.requiringGradient())
            let y = Tensor.affine(xl, weight: wl, bias: bl)
            y.backward(seed: g)
            #expect(isClose(y.scalars, expected), "kernel \(name): output")
            #expect(isClose(xl.gradient?.scalars ?? [], inputGradient, tolerance: 1e-3), "kernel \(name): input gradient")
            #expect(isClose(wl.gradient?.scalars ?? [], weightGradient, tolerance: 1e-3), "kernel \(name): weight gradient")
            #expect(isClose(bl.gradient?.scalars ?? [], biasGradient, tolerance: 1e-3), "kernel \(name): bias gradient")
        }
    }

    @Test(arguments: [0, 0.01, 0.2] as [Float])
    func leakyReluMatchesDefinition(slope: Float) {
        var generator = SeededGenerator(seed: 8)
        let x = Tensor.uniform([7, 37], low: -1, high: 1, using: &generator)
        let g = Tensor.uniform([7, 37], low: -1, high: 1, using: &generator)
        let expected = x.scalars.map { $0 > 0 ? $0 : slope * $0 }
        let expectedGradient = zip(x.scalars, g.scalars).map { $0 > 0 ? $1 : slope * $1 }
        forEachKernel { name in
            let leaf = x.requiringGradient()
            let y = slope == 0 ? leaf.relu() : leaf.leakyRelu(slope: slope)
            y.backward(seed: g)
            #expect(y.scalars == expected, "kernel \(name)")
            #expect(leaf.gradient?.scalars == expectedGradient, "kernel \(name)")
        }
    }
}
