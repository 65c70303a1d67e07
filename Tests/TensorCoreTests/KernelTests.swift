import Foundation
import Testing
@testable import TensorCore

/// GEMM, convolution and pooling against naive reference loops.
///
/// Serialized, because one test switches the process-wide micro-kernel.
@Suite(.serialized)
struct KernelTests {
    /// op(A)·op(B) by the definition.
    func naiveProduct(_ a: [Float], _ b: [Float], m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool) -> [Float] {
        var c = [Float](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var total: Float = 0
                for p in 0..<k {
                    total += (transposeA ? a[p * m + i] : a[i * k + p]) * (transposeB ? b[j * k + p] : b[p * n + j])
                }
                c[i * n + j] = total
            }
        }
        return c
    }

    @Test(arguments: [(1, 1, 1), (3, 70, 40), (4, 17, 100), (90, 2, 33), (129, 4, 5), (13, 33, 7), (37, 65, 300), (100, 50, 20), (150, 97, 260),
                      (41, 35, 2100)])   // the last one sums over three KC blocks
    func gemmMatchesNaive(m: Int, n: Int, k: Int) {
        var generator = SeededGenerator(seed: UInt64(m * n * k))
        for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
            let a = Tensor.uniform(ta ? [k, m] : [m, k], low: -1, high: 1, using: &generator)
            let b = Tensor.uniform(tb ? [n, k] : [k, n], low: -1, high: 1, using: &generator)
            let c = Tensor.product(a, transposed: ta, b, transposed: tb)
            let expected = naiveProduct(a.scalars, b.scalars, m: m, n: n, k: k, transposeA: ta, transposeB: tb)
            #expect(c.shape == [m, n])
            #expect(isClose(c.scalars, expected, tolerance: 1e-4), "m \(m) n \(n) k \(k) ta \(ta) tb \(tb)")
        }
    }

    /// Every micro-kernel and its packing routines give the naive product for each transpose and panel edge
    /// (serialized: the kernel choice is global).
    @Test func everyKernelMatchesNaive() {
        let original = MatrixMultiply.kernelName
        defer { MatrixMultiply.useKernel(original) }
        var generator = SeededGenerator(seed: 77)
        let shapes = [(37, 65, 300), (13, 100, 7), (5, 33, 17), (16, 16, 16), (17, 31, 15), (9, 48, 33), (3, 150, 20), (70, 3, 12)]
        for name in ["avx512f", "avx2+fma", "portable"] where MatrixMultiply.useKernel(name) {
            for (m, n, k) in shapes {
                for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
                    let a = Tensor.uniform(ta ? [k, m] : [m, k], low: -1, high: 1, using: &generator)
                    let b = Tensor.uniform(tb ? [n, k] : [k, n], low: -1, high: 1, using: &generator)
                    let c = Tensor.product(a, transposed: ta, b, transposed: tb)
                    let expected = naiveProduct(a.scalars, b.scalars, m: m, n: n, k: k, transposeA: ta, transposeB: tb)
                    #expect(isClose(c.scalars, expected, tolerance: 1e-4), "kernel \(name) m \(m) n \(n) k \(k) ta \(ta) tb \(tb)")
                }
            }
        }
    }

    @Test func gemmAccumulatesWithBeta() {
        let a: [Float] = [1, 2, 3, 4], b: [Float] = [5, 6, 7, 8]
        var c: [Float] = [1, 1, 1, 1]
        c.withUnsafeMutableBufferPointer { cp in
            MatrixMultiply.gemm(transposeA: false, transposeB: false, m: 2, n: 2, k: 2, alpha: 2, a: a, lda: 2, b: b, ldb: 2,
                                beta: 3, c: cp.baseAddress!, ldc: 2)
        }
        #expect(c == [41, 47, 89, 103])
    }

    /// Products large enough to split between threads give one thread's bits on any thread count and kernel, in every
    /// layout: a 260 × 200 × 170 product, a 128-cube (just above ``MatrixMultiply/minimumSplitFlops``), and the
    /// MinAtar network's dense layer at batch 32 in its forward (32 × 128 × 1024) and weight-gradient (1024 × 128 × 32)
    /// shapes.
    @Test(arguments: [(260, 170, 200), (128, 128, 128), (32, 128, 1024), (1024, 128, 32)])
    func splitProductsKeepTheBitsOfOneThread(m: Int, n: Int, k: Int) {
        #expect(2 * m * n * k >= MatrixMultiply.minimumSplitFlops)
        var generator = SeededGenerator(seed: UInt64(m + n + k))
        let a = Tensor.uniform([m * k], low: -1, high: 1, using: &generator).scalars
        let b = Tensor.uniform([k * n], low: -1, high: 1, using: &generator).scalars
        let saved = ComputeThreads.count
        defer { ComputeThreads.count = saved }
        forEachKernel { name in
            for (transposeA, transposeB) in [(false, false), (true, false), (false, true), (true, true)] {
                let results = products(a, b, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB,
                                       threadCounts: [1, 2, 3])
                let expected = naiveProduct(a, b, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB)
                let layout = "kernel \(name), transposes \(transposeA) \(transposeB)"
                #expect(isClose(results[0], expected, tolerance: 1e-3), "\(layout): the product")
                #expect(results[1] == results[0] && results[2] == results[0], "\(layout): bits by thread count")
            }
        }
    }

    /// Matrix–vector products large enough to split their long side (a batch-1 forward pass) give one thread's
    /// bits on any thread count and kernel, in each layout the vector paths take.
    @Test(arguments: [(128, 1, 1024, false, true), (1, 300, 300, false, false), (1, 200, 400, false, true),
                      (97, 3, 700, false, false), (3, 100, 700, true, false), (100, 2, 800, true, true)])
    func splitMatrixVectorProductsKeepTheBitsOfOneThread(m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool) {
        var generator = SeededGenerator(seed: UInt64(m * n + k))
        let a = Tensor.uniform([m * k], low: -1, high: 1, using: &generator).scalars
        let b = Tensor.uniform([k * n], low: -1, high: 1, using: &generator).scalars
        #expect(max(m, n) * k >= MatrixMultiply.minimumSplitMatrixElements)
        let saved = ComputeThreads.count
        defer { ComputeThreads.count = saved }
        forEachKernel { name in
            let results = products(a, b, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB,
                                   threadCounts: [1, 2, 4])
            let expected = naiveProduct(a, b, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB)
            #expect(isClose(results[0], expected, tolerance: 1e-3), "kernel \(name): the product")
            #expect(results[1] == results[0] && results[2] == results[0], "kernel \(name): bits by thread count")
        }
    }

    /// op(a) · op(b) through ``MatrixMultiply/gemm`` once for each thread count (which it leaves set to the last).
    private func products(_ a: [Float], _ b: [Float], m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool,
                          threadCounts: [Int]) -> [[Float]] {
        threadCounts.map { threads in
            ComputeThreads.count = threads
            var c = [Float](repeating: 0, count: m * n)
            c.withUnsafeMutableBufferPointer { c in
                MatrixMultiply.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                                    a: a, lda: transposeA ? m : k, b: b, ldb: transposeB ? k : n,
                                    c: c.baseAddress!, ldc: n)
            }
            return c
        }
    }

    /// A kernel switch holds for the thread that makes it and the parts it hands out, not for other threads.
    @Test func kernelChoiceBelongsToTheCallingThreadAndItsParts() {
        let original = MatrixMultiply.kernelName
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var seen: [String] = []
        let other = Thread {
            MatrixMultiply.useKernel("portable")
            var names = ["", ""]
            names.withUnsafeMutableBufferPointer { names in
                ComputeThreads.run(parts: 2) { part in names[part] = MatrixMultiply.kernelName }
            }
            seen = [MatrixMultiply.kernelName] + names
            done.signal()
        }
        other.start()
        done.wait()
        #expect(seen == ["portable", "portable", "portable"])
        #expect(MatrixMultiply.kernelName == original)
    }

    @Test func knownMatrixProduct() {
        let a = Tensor([[1, 2, 3], [4, 5, 6]])
        let b = Tensor([[7, 8], [9, 10], [11, 12]])
        #expect(a.matmul(b) == Tensor([[58, 64], [139, 154]]))
    }

    /// The definition of a strided, zero-padded cross-correlation.
    func naiveConvolution(_ x: Tensor, _ w: Tensor, _ b: Tensor, stride: Int, padding: Int) -> [Float] {
        let (n, c, h, wd) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (o, kh, kw) = (w.shape[0], w.shape[2], w.shape[3])
        let oh = (h - kh + 2 * padding) / stride + 1, ow = (wd - kw + 2 * padding) / stride + 1
        let xs = x.scalars, ws = w.scalars, bs = b.scalars
        var out: [Float] = []
        for ni in 0..<n { for oi in 0..<o { for y in 0..<oh { for xo in 0..<ow {
            var total = bs[oi]
            for ci in 0..<c { for ky in 0..<kh { for kx in 0..<kw {
                let iy = y * stride - padding + ky, ix = xo * stride - padding + kx
                if iy >= 0 && iy < h && ix >= 0 && ix < wd {
                    total += xs[((ni * c + ci) * h + iy) * wd + ix] * ws[((oi * c + ci) * kh + ky) * kw + kx]
                }
            }}}
            out.append(total)
        }}}}
        return out
    }

    @Test func convolutionMatchesNaiveOnRandomShapes() {
        var generator = SeededGenerator(seed: 21)
        for trial in 0..<12 {
            func draw(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(generator.next() % UInt64(range.count)) }
            let (n, c, o) = (draw(1...3), draw(1...3), draw(1...4))
            let (kh, kw) = (draw(1...4), draw(1...4))
            let stride = draw(1...3), padding = draw(0...2)
            let (h, w) = (draw(max(kh, 2)...9), draw(max(kw, 2)...9))
            let x = Tensor.uniform([n, c, h, w], low: -1, high: 1, using: &generator)
            let weight = Tensor.uniform([o, c, kh, kw], low: -1, high: 1, using: &generator)
            let bias = Tensor.uniform([o], low: -1, high: 1, using: &generator)
            let y = Tensor.conv2d(x, weight: weight, bias: bias, stride: (stride, stride), padding: (padding, padding))
            #expect(isClose(y.scalars, naiveConvolution(x, weight, bias, stride: stride, padding: padding)), "trial \(trial)")
        }
    }

    @Test func knownConvolution() {
        let x = Tensor(shape: [1, 1, 3, 3], scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        let w = Tensor(shape: [1, 1, 2, 2], scalars: [1, 0, 0, -1])
        let y = Tensor.conv2d(x, weight: w, bias: Tensor([10]))
        #expect(y == Tensor(shape: [1, 1, 2, 2], scalars: [6, 6, 6, 6]))
        #expect(Tensor.convolutionOutputSize(84, kernel: 8, stride: 4, padding: 0) == 20)
    }

    @Test func maxPoolingMatchesNaiveOnRandomShapes() {
        var generator = SeededGenerator(seed: 31)
        for trial in 0..<10 {
            func draw(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(generator.next() % UInt64(range.count)) }
            let kernel = draw(1...3), stride = draw(1...3), padding = draw(0...(kernel / 2))
            let (n, c, h, w) = (draw(1...2), draw(1...3), draw(kernel...7), draw(kernel...7))
            let x = Tensor.uniform([n, c, h, w], low: -1, high: 1, using: &generator)
            let y = x.maxPool2d(kernel: (kernel, kernel), stride: (stride, stride), padding: (padding, padding))
            let oh = (h - kernel + 2 * padding) / stride + 1, ow = (w - kernel + 2 * padding) / stride + 1
            let xs = x.scalars
            var expected: [Float] = []
            for plane in 0..<(n * c) { for oy in 0..<oh { for ox in 0..<ow {
                var best = -Float.infinity
                for ky in 0..<kernel { for kx in 0..<kernel {
                    let iy = oy * stride - padding + ky, ix = ox * stride - padding + kx
                    if iy >= 0 && iy < h && ix >= 0 && ix < w { best = max(best, xs[(plane * h + iy) * w + ix]) }
                }}
                expected.append(best)
            }}}
            #expect(y.scalars == expected, "trial \(trial)")
        }
    }

    @Test func knownPooling() {
        // Rows: 0 5 10 15 / 4 9 14 3 / 8 13 2 7 / 12 1 6 11.
        let x = Tensor(shape: [1, 1, 4, 4], scalars: (0..<16).map { Float(($0 * 5) % 16) })
        let pooled = x.maxPool2d(kernel: (2, 2))
        #expect(pooled == Tensor(shape: [1, 1, 2, 2], scalars: [9, 15, 13, 11]))
        let averaged = x.avgPool2d(kernel: (2, 2))
        #expect(averaged == Tensor(shape: [1, 1, 2, 2], scalars: [4.5, 10.5, 8.5, 6.5]))
        let padded = x.avgPool2d(kernel: (3, 3), stride: (3, 3), padding: (1, 1))
        #expect(padded.shape == [1, 1, 2, 2])
        #expect(padded.scalars[0] == (0 + 5 + 4 + 9) / 9)
    }
}

/// Large buffers are recycled by exact size, and only up to the pool's capacity.
struct BufferPoolTests {
    @Test func largeBuffersAreReusedSmallOnesAreNot() {
        let count = BufferPool.minimumCount + 7
        let first = TensorStorage(count: count)
        let address = first.pointer
        _ = consume first
        let second = TensorStorage(count: count)
        #expect(second.pointer == address)
        let small = UnsafeMutablePointer<Float>.allocate(capacity: 1)
        #expect(!BufferPool.shared.give(small, count: 1))
        small.deallocate()
    }
}
