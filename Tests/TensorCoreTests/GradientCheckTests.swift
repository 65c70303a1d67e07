import Testing
@testable import TensorCore

/// Every differentiable op against central finite differences.
struct GradientCheckTests {
    @Test func arithmeticWithBroadcasting() {
        let a = randomInput([2, 3], seed: 1), b = randomInput([3], seed: 2), c = randomInput([2, 1], seed: 3)
        expectGradientsMatchFiniteDifferences([a, b]) { $0[0] + $0[1] }
        expectGradientsMatchFiniteDifferences([a, c]) { $0[0] - $0[1] }
        expectGradientsMatchFiniteDifferences([a, b]) { $0[0] * $0[1] }
        expectGradientsMatchFiniteDifferences([a, c]) { $0[0] / $0[1] }
        expectGradientsMatchFiniteDifferences([a]) { -$0[0] * 3 + 1 }
        expectGradientsMatchFiniteDifferences([a]) { 2 / $0[0] - 1 }
        // maximum, with operands well apart (finite differences across a tie would mix the two slopes).
        let left = Tensor(shape: [2, 3], scalars: [0.5, -0.2, 0.9, -0.7, 0.1, 0.4])
        let right = Tensor(shape: [2, 3], scalars: [0.2, 0.3, -0.1, -0.2, 0.6, 0.1]), column = Tensor([[0.3], [-0.4]])
        expectGradientsMatchFiniteDifferences([left, right]) { Tensor.maximum($0[0], $0[1]) }
        expectGradientsMatchFiniteDifferences([left, column]) { Tensor.maximum($0[0], $0[1]) }
    }

    @Test func elementwiseFunctions() {
        let x = randomInput([2, 3], seed: 4)
        let positive = randomInput([2, 3], seed: 5, positive: true)
        expectGradientsMatchFiniteDifferences([x]) { $0[0].exp() }
        expectGradientsMatchFiniteDifferences([positive]) { $0[0].log() }
        expectGradientsMatchFiniteDifferences([positive]) { $0[0].sqrt() }
        expectGradientsMatchFiniteDifferences([positive]) { $0[0].pow(1.5) }
        expectGradientsMatchFiniteDifferences([x]) { $0[0].squared() }
        expectGradientsMatchFiniteDifferences([x]) { $0[0].abs() }
        expectGradientsMatchFiniteDifferences([x]) { $0[0].clamped(min: -0.5, max: 0.5) }
        expectGradientsMatchFiniteDifferences([x]) { $0[0].relu() }
        expectGradientsMatchFiniteDifferences([x]) { $0[0].leakyRelu(slope: 0.1) }
        expectGradientsMatchFiniteDifferences([x]) { $0[0].tanh() }
        expectGradientsMatchFiniteDifferences([x]) { $0[0].sigmoid() }
    }

    @Test func reductions() {
        let x = randomInput([2, 3, 4], seed: 6)
        expectGradientsMatchFiniteDifferences([x]) { $0[0].sum() }
        expectGradientsMatchFiniteDifferences([x]) { $0[0].mean() }
        expectGradientsMatchFiniteDifferences([x]) { $0[0].sum(alongAxis: 1) }
        expectGradientsMatchFiniteDifferences([x]) { $0[0].mean(alongAxis: -1, keepingDimension: true) }
        let separated = Tensor(shape: [2, 3, 4], scalars: (0..<24).map { Float(($0 * 7) % 24) / 10 - 1 })
        expectGradientsMatchFiniteDifferences([separated]) { $0[0].max(alongAxis: 0) }
        expectGradientsMatchFiniteDifferences([separated]) { $0[0].max(alongAxis: 2, keepingDimension: true) }
        expectGradientsMatchFiniteDifferences([separated]) { $0[0].max() }
    }

    @Test func softmaxFamily() {
        let x = randomInput([3, 4], seed: 7)
        expectGradientsMatchFiniteDifferences([x]) { $0[0].softmax() }
        expectGradientsMatchFiniteDifferences([x]) { $0[0].softmax(alongAxis: 0) }
        expectGradientsMatchFiniteDifferences([x]) { $0[0].logSoftmax() }
        expectGradientsMatchFiniteDifferences([x]) { $0[0].logSoftmax(alongAxis: 0) }
    }

