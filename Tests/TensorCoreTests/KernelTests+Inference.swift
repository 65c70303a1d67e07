import CTensorKernels
import Testing
@testable import TensorCore

/// The kernels behind inference loops and gradient clipping: the one-row affine map against the tensor path, the
/// sum of squares, and the FMA-rate microbenchmark's bookkeeping.
extension KernelTests {
    @Test(arguments: [(64, 64), (2, 64), (3, 4), (130, 17), (256, 4)])
    func affineOfOneRowHasTheBitsOfTheTensorPath(outputs: Int, inputs: Int) {
        var generator = SeededGenerator(seed: UInt64(outputs * 1000 + inputs))
        let x = Tensor.uniform([1, inputs], low: -1, high: 1, using: &generator)
        let w = Tensor.uniform([outputs, inputs], low: -1, high: 1, using: &generator)
        let b = Tensor.uniform([outputs], low: -1, high: 1, using: &generator)
        forEachKernel { name in
            for bias in [b, nil] {
                let expected = withoutGradient { Tensor.affine(x, weight: w, bias: bias) }.scalars
                var row = [Float](repeating: .nan, count: outputs)
                x.withUnsafeBufferPointer { input in
                    row.withUnsafeMutableBufferPointer { Tensor.affine(row: input.baseAddress!, weight: w, bias: bias, into: $0.baseAddress!) }
                }
                #expect(row == expected, "kernel \(name), bias \(bias != nil)")
            }
        }
    }

    @Test func sumOfSquaresIsExactOnSmallIntegersAndTheSameOnEveryKernel() {
        // Integers up to 40 square and sum exactly in double precision, whatever the order.
        let values = (0..<203).map { Float($0 % 81) - 40 }
        let exact = values.reduce(0.0) { $0 + Double($1) * Double($1) }
        var generator = SeededGenerator(seed: 9)
        let random = Tensor.uniform([1001], low: -3, high: 3, using: &generator)
        var sums: [Double] = []
        forEachKernel { name in
            #expect(Tensor(shape: [203], scalars: values).sumOfSquares == exact, "kernel \(name)")
            sums.append(random.sumOfSquares)
        }
        #expect(Set(sums).count == 1, "the kernels added in different orders: \(sums)")
        let reference = random.scalars.reduce(0.0) { $0 + Double($1) * Double($1) }
        #expect(Swift.abs(sums[0] - reference) <= 1e-12 * reference)
        #expect(Tensor(shape: [0], scalars: []).sumOfSquares == 0)
    }

    @Test func fmaPeakRunCountsItsOperationsAndStaysFinite() {
        var checksum: Float = .nan
        let flops = tk_fma_peak_run(1000, &checksum)
        let lanes: Double = MatrixMultiply.kernelName == "avx512f" ? 16 : 8
        #expect(flops == 2 * 1000 * 16 * lanes)
        #expect(checksum.isFinite && checksum > 0)
        #expect(tk_fma_peak_run(2000, nil) == 2 * flops)
    }
}
