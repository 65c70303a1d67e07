import CTensorKernels

/// Two-dimensional convolution over NCHW batches, as im2col followed by one matrix product.
extension Tensor {
    /// The spatial output size of a convolution or pooling window: (size − kernel + 2·padding) / stride + 1.
    public static func convolutionOutputSize(_ size: Int, kernel: Int, stride: Int, padding: Int) -> Int {
        (size - kernel + 2 * padding) / stride + 1
    }

    /// Cross-correlates `input` `[N, C, H, W]` with `weight` `[O, C, KH, KW]` and adds `bias` `[O]`.
    ///
    /// Padding is zeros on each side; the result is `[N, O, OH, OW]` as in PyTorch's `conv2d`.
    public static func conv2d(
        _ input: Tensor, weight: Tensor, bias: Tensor? = nil,
        stride: (Int, Int) = (1, 1), padding: (Int, Int) = (0, 0)
    ) -> Tensor {
        precondition(input.rank == 4 && weight.rank == 4 && input.shape[1] == weight.shape[1],
                     "conv2d needs input [N, C, H, W] and weight [O, C, KH, KW], got \(input.shape) and \(weight.shape)")
        let geometry = ConvolutionGeometry(input: input.shape, weight: weight.shape, stride: stride, padding: padding)
        if let bias { precondition(bias.shape == [geometry.outputChannels], "conv2d bias shape \(bias.shape) is not [\(geometry.outputChannels)]") }
        let columns = geometry.columns(of: input)
        let value = Tensor(shape: geometry.outputShape) { out in
            let products = UnsafeMutablePointer<Float>.allocate(capacity: geometry.outputChannels * geometry.columnCount)
            defer { products.deallocate() }
            MatrixMultiply.gemm(
                transposeA: false, transposeB: false, m: geometry.outputChannels, n: geometry.columnCount, k: geometry.patchSize,
                a: weight.storage.pointer, lda: geometry.patchSize, b: columns.storage.pointer, ldb: geometry.columnCount,
                c: products, ldc: geometry.columnCount)
            geometry.scatter(products: products, bias: bias?.storage.pointer, into: out.baseAddress!)
        }
        let w = weight.detached()
        let inputs = bias.map { [input, weight, $0] } ?? [input, weight]
        return recording(value, inputs: inputs) { g, needed in
            let rows = geometry.gather(gradient: g)
            var grads: [Tensor?] = [nil, nil]
            if needed[0] {
                let dcolumns = Tensor(shape: [geometry.patchSize, geometry.columnCount]) { out in
                    MatrixMultiply.gemm(
                        transposeA: true, transposeB: false, m: geometry.patchSize, n: geometry.columnCount, k: geometry.outputChannels,
                        a: w.storage.pointer, lda: geometry.patchSize, b: rows.storage.pointer, ldb: geometry.columnCount,
                        c: out.baseAddress!, ldc: geometry.columnCount)
                }
                grads[0] = geometry.image(fromColumns: dcolumns)
            }
            if needed[1] {
                grads[1] = Tensor(shape: geometry.weightShape) { out in
                    MatrixMultiply.gemm(
                        transposeA: false, transposeB: true, m: geometry.outputChannels, n: geometry.patchSize, k: geometry.columnCount,
                        a: rows.storage.pointer, lda: geometry.columnCount, b: columns.storage.pointer, ldb: geometry.columnCount,
                        c: out.baseAddress!, ldc: geometry.patchSize)
                }
            }
            if needed.count == 3 {
                grads.append(needed[2] ? rows.sum(alongAxis: 1) : nil)
            }
            return grads
        }
    }
}

/// Sizes of one convolution and the layout changes between NCHW images and im2col matrices.
struct ConvolutionGeometry {
    let batch, channels, height, width: Int
    let outputChannels, kernelHeight, kernelWidth: Int
    let strideHeight, strideWidth, paddingHeight, paddingWidth: Int
    let outputHeight, outputWidth: Int

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

    var plane: Int { outputHeight * outputWidth }
    var columnCount: Int { batch * plane }
    var patchSize: Int { channels * kernelHeight * kernelWidth }
    var outputShape: [Int] { [batch, outputChannels, outputHeight, outputWidth] }
    var weightShape: [Int] { [outputChannels, channels, kernelHeight, kernelWidth] }

    /// The `[C·KH·KW, N·OH·OW]` patch matrix of `input`.
    func columns(of input: Tensor) -> Tensor {
        Tensor(shape: [patchSize, columnCount]) { out in
            tk_im2col(input.storage.pointer, batch, channels, height, width, kernelHeight, kernelWidth,
                      strideHeight, strideWidth, paddingHeight, paddingWidth, outputHeight, outputWidth, out.baseAddress!)
        }
    }

    /// Sums a `[C·KH·KW, N·OH·OW]` gradient back into an `[N, C, H, W]` image gradient.
    func image(fromColumns columns: Tensor) -> Tensor {
        Tensor(shape: [batch, channels, height, width]) { out in
            out.initialize(repeating: 0)
            tk_col2im(columns.storage.pointer, batch, channels, height, width, kernelHeight, kernelWidth,
                      strideHeight, strideWidth, paddingHeight, paddingWidth, outputHeight, outputWidth, out.baseAddress!)
        }
    }

    /// Moves `[O, N·P]` products into `[N, O, P]` order, adding the bias.
    func scatter(products: UnsafePointer<Float>, bias: UnsafePointer<Float>?, into out: UnsafeMutablePointer<Float>) {
        for n in 0..<batch {
            for o in 0..<outputChannels {
                let src = products + o * columnCount + n * plane
                let dst = out + (n * outputChannels + o) * plane
                let b = bias?[o] ?? 0
                for p in 0..<plane { dst[p] = src[p] + b }
            }
        }
    }

    /// Moves an `[N, O, P]` gradient into `[O, N·P]` order.
    func gather(gradient: Tensor) -> Tensor {
        Tensor(shape: [outputChannels, columnCount]) { out in
            for n in 0..<batch {
                for o in 0..<outputChannels {
                    (out.baseAddress! + o * columnCount + n * plane)
                        .update(from: gradient.storage.pointer + (n * outputChannels + o) * plane, count: plane)
                }
            }
        }
    }
}
