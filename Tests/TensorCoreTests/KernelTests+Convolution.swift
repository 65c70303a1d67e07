import Testing
import CTensorKernels
@testable import TensorCore

/// Convolution gradients against naive loops, on shapes that cut the batch into several chunks, split them over
/// two threads, and take every im2col path (plain, permuted and scalar phase splits, long and short runs).
extension KernelTests {
    /// A convolution case: input and weight shapes, stride and padding.
    struct ConvolutionCase {
        let input: [Int], weight: [Int], stride: Int, padding: Int
    }

    static let convolutionCases = [
        ConvolutionCase(input: [4, 16, 30, 30], weight: [32, 16, 5, 5], stride: 2, padding: 1),
        ConvolutionCase(input: [3, 3, 23, 29], weight: [5, 3, 4, 3], stride: 3, padding: 2),
        ConvolutionCase(input: [2, 3, 70, 70], weight: [4, 3, 8, 8], stride: 4, padding: 1),
        ConvolutionCase(input: [2, 4, 12, 40], weight: [3, 4, 3, 3], stride: 1, padding: 0),
        ConvolutionCase(input: [2, 2, 9, 9], weight: [3, 2, 3, 3], stride: 1, padding: 2),
        ConvolutionCase(input: [1, 2, 9, 40], weight: [2, 2, 3, 3], stride: 2, padding: 0),
        ConvolutionCase(input: [1, 1, 9, 136], weight: [2, 1, 3, 8], stride: 8, padding: 1),
    ]

    /// dL/dx, dL/dW and dL/db of L = Σ gradient ⊙ conv(x, W, b), by the definition.
    func naiveConvolutionGradients(_ x: Tensor, _ w: Tensor, _ g: Tensor, stride: Int, padding: Int)
        -> (input: [Float], weight: [Float], bias: [Float]) {
        let (n, c, h, wd) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (o, kh, kw) = (w.shape[0], w.shape[2], w.shape[3])
        let (oh, ow) = (g.shape[2], g.shape[3])
        let xs = x.scalars, ws = w.scalars, gs = g.scalars
        var dx = [Float](repeating: 0, count: xs.count), dw = [Float](repeating: 0, count: ws.count)
        var db = [Float](repeating: 0, count: o)
        for ni in 0..<n { for oi in 0..<o { for y in 0..<oh { for xo in 0..<ow {
            let gv = gs[((ni * o + oi) * oh + y) * ow + xo]
            db[oi] += gv
            for ci in 0..<c { for ky in 0..<kh { for kx in 0..<kw {
                let iy = y * stride - padding + ky, ix = xo * stride - padding + kx
                guard iy >= 0 && iy < h && ix >= 0 && ix < wd else { continue }
                let xi = ((ni * c + ci) * h + iy) * wd + ix, wi = ((oi * c + ci) * kh + ky) * kw + kx
                dx[xi] += gv * ws[wi]
                dw[wi] += gv * xs[xi]
            }}}
        }}}}
        return (dx, dw, db)
    }

    /// Runs `body` with each GEMM kernel this CPU has (AVX-512, portable), then restores the kernel and the thread count
    /// the tests change.
    func forEachConvolutionKernel(_ body: (String) -> Void) {
        let originalKernel = MatrixMultiply.kernelName, originalThreads = ComputeThreads.count
        defer {
            MatrixMultiply.useKernel(originalKernel)
            ComputeThreads.count = originalThreads
        }
        for name in ["avx512f", "portable"] where MatrixMultiply.useKernel(name) { body(name) }
    }

