import CTensorKernels

/// Sums, means and maxima over all elements or along one axis.
extension Tensor {
    /// `axis` made non-negative (negative counts from the end).
    func normalizedAxis(_ axis: Int) -> Int {
        let resolved = axis < 0 ? axis + rank : axis
        precondition(resolved >= 0 && resolved < rank, "axis \(axis) out of range for shape \(shape)")
        return resolved
    }

    /// The sizes before, along and after `axis`.
    func split(at axis: Int) -> (outer: Int, length: Int, inner: Int) {
        (Tensor.elementCount(Array(shape[..<axis])), shape[axis], Tensor.elementCount(Array(shape[(axis + 1)...])))
    }

    /// The shape after reducing `axis`.
    func reducedShape(_ axis: Int, keepingDimension: Bool) -> [Int] {
        var result = shape
        if keepingDimension { result[axis] = 1 } else { result.remove(at: axis) }
        return result
    }

    /// The sum of all elements, as a scalar tensor.
    public func sum() -> Tensor {
        var total: Float = 0
        withUnsafeBufferPointer { for v in $0 { total += v } }
        let shape = self.shape
        return Tensor.recording(Tensor(total), inputs: [self]) { g, _ in
            [Tensor(repeating: g.item, shape: shape)]
        }
    }

    /// The sum of the squared elements in double precision, added in a fixed order (the same bits on every
    /// instruction set); not recorded for gradients. The squared L2 norm that gradient clipping needs.
    public var sumOfSquares: Double {
        withUnsafeBufferPointer { tk_sum_squares($0.count, $0.baseAddress) }
    }

    /// The mean of all elements, as a scalar tensor.
    public func mean() -> Tensor {
        sum() * (1 / Float(Swift.max(count, 1)))
    }

    /// The sum along `axis`, which is removed unless `keepingDimension`.
    public func sum(alongAxis axis: Int, keepingDimension: Bool = false) -> Tensor {
        let axis = normalizedAxis(axis)
        let (outer, length, inner) = split(at: axis)
        let source = storage.pointer
        let value = Tensor(shape: reducedShape(axis, keepingDimension: keepingDimension)) { out in
            for o in 0..<outer {
                let dst = out.baseAddress! + o * inner
                if inner == 1 {
                    var total: Float = 0
                    for k in 0..<length { total += source[o * length + k] }
                    dst[0] = total
                    continue
                }
                tk_column_sums(length, inner, source + o * length * inner, dst)
            }
        }
        let shape = self.shape
        return Tensor.recording(value, inputs: [self]) { g, _ in
            [Tensor(shape: shape) { out in
                let gp = g.storage.pointer
                for o in 0..<outer {
                    for k in 0..<length {
                        let dst = out.baseAddress! + (o * length + k) * inner
                        for i in 0..<inner { dst[i] = gp[o * inner + i] }
                    }
                }
            }]
        }
    }

    /// The mean along `axis`, which is removed unless `keepingDimension`.
    public func mean(alongAxis axis: Int, keepingDimension: Bool = false) -> Tensor {
        let length = shape[normalizedAxis(axis)]
        return sum(alongAxis: axis, keepingDimension: keepingDimension) * (1 / Float(Swift.max(length, 1)))
    }

    /// The largest element, as a scalar tensor; the gradient goes to its first occurrence.
    public func max() -> Tensor {
        precondition(count > 0, "max of an empty tensor")
        return reshaped([count]).max(alongAxis: 0)
    }

    /// The maximum along `axis`; the gradient goes to the first maximal element of each slice.
    public func max(alongAxis axis: Int, keepingDimension: Bool = false) -> Tensor {
        let axis = normalizedAxis(axis)
        let (outer, length, inner) = split(at: axis)
        precondition(length > 0, "max along an empty axis")
        let indices = argmaxIndices(outer: outer, length: length, inner: inner)
        let source = storage.pointer
        let value = Tensor(shape: reducedShape(axis, keepingDimension: keepingDimension)) { out in
            for o in 0..<outer {
                for i in 0..<inner { out[o * inner + i] = source[(o * length + indices[o * inner + i]) * inner + i] }
            }
        }
        let shape = self.shape
        return Tensor.recording(value, inputs: [self]) { g, _ in
            [Tensor(shape: shape) { out in
                out.initialize(repeating: 0)
                let gp = g.storage.pointer
                for o in 0..<outer {
                    for i in 0..<inner { out[(o * length + indices[o * inner + i]) * inner + i] = gp[o * inner + i] }
                }
            }]
        }
    }

    /// The position of the largest element along `axis` for every other index, in row-major order.
    ///
    /// For a `[batch, actions]` tensor of Q-values, `argmax(alongAxis: 1)` is the greedy action of each row.
    public func argmax(alongAxis axis: Int) -> [Int] {
        let axis = normalizedAxis(axis)
        let (outer, length, inner) = split(at: axis)
        precondition(length > 0, "argmax along an empty axis")
        return argmaxIndices(outer: outer, length: length, inner: inner)
    }

    /// The row-major position of the largest element (the first, on ties).
    public func argmax() -> Int {
        precondition(count > 0, "argmax of an empty tensor")
        return argmaxIndices(outer: 1, length: count, inner: 1)[0]
    }

    private func argmaxIndices(outer: Int, length: Int, inner: Int) -> [Int] {
        let source = storage.pointer
        var result = Array(repeating: 0, count: outer * inner)
        for o in 0..<outer {
            for i in 0..<inner {
                var best = source[o * length * inner + i]
                var bestIndex = 0
                for k in 1..<Swift.max(length, 1) where source[(o * length + k) * inner + i] > best {
                    best = source[(o * length + k) * inner + i]
                    bestIndex = k
                }
                result[o * inner + i] = bestIndex
            }
        }
        return result
    }
}
