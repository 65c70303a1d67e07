import CTensorKernels
import Parallelism

/// The forward and backward passes of a convolution, chunk by chunk, with the chunks split over threads.
extension ConvolutionGeometry {
    /// The buffers of one pass, handed to worker threads that write disjoint images or their own partial sums.
    struct Buffers: @unchecked Sendable {
        let input: UnsafePointer<Float>
        let weight: UnsafePointer<Float>
        let bias: UnsafePointer<Float>?
        let output: UnsafeMutablePointer<Float>?
    }

    // MARK: - Forward

    /// Writes the `[N, O, OH, OW]` cross-correlation of `input` with `weight`, plus `bias`, into `output`.
    func forward(input: UnsafePointer<Float>, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
                 output: UnsafeMutablePointer<Float>, parts: Int) {
        let buffers = Buffers(input: input, weight: weight, bias: bias, output: output)
        ComputeThreads.run(parts: parts) { part in
            forward(chunks: chunks(ofPart: part, of: parts), buffers: buffers)
        }
    }

    private func forward(chunks: Range<Int>, buffers: Buffers) {
        guard let output = buffers.output, !chunks.isEmpty else { return }
        if strideHeight == 1, strideWidth == 1, paddingHeight == 0, paddingWidth == 0 {
            let first = images(ofChunk: chunks.lowerBound).lowerBound
            let images = first..<self.images(ofChunk: chunks.upperBound - 1).upperBound
            // The same bits as the patch-matrix path below, without building the patch matrix (when the kernel allows).
            if tk_conv_forward_direct(buffers.input + first * imageSize, images.count, channels, height, width,
                                      kernelHeight, kernelWidth, outputChannels, buffers.weight, buffers.bias,
                                      output + first * outputImageSize) != 0 { return }
        }
        let columnsRoom = BufferPool.Scratch(count: patchSize * chunkColumns)
        let productsRoom = BufferPool.Scratch(count: outputChannels * chunkColumns)
        defer {
            columnsRoom.release()
            productsRoom.release()
        }
        let (columns, products) = (columnsRoom.pointer, productsRoom.pointer)
        for chunk in chunks {
            let images = images(ofChunk: chunk)
            let width = images.count * plane
            im2col(buffers.input, images: images, into: columns)
            tk_sgemm(0, 0, outputChannels, width, patchSize, 1, buffers.weight, patchSize, columns, width, 0, products, width)
            scatter(products: products, bias: buffers.bias, images: images, into: output)
        }
    }

    // MARK: - Backward

    /// The gradients a backward pass writes; `nil` for those not needed.
    struct Gradients: @unchecked Sendable {
        let input: UnsafeMutablePointer<Float>?
        let weight: UnsafeMutablePointer<Float>?
        let bias: UnsafeMutablePointer<Float>?
    }