    @Test func shapeOps() {
        let x = randomInput([2, 3, 4], seed: 8), y = randomInput([2, 2, 4], seed: 9)
        expectGradientsMatchFiniteDifferences([x]) { $0[0].reshaped([6, -1]) }
        expectGradientsMatchFiniteDifferences([x]) { $0[0].permuted([2, 0, 1]) }
        expectGradientsMatchFiniteDifferences([x]) { $0[0].transposed() }
        expectGradientsMatchFiniteDifferences([x]) { $0[0][1..<2] }
        expectGradientsMatchFiniteDifferences([x]) { $0[0][1] }
        expectGradientsMatchFiniteDifferences([x, y]) { Tensor.concatenate([$0[0], $0[1]], alongAxis: 1) }
        expectGradientsMatchFiniteDifferences([x]) { $0[0].gather(alongAxis: 2, indices: [0, 3, 3, 1, 2, 0, 1, 1, 2, 3, 0, 0]) }
        expectGradientsMatchFiniteDifferences([x]) { $0[0].flattened() }
    }

    @Test func matrixProducts() {
        let a = randomInput([3, 4], seed: 10), b = randomInput([4, 5], seed: 11)
        expectGradientsMatchFiniteDifferences([a, b]) { $0[0].matmul($0[1]) }
        let ba = randomInput([2, 3, 4], seed: 12), bb = randomInput([2, 4, 2], seed: 13)
        expectGradientsMatchFiniteDifferences([ba, bb]) { $0[0].matmul($0[1]) }
        let w = randomInput([5, 4], seed: 14), bias = randomInput([5], seed: 15)
        expectGradientsMatchFiniteDifferences([a, w, bias]) { Tensor.affine($0[0], weight: $0[1], bias: $0[2]) }
        expectGradientsMatchFiniteDifferences([a, w]) { Tensor.affine($0[0], weight: $0[1], bias: nil) }
    }

    @Test(arguments: [(1, 0), (2, 1), (1, 2)])
    func convolution(stride: Int, padding: Int) {
        let x = randomInput([2, 2, 5, 4], seed: 16), w = randomInput([3, 2, 3, 2], seed: 17), b = randomInput([3], seed: 18)
        expectGradientsMatchFiniteDifferences([x, w, b]) {
            Tensor.conv2d($0[0], weight: $0[1], bias: $0[2], stride: (stride, stride), padding: (padding, padding))
        }
    }

    @Test func pooling() {
        let x = randomInput([1, 2, 5, 5], seed: 19)
        expectGradientsMatchFiniteDifferences([x]) { $0[0].maxPool2d(kernel: (2, 2)) }
        expectGradientsMatchFiniteDifferences([x]) { $0[0].maxPool2d(kernel: (3, 3), stride: (2, 2), padding: (1, 1)) }
        expectGradientsMatchFiniteDifferences([x]) { $0[0].avgPool2d(kernel: (3, 3), stride: (1, 2), padding: (1, 1)) }
        // Tiling windows (the CTensorKernels path): 2x2 and 3x2, each leaving a row or column of 5x5 out.
        expectGradientsMatchFiniteDifferences([x]) { $0[0].avgPool2d(kernel: (2, 2)) }
        expectGradientsMatchFiniteDifferences([x]) { $0[0].avgPool2d(kernel: (3, 2)) }
        let direct = x.avgPool2d(kernel: (2, 2)), general = x.avgPool2d(kernel: (2, 2), padding: (1, 1))
        #expect(direct.shape == [1, 2, 2, 2] && general.shape == [1, 2, 3, 3])
        #expect(abs(direct.scalars[0] - (x.scalars[0] + x.scalars[1] + x.scalars[5] + x.scalars[6]) / 4) < 1e-6)
    }

    @Test func sharedSubexpressionsAccumulate() {
        let x = randomInput([3], seed: 20)
        expectGradientsMatchFiniteDifferences([x]) { v in (v[0] * v[0]).tanh() + v[0].exp() * v[0] }
    }
}