    @Test(arguments: 0..<KernelTests.convolutionCases.count)
    func convolutionGradientsMatchNaiveAcrossChunksAndThreads(index: Int) {
        let test = KernelTests.convolutionCases[index]
        var generator = SeededGenerator(seed: UInt64(40 + index))
        let x = Tensor.uniform(test.input, low: -1, high: 1, using: &generator)
        let w = Tensor.uniform(test.weight, low: -1, high: 1, using: &generator)
        let b = Tensor.uniform([test.weight[0]], low: -1, high: 1, using: &generator)
        let (stride, padding) = ((test.stride, test.stride), (test.padding, test.padding))
        let outputShape = withoutGradient { Tensor.conv2d(x, weight: w, bias: b, stride: stride, padding: padding) }.shape
        let seed = Tensor.uniform(outputShape, low: -1, high: 1, using: &generator)
        let expected = naiveConvolutionGradients(x, w, seed, stride: test.stride, padding: test.padding)
        let expectedOutput = naiveConvolution(x, w, b, stride: test.stride, padding: test.padding)

        forEachConvolutionKernel { name in
            var firstRun: [[Float]]? = nil
            for threads in [1, 2, 2] {
                ComputeThreads.count = threads
                let (xl, wl, bl) = (x.requiringGradient(), w.requiringGradient(), b.requiringGradient())
                let y = Tensor.conv2d(xl, weight: wl, bias: bl, stride: stride, padding: padding)
                y.backward(seed: seed)
                let label = "case \(index) kernel \(name) threads \(threads)"
                #expect(isClose(y.scalars, expectedOutput), "\(label): output")
                #expect(isClose(xl.gradient?.scalars ?? [], expected.input, tolerance: 1e-3), "\(label): input gradient")
                #expect(isClose(wl.gradient?.scalars ?? [], expected.weight, tolerance: 1e-3), "\(label): weight gradient")
                #expect(isClose(bl.gradient?.scalars ?? [], expected.bias, tolerance: 1e-3), "\(label): bias gradient")
                let run = [y.scalars, xl.gradient?.scalars ?? [], wl.gradient?.scalars ?? [], bl.gradient?.scalars ?? []]
                if threads == 2, let firstRun { #expect(run == firstRun, "\(label): two-thread runs differ") }
                if threads == 2 { firstRun = run }
            }
        }
    }

    /// Convolutions too small to split their batch, as a network's first layer (no input gradient): their weight
    /// gradients split the patch rows instead, one and several chunks, plain and phase-split im2col, O ≤ 4.
    static let patchRowSplitCases = [
        ConvolutionCase(input: [32, 10, 10, 10], weight: [16, 10, 3, 3], stride: 1, padding: 0),
        ConvolutionCase(input: [32, 4, 10, 10], weight: [16, 4, 3, 3], stride: 1, padding: 0),
        ConvolutionCase(input: [32, 6, 12, 12], weight: [24, 6, 3, 3], stride: 2, padding: 1),
        ConvolutionCase(input: [40, 8, 12, 12], weight: [4, 8, 3, 3], stride: 1, padding: 0),
    ]

    @Test(arguments: 0..<KernelTests.patchRowSplitCases.count)
    func weightGradientsSplitByPatchRowsKeepTheBitsOfOneThread(index: Int) {
        let test = KernelTests.patchRowSplitCases[index]
        let (stride, padding) = ((test.stride, test.stride), (test.padding, test.padding))
        let geometry = ConvolutionGeometry(input: test.input, weight: test.weight, stride: stride, padding: padding)
        #expect(geometry.partCount(threads: 2) == 1 && geometry.tapPartCount(threads: 2) == 2,
                "case \(index) must split its patch rows, not its batch")
        var generator = SeededGenerator(seed: UInt64(60 + index))
        let x = Tensor.uniform(test.input, low: -1, high: 1, using: &generator)
        let w = Tensor.uniform(test.weight, low: -1, high: 1, using: &generator)
        let b = Tensor.uniform([test.weight[0]], low: -1, high: 1, using: &generator)
        let seed = Tensor.uniform(geometry.outputShape, low: -1, high: 1, using: &generator)
        let expected = naiveConvolutionGradients(x, w, seed, stride: test.stride, padding: test.padding)

        forEachConvolutionKernel { name in
            var runs: [[[Float]]] = []
            for threads in [1, 2] {
                ComputeThreads.count = threads
                let (wl, bl) = (w.requiringGradient(), b.requiringGradient())
                Tensor.conv2d(x, weight: wl, bias: bl, stride: stride, padding: padding).backward(seed: seed)
                let label = "case \(index) kernel \(name) threads \(threads)"
                #expect(isClose(wl.gradient?.scalars ?? [], expected.weight, tolerance: 1e-3), "\(label): weight gradient")
                #expect(isClose(bl.gradient?.scalars ?? [], expected.bias, tolerance: 1e-3), "\(label): bias gradient")
                runs.append([wl.gradient?.scalars ?? [], bl.gradient?.scalars ?? []])
            }
            #expect(runs[0] == runs[1], "case \(index) kernel \(name): one and two threads differ")
        }
    }