    /// Back-propagates the output gradient `gradient` (`[N, O, OH, OW]`).
    ///
    /// With `parts` > 1 the batch's chunks are split: the input gradient is written image by image; weight and bias
    /// gradients are summed per part and the parts' sums added in part order, so a fixed thread count always gives
    /// the same bits. With one part, no input gradient wanted and `tapParts` > 1, the weight gradient's patch rows are
    /// split instead (``weightBackward(gradient:input:weight:bias:tapParts:)``), which gives the bits of one thread.
    func backward(gradient: UnsafePointer<Float>, input: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                  into gradients: Gradients, parts: Int, tapParts: Int = 1) {
        if parts == 1, tapParts > 1, gradients.input == nil, let weightGradient = gradients.weight {
            weightBackward(gradient: gradient, input: input, weight: weightGradient, bias: gradients.bias,
                           tapParts: tapParts)
            return
        }
        let buffers = Buffers(input: input, weight: weight, bias: nil, output: nil)
        let weightCount = outputChannels * patchSize
        let partials = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(1, (parts - 1) * (weightCount + outputChannels)))
        defer { partials.deallocate() }
        let shared = Partials(pointer: partials)
        ComputeThreads.run(parts: parts) { part in
            let own = shared.pointer + (part - 1) * (weightCount + outputChannels)
            let target = part == 0 ? gradients : Gradients(
                input: gradients.input, weight: gradients.weight.map { _ in own }, bias: gradients.bias.map { _ in own + weightCount })
            backward(chunks: chunks(ofPart: part, of: parts), gradient: gradient, buffers: buffers, into: target)
        }
        for part in 1..<Swift.max(1, parts) {
            let own = partials + (part - 1) * (weightCount + outputChannels)
            if let weight = gradients.weight { for i in 0..<weightCount { weight[i] += own[i] } }
            if let bias = gradients.bias { for o in 0..<outputChannels { bias[o] += own[weightCount + o] } }
        }
    }

    /// Scratch space for the weight and bias sums of parts 1 and up.
    private struct Partials: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<Float>
    }

    /// The weight and bias gradients with the patch rows split over `tapParts` threads: part p builds its rows of every
    /// chunk's patch matrix and sums them into its rows of the transposed weight gradient, in chunk order. Each sum
    /// runs over the same columns in the same order as on one thread, so the bits do not depend on the thread count.
    /// Every part gathers the (small) output gradient of a chunk itself rather than wait for one copy; part 0 also
    /// sums the bias.
    private func weightBackward(gradient: UnsafePointer<Float>, input: UnsafePointer<Float>,
                                weight: UnsafeMutablePointer<Float>, bias: UnsafeMutablePointer<Float>?, tapParts: Int) {
        let transposedWeight = UnsafeMutablePointer<Float>.allocate(capacity: patchSize * outputChannels)
        defer { transposedWeight.deallocate() }
        transposedWeight.initialize(repeating: 0, count: patchSize * outputChannels)
        bias?.initialize(repeating: 0, count: outputChannels)
        ComputeThreads.run(parts: tapParts) { part in
            let taps = WorkerPool.range(ofPart: part, of: tapParts, splitting: patchSize)
            let rowsRoom = BufferPool.Scratch(count: outputChannels * chunkColumns)
            let columnsRoom = BufferPool.Scratch(count: taps.count * chunkColumns)
            let sums = UnsafeMutablePointer<Float>.allocate(capacity: outputChannels)
            defer {
                rowsRoom.release()
                columnsRoom.release()
                sums.deallocate()
            }
            let (rows, columns) = (rowsRoom.pointer, columnsRoom.pointer)
            for chunk in 0..<chunkCount {
                let images = images(ofChunk: chunk)
                gather(gradient: gradient, images: images, into: rows)
                addWeightGradient(of: images, input: input, rows: rows, taps: taps, columns: columns,
                                  into: transposedWeight)
                if part == 0, let bias { addBiasGradient(of: images, rows: rows, sums: sums, into: bias) }
            }
        }
        tk_transpose(patchSize, outputChannels, transposedWeight, weight)
    }

    /// Adds rows `taps` of the weight gradient of chunk `images` to the transposed weight gradient `[C·KH·KW, O]`:
    /// those rows of the chunk's patch matrix (built in `columns`) times its gathered output gradient `rows`. Summed
    /// transposed, the product reads the patch matrix in place and packs only the (much smaller) output gradient.
    private func addWeightGradient(of images: Range<Int>, input: UnsafePointer<Float>, rows: UnsafePointer<Float>,
                                   taps: Range<Int>, columns: UnsafeMutablePointer<Float>,
                                   into transposedWeight: UnsafeMutablePointer<Float>) {
        let width = images.count * plane
        im2col(input, images: images, taps: taps, into: columns)
        tk_sgemm(0, 1, taps.count, outputChannels, width, 1, columns, width, rows, width, 1,
                 transposedWeight + taps.lowerBound * outputChannels, outputChannels)
    }

    /// Adds the row sums of chunk `images`' gathered output gradient `rows` to `bias` (through `sums`).
    private func addBiasGradient(of images: Range<Int>, rows: UnsafePointer<Float>, sums: UnsafeMutablePointer<Float>,
                                 into bias: UnsafeMutablePointer<Float>) {
        tk_row_sums(outputChannels, images.count * plane, rows, sums)
        for o in 0..<outputChannels { bias[o] += sums[o] }
    }

    private func backward(chunks: Range<Int>, gradient: UnsafePointer<Float>, buffers: Buffers, into gradients: Gradients) {
        let rowsRoom = BufferPool.Scratch(count: outputChannels * chunkColumns)
        let columnsRoom = BufferPool.Scratch(count: patchSize * chunkColumns)
        let (rows, columns) = (rowsRoom.pointer, columnsRoom.pointer)
        let sums = UnsafeMutablePointer<Float>.allocate(capacity: outputChannels)
        let transposedWeight = UnsafeMutablePointer<Float>.allocate(capacity: patchSize * outputChannels)
        defer {
            rowsRoom.release()
            columnsRoom.release()
            sums.deallocate()
            transposedWeight.deallocate()
        }
        transposedWeight.initialize(repeating: 0, count: patchSize * outputChannels)
        gradients.bias?.initialize(repeating: 0, count: outputChannels)
        for chunk in chunks {
            let images = images(ofChunk: chunk)
            let width = images.count * plane
            gather(gradient: gradient, images: images, into: rows)
            if gradients.weight != nil {
                addWeightGradient(of: images, input: buffers.input, rows: rows, taps: 0..<patchSize, columns: columns,
                                  into: transposedWeight)
            }
            if let bias = gradients.bias { addBiasGradient(of: images, rows: rows, sums: sums, into: bias) }
            if let input = gradients.input {
                tk_sgemm(1, 0, patchSize, width, outputChannels, 1, buffers.weight, patchSize, rows, width, 0, columns, width)
                col2im(columns, images: images, into: input)
            }
        }
        if let weight = gradients.weight { tk_transpose(patchSize, outputChannels, transposedWeight, weight) }
    }
}
