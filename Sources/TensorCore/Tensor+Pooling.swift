import CTensorKernels

/// Max and average pooling over NCHW batches.
extension Tensor {
    /// The maximum of each `kernel` window moved by `stride` (default: the kernel size); padding is ignored
    /// when taking the maximum, as in PyTorch.
    public func maxPool2d(kernel: (Int, Int), stride: (Int, Int)? = nil, padding: (Int, Int) = (0, 0)) -> Tensor {
        let window = PoolingWindow(input: shape, kernel: kernel, stride: stride ?? kernel, padding: padding)
        var winners = [Int32](repeating: 0, count: Tensor.elementCount(window.outputShape))
        let source = storage.pointer
        let value = Tensor(shape: window.outputShape) { out in
            winners.withUnsafeMutableBufferPointer { best in
                window.forEachWindow { plane, output, rows, columns in
                    var largest = -Float.infinity
                    var winner = rows.lowerBound * window.width + columns.lowerBound
                    for y in rows {
                        for x in columns where source[plane + y * window.width + x] > largest {
                            largest = source[plane + y * window.width + x]
                            winner = y * window.width + x
                        }
                    }
                    out[output] = largest
                    best[output] = Int32(winner)
                }
            }
        }
        let original = shape
        return Tensor.recording(value, inputs: [self]) { g, _ in
            [Tensor(shape: original) { out in
                out.initialize(repeating: 0)
                let gp = g.storage.pointer
                let planeSize = window.height * window.width
                let outputPlane = window.outputHeight * window.outputWidth
                for index in 0..<winners.count {
                    out[(index / outputPlane) * planeSize + Int(winners[index])] += gp[index]
                }
            }]
        }
    }

    /// The mean of each `kernel` window; padded positions count as zeros (PyTorch's default). Windows that tile the
    /// input (the default stride, no padding) go through a kernel of CTensorKernels.
    public func avgPool2d(kernel: (Int, Int), stride: (Int, Int)? = nil, padding: (Int, Int) = (0, 0)) -> Tensor {
        let window = PoolingWindow(input: shape, kernel: kernel, stride: stride ?? kernel, padding: padding)
        if window.tiles {
            let source = storage.pointer
            let value = Tensor(shape: window.outputShape) { out in
                tk_avg_pool_tiled(window.planes, window.height, window.width, kernel.0, kernel.1, source, out.baseAddress!)
            }
            let original = shape
            return Tensor.recording(value, inputs: [self]) { g, _ in
                [Tensor(shape: original) { out in
                    tk_avg_pool_tiled_backward(window.planes, window.height, window.width, kernel.0, kernel.1,
                                               g.storage.pointer, out.baseAddress!)
                }]
            }
        }
        let scale = 1 / Float(kernel.0 * kernel.1)
        let source = storage.pointer
        let width = window.width
        let value = Tensor(shape: window.outputShape) { out in
            let target = out.baseAddress!
            window.forEachWindow { plane, output, rows, columns in
                var total: Float = 0
                for y in rows {
                    let row = source + (plane &+ y &* width)
                    for x in columns { total += row[x] }
                }
                target[output] = total * scale
            }
        }
        let original = shape
        return Tensor.recording(value, inputs: [self]) { g, _ in
            [Tensor(shape: original) { out in
                out.initialize(repeating: 0)
                let gp = g.storage.pointer, target = out.baseAddress!
                window.forEachWindow { plane, output, rows, columns in
                    let share = gp[output] * scale
                    for y in rows {
                        let row = target + (plane &+ y &* width)
                        for x in columns { row[x] += share }
                    }
                }
            }]
        }
    }
}

/// The geometry of a pooling window sliding over NCHW planes.
struct PoolingWindow {
    let planes, height, width: Int
    let kernel, stride, padding: (Int, Int)
    let outputHeight, outputWidth: Int
    let outputShape: [Int]

    init(input: [Int], kernel: (Int, Int), stride: (Int, Int), padding: (Int, Int)) {
        precondition(input.count == 4, "pooling needs [N, C, H, W], got \(input)")
        precondition(kernel.0 > 0 && kernel.1 > 0 && stride.0 > 0 && stride.1 > 0, "invalid pooling window")
        precondition(padding.0 * 2 <= kernel.0 && padding.1 * 2 <= kernel.1, "padding must be at most half the kernel")
        (planes, height, width) = (input[0] * input[1], input[2], input[3])
        (self.kernel, self.stride, self.padding) = (kernel, stride, padding)
        outputHeight = Tensor.convolutionOutputSize(height, kernel: kernel.0, stride: stride.0, padding: padding.0)
        outputWidth = Tensor.convolutionOutputSize(width, kernel: kernel.1, stride: stride.1, padding: padding.1)
        precondition(outputHeight > 0 && outputWidth > 0, "pooling window \(kernel) does not fit \(input)")
        outputShape = [input[0], input[1], outputHeight, outputWidth]
    }

    /// Whether the windows tile the planes: stride equal to the kernel, no padding.
    var tiles: Bool {
        stride == kernel && padding == (0, 0)
    }

    /// Calls `body(planeOffset, outputIndex, rows, columns)` for every window, with the rows and columns of the
    /// plane it covers (padding left out), without allocating.
    @inline(__always)
    func forEachWindow(_ body: (Int, Int, Range<Int>, Range<Int>) -> Void) {
        var output = 0
        for plane in 0..<planes {
            for oy in 0..<outputHeight {
                let top = oy * stride.0 - padding.0
                let rows = Swift.max(top, 0)..<Swift.min(top + kernel.0, height)
                for ox in 0..<outputWidth {
                    let left = ox * stride.1 - padding.1
                    body(plane * height * width, output, rows, Swift.max(left, 0)..<Swift.min(left + kernel.1, width))
                    output += 1
                }
            }
        }
    }
}
