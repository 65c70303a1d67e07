import Parallelism
import CTensorKernels

/// Sizes of one convolution, how its batch is cut into cache-sized chunks of images, and the layout changes
/// between NCHW images and the im2col matrices of one chunk.
///
/// Working chunk by chunk keeps each patch matrix in the core's L2 cache while the matrix product reads it,
/// instead of streaming a whole-batch patch matrix (13 MB for the Nature-DQN first layer) through memory.
struct ConvolutionGeometry {
    let batch, channels, height, width: Int
    let outputChannels, kernelHeight, kernelWidth: Int
    let strideHeight, strideWidth, paddingHeight, paddingWidth: Int
    let outputHeight, outputWidth: Int

    /// The patch-matrix size (floats) a chunk aims for: about a third of a 1 MB L2 cache.
    static let chunkFloats = 96 * 1024

    init(input: [Int], weight: [Int], stride: (Int, Int), padding: (Int, Int)) {
        (batch, channels, height, width) = (input[0], input[1], input[2], input[3])
        (outputChannels, kernelHeight, kernelWidth) = (weight[0], weight[2], weight[3])
        (strideHeight, strideWidth) = stride
        (paddingHeight, paddingWidth) = padding
        precondition(strideHeight > 0 && strideWidth > 0 && paddingHeight >= 0 && paddingWidth >= 0, "invalid stride or padding")
        outputHeight = Tensor.convolutionOutputSize(height, kernel: kernelHeight, stride: strideHeight, padding: paddingHeight)
        outputWidth = Tensor.convolutionOutputSize(width, kernel: kernelWidth, stride: strideWidth, padding: paddingWidth)
        precondition(outputHeight > 0 && outputWidth > 0, "kernel \(weight) does not fit input \(input) with padding \(padding)")
    }

    // MARK: - Sizes

    var plane: Int { outputHeight * outputWidth }
    var patchSize: Int { channels * kernelHeight * kernelWidth }
    var imageSize: Int { channels * height * width }
    var outputImageSize: Int { outputChannels * plane }
    var outputShape: [Int] { [batch, outputChannels, outputHeight, outputWidth] }
    var weightShape: [Int] { [outputChannels, channels, kernelHeight, kernelWidth] }
    /// Floating-point operations of one matrix product over the whole batch.
    var flops: Int { 2 * outputChannels * patchSize * plane * batch }

    // MARK: - Chunks and parts

    /// Images per chunk: as many as keep the chunk's patch matrix near ``chunkFloats``, at least one.
    var imagesPerChunk: Int { Swift.max(1, Swift.min(batch, ConvolutionGeometry.chunkFloats / Swift.max(1, patchSize * plane))) }

    /// The number of chunks covering the batch.
    var chunkCount: Int { (batch + imagesPerChunk - 1) / imagesPerChunk }

    /// The most columns (images × output positions) one chunk has.
    var chunkColumns: Int { imagesPerChunk * plane }

    /// The images of chunk `index`.
    func images(ofChunk index: Int) -> Range<Int> {
        let start = index * imagesPerChunk
        return start..<Swift.min(batch, start + imagesPerChunk)
    }

    /// How many threads share the chunks: one below ``ComputeThreads/minimumParallelFlops``, never more than
    /// there are chunks.
    func partCount(threads: Int) -> Int {
        guard threads > 1, flops >= ComputeThreads.minimumParallelFlops else { return 1 }
        return Swift.max(1, Swift.min(threads, chunkCount))
    }

    /// Patch rows a part of a weight gradient split by rows (``tapPartCount(threads:)``) gets at least: enough that the
    /// product never takes the GEMM's few-row path, whose sums run in another order.
    static let minimumTapsPerPart = 16

    /// How many threads share the weight gradient of a batch that ``partCount(threads:)`` leaves on one thread, each
    /// taking a contiguous run of the patch rows (kernel taps) of every chunk: one below
    /// ``ComputeThreads/minimumSideBySideFlops`` or with fewer than ``minimumTapsPerPart`` rows a part.
    func tapPartCount(threads: Int) -> Int {
        guard threads > 1, flops >= ComputeThreads.minimumSideBySideFlops else { return 1 }
        return Swift.max(1, Swift.min(threads, patchSize / ConvolutionGeometry.minimumTapsPerPart))
    }

    /// The contiguous chunks that part `part` of `parts` handles (each part gets at least one when
    /// `parts` ≤ ``chunkCount``).
    func chunks(ofPart part: Int, of parts: Int) -> Range<Int> {
        WorkerPool.range(ofPart: part, of: parts, splitting: chunkCount)
    }

    // MARK: - Layout changes for one chunk

    /// Writes rows `taps` (all `C·KH·KW` by default) of the `[C·KH·KW, n·OH·OW]` patch matrix of `images` of `input`
    /// into `columns`, as a `[taps.count, n·OH·OW]` matrix.
    func im2col(_ input: UnsafePointer<Float>, images: Range<Int>, taps: Range<Int>? = nil,
                into columns: UnsafeMutablePointer<Float>) {
        let taps = taps ?? 0..<patchSize
        tk_im2col(input + images.lowerBound * imageSize, images.count, channels, height, width, kernelHeight, kernelWidth,
                  strideHeight, strideWidth, paddingHeight, paddingWidth, outputHeight, outputWidth, taps.lowerBound,
                  taps.count, columns)
    }

    /// Overwrites `images` of the `[N, C, H, W]` gradient with the sums of a chunk's `[C·KH·KW, n·OH·OW]`
    /// column gradient.
    func col2im(_ columns: UnsafePointer<Float>, images: Range<Int>, into gradient: UnsafeMutablePointer<Float>) {
        tk_col2im(columns, images.count, channels, height, width, kernelHeight, kernelWidth, strideHeight, strideWidth,
                  paddingHeight, paddingWidth, outputHeight, outputWidth, gradient + images.lowerBound * imageSize)
    }

    /// Moves a chunk's `[O, n·P]` products into `images` of the `[N, O, P]` output, adding the bias.
    func scatter(products: UnsafePointer<Float>, bias: UnsafePointer<Float>?, images: Range<Int>,
                 into out: UnsafeMutablePointer<Float>) {
        let columns = images.count * plane
        for (offset, n) in images.enumerated() {
            for o in 0..<outputChannels {
                let src = products + o * columns + offset * plane
                let dst = out + (n * outputChannels + o) * plane
                let b = bias?[o] ?? 0
                for p in 0..<plane { dst[p] = src[p] + b }
            }
        }
    }

    /// Moves `images` of an `[N, O, P]` gradient into `[O, n·P]` order.
    func gather(gradient: UnsafePointer<Float>, images: Range<Int>, into rows: UnsafeMutablePointer<Float>) {
        let columns = images.count * plane
        for (offset, n) in images.enumerated() {
            for o in 0..<outputChannels {
                (rows + o * columns + offset * plane).update(from: gradient + (n * outputChannels + o) * plane, count: plane)
            }
        }
    }
}
