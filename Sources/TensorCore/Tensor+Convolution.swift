/// Two-dimensional convolution over NCHW batches, as im2col followed by a matrix product per chunk of images.
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
        let threads = ComputeThreads.count
        let (parts, tapParts) = (geometry.partCount(threads: threads), geometry.tapPartCount(threads: threads))
        let value = Tensor(shape: geometry.outputShape) { out in
            geometry.forward(input: input.storage.pointer, weight: weight.storage.pointer, bias: bias?.storage.pointer,
                             output: out.baseAddress!, parts: parts)
        }
        let (x, w) = (input.detached(), weight.detached())
        let inputs = bias.map { [input, weight, $0] } ?? [input, weight]
        return recording(value, inputs: inputs) { g, needed in
            let wantsBias = needed.count == 3 && needed[2]
            let dx = needed[0] ? TensorStorage(count: x.count) : nil
            let dw = needed[1] ? TensorStorage(count: w.count) : nil
            let db = wantsBias ? TensorStorage(count: geometry.outputChannels) : nil
            geometry.backward(gradient: g.storage.pointer, input: x.storage.pointer, weight: w.storage.pointer,
                              into: .init(input: dx?.pointer, weight: dw?.pointer, bias: db?.pointer), parts: parts,
                              tapParts: tapParts)
            var grads: [Tensor?] = [dx.map { Tensor(shape: x.shape, storage: $0) }, dw.map { Tensor(shape: w.shape, storage: $0) }]
            if needed.count == 3 {
                grads.append(db.map { Tensor(shape: [geometry.outputChannels], storage: $0) })
            }
            return grads
        }
    }
}