    @Test func convolutionChunksAndPartsCoverTheBatch() {
        let first = KernelTests.convolutionCases[0]
        let tested = ConvolutionGeometry(input: first.input, weight: first.weight, stride: (2, 2), padding: (1, 1))
        #expect(tested.chunkCount > 1 && tested.partCount(threads: 2) == 2, "the first gradient case must use two parts")
        let geometry = ConvolutionGeometry(input: [32, 4, 84, 84], weight: [32, 4, 8, 8], stride: (4, 4), padding: (0, 0))
        #expect(geometry.imagesPerChunk == 1)
        #expect(geometry.chunkCount == 32)
        #expect(geometry.partCount(threads: 2) == 2)
        #expect(geometry.chunks(ofPart: 0, of: 2) == 0..<16 && geometry.chunks(ofPart: 1, of: 2) == 16..<32)
        let small = ConvolutionGeometry(input: [32, 4, 10, 10], weight: [16, 4, 3, 3], stride: (1, 1), padding: (0, 0))
        #expect(small.chunkCount == 1)
        #expect(small.partCount(threads: 2) == 1)
        #expect(small.tapPartCount(threads: 2) == 2 && small.tapPartCount(threads: 1) == 1)
        #expect(small.images(ofChunk: 0) == 0..<32)
    }
}

/// The direct (patch-matrix-free) forward pass of stride-1 unpadded convolutions against the patch-matrix path.
extension KernelTests {
    /// Shapes of the direct path: MinAtar's first layer at batch 32 and 1, several position tiles with a partial
    /// channel tile, a one-position plane (left to the patch-matrix path) and 1,000 taps.
    static let directConvolutionCases: [(input: [Int], weight: [Int])] = [
        ([32, 10, 10, 10], [16, 10, 3, 3]), ([1, 4, 10, 10], [16, 4, 3, 3]), ([3, 5, 20, 23], [7, 5, 4, 2]),
        ([2, 3, 6, 6], [5, 3, 6, 6]), ([2, 40, 9, 9], [6, 40, 5, 5]),
    ]

    @Test(arguments: 0..<KernelTests.directConvolutionCases.count)
    func directConvolutionGivesThePatchMatrixBits(index: Int) {
        let (inputShape, weightShape) = KernelTests.directConvolutionCases[index]
        var generator = SeededGenerator(seed: UInt64(90 + index))
        let x = Tensor.uniform(inputShape, low: -1, high: 1, using: &generator)
        let w = Tensor.uniform(weightShape, low: -1, high: 1, using: &generator)
        let b = Tensor.uniform([weightShape[0]], low: -1, high: 1, using: &generator)
        let geometry = ConvolutionGeometry(input: inputShape, weight: weightShape, stride: (1, 1), padding: (0, 0))
        forEachConvolutionKernel { name in
            // The patch-matrix path by hand: im2col of one image, the weight times it, then the bias.
            var expected = [Float](repeating: 0, count: geometry.batch * geometry.outputImageSize)
            let columns = UnsafeMutablePointer<Float>.allocate(capacity: geometry.patchSize * geometry.plane)
            let products = UnsafeMutablePointer<Float>.allocate(capacity: geometry.outputImageSize)
            defer { columns.deallocate(); products.deallocate() }
            for image in 0..<geometry.batch {
                geometry.im2col(x.storage.pointer, images: image..<image + 1, into: columns)
                tk_sgemm(0, 0, geometry.outputChannels, geometry.plane, geometry.patchSize, 1, w.storage.pointer,
                         geometry.patchSize, columns, geometry.plane, 0, products, geometry.plane)
                for o in 0..<geometry.outputChannels {
                    for p in 0..<geometry.plane {
                        expected[image * geometry.outputImageSize + o * geometry.plane + p] = products[o * geometry.plane + p] + b.scalars[o]
                    }
                }
            }
            for threads in [1, 2] {
                ComputeThreads.count = threads
                let y = withoutGradient { Tensor.conv2d(x, weight: w, bias: b, stride: (1, 1), padding: (0, 0)) }
                #expect(y.scalars == expected, "case \(index) kernel \(name) threads \(threads)")
            }
        }
    }
}
