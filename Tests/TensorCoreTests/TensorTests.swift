import Testing
@testable import TensorCore

/// Creation, value semantics, shape ops and known values.
struct TensorTests {
    @Test func copyOnWrite() {
        let a = Tensor([1, 2, 3])
        var b = a
        b.withUnsafeMutableBufferPointer { $0[0] = 9 }
        #expect(a.scalars == [1, 2, 3])
        #expect(b.scalars == [9, 2, 3])
    }

    @Test func broadcastingShapes() {
        let a = Tensor(shape: [2, 1, 3], scalars: [1, 2, 3, 4, 5, 6])
        let b = Tensor(shape: [2, 1], scalars: [10, 20])
        let c = a + b
        #expect(c.shape == [2, 2, 3])
        #expect(c.scalars == [11, 12, 13, 21, 22, 23, 14, 15, 16, 24, 25, 26])
    }

    @Test func reductionsAndArgmax() {
        let x = Tensor([[1, 5, 3], [7, 2, 9]])
        #expect(x.sum().item == 27)
        #expect(x.sum(alongAxis: 0) == Tensor([8, 7, 12]))
        #expect(x.mean(alongAxis: 1, keepingDimension: true) == Tensor(shape: [2, 1], scalars: [3, 6]))
        #expect(x.max(alongAxis: 1) == Tensor([5, 9]))
        #expect(x.argmax(alongAxis: 1) == [1, 2])
        #expect(x.argmax() == 5)
    }

    @Test func shapeOperations() {
        let x = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        #expect(x.transposed() == Tensor([[1, 4], [2, 5], [3, 6]]))
        #expect(x.reshaped([3, -1]).shape == [3, 2])
        #expect(x[1] == Tensor([4, 5, 6]))
        #expect(Tensor.concatenate([x, x], alongAxis: 1).scalars == [1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6])
        #expect(x.gather(alongAxis: 1, indices: [2, 0]) == Tensor(shape: [2, 1], scalars: [3, 4]))
        #expect(Tensor.oneHot([2, 0], classes: 3) == Tensor([[0, 0, 1], [1, 0, 0]]))
    }

    @Test func knownSoftmax() {
        let logits = Tensor([[0, 0.6931472]])  // [0, log 2]
        #expect(isClose(logits.softmax().scalars, [1.0 / 3, 2.0 / 3]))
        let big = Tensor([[1000, 1000]])
        #expect(big.softmax().scalars == [0.5, 0.5])
        #expect(isClose(big.logSoftmax().scalars, [-0.6931472, -0.6931472]))
    }

    @Test func seededRandomIsReproducible() {
        var g1 = SeededGenerator(seed: 3), g2 = SeededGenerator(seed: 3)
        #expect(Tensor.uniform([5], using: &g1) == Tensor.uniform([5], using: &g2))
        var g3 = SeededGenerator(seed: 4)
        let normal = Tensor.normal([10_000], mean: 1, standardDeviation: 2, using: &g3)
        #expect(Swift.abs(normal.mean().item - 1) < 0.1)
        #expect(Swift.abs((normal - 1).squared().mean().item - 4) < 0.2)
    }

    @Test func gradientsAccumulateAndGraphIsReleased() {
        let x = Tensor([1, 2]).requiringGradient()
        var y = (x * x).sum()
        y.backward()
        #expect(x.gradient == Tensor([2, 4]))
        y = (x * 3).sum()
        y.backward()
        #expect(x.gradient == Tensor([5, 7]))
        x.clearGradient()
        #expect(x.gradient == nil)
        weak var interior: GradientNode?
        do {
            let z = (x * x).exp().sum()
            interior = z.node
            z.backward()
        }
        #expect(interior == nil)
    }

    @Test func noGradAndDetach() {
        let x = Tensor([1, 2]).requiringGradient()
        let y = withoutGradient { x * 2 }
        #expect(!y.requiresGradient)
        let z = (x.detached() * x).sum()
        z.backward()
        #expect(x.gradient == Tensor([1, 2]))
    }
}
