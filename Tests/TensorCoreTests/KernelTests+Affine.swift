import Testing
@testable import TensorCore

/// The affine map against naive products, with the batch below and above the output count (the two ways
/// ``Tensor/affine(_:weight:bias:)`` orders its products).
extension KernelTests {
    @Test(arguments: [(32, 300, 200, true), (3, 20, 7, true), (100, 20, 30, false), (128, 84, 120, false)])
    func affineMatchesNaiveProducts(batch: Int, outputs: Int, inputs: Int, transposed: Bool) {
        var generator = SeededGenerator(seed: UInt64(batch * outputs + inputs))
        let x = Tensor.uniform([batch, inputs], low: -1, high: 1, using: &generator)
        let w = Tensor.uniform([outputs, inputs], low: -1, high: 1, using: &generator)
        let b = Tensor.uniform([outputs], low: -1, high: 1, using: &generator)
        let g = Tensor.uniform([batch, outputs], low: -1, high: 1, using: &generator)
        #expect(Tensor.readsWeightInPlace(batch: batch, weight: w) == transposed)

        let (xl, wl, bl) = (x.requiringGradient(), w.requiringGradient(), b.requiringGradient())
        let y = Tensor.affine(xl, weight: wl, bias: bl)
        y.backward(seed: g)
        var expected = naiveProduct(x.scalars, w.scalars, m: batch, n: outputs, k: inputs, transposeA: false, transposeB: true)
        for row in 0..<batch { for column in 0..<outputs { expected[row * outputs + column] += b.scalars[column] } }
        #expect(isClose(y.scalars, expected))
        let inputGradient = naiveProduct(g.scalars, w.scalars, m: batch, n: inputs, k: outputs, transposeA: false, transposeB: false)
        #expect(isClose(xl.gradient?.scalars ?? [], inputGradient, tolerance: 1e-3))
        let weightGradient = naiveProduct(g.scalars, x.scalars, m: outputs, n: inputs, k: batch, transposeA: true, transposeB: false)
        #expect(isClose(wl.gradient?.scalars ?? [], weightGradient, tolerance: 1e-3))
        let biasGradient = (0..<outputs).map { column in (0..<batch).reduce(Float(0)) { $0 + g.scalars[$1 * outputs + column] } }
        #expect(isClose(bl.gradient?.scalars ?? [], biasGradient, tolerance: 1e-3))
    }
}
