/// Reshaping, transposition, slicing, concatenation and gathering.
extension Tensor {
    /// The same elements under a new shape; one dimension may be -1 (inferred).
    public func reshaped(_ newShape: [Int]) -> Tensor {
        var resolved = newShape
        if let inferred = newShape.firstIndex(of: -1) {
            let known = newShape.enumerated().filter { $0.offset != inferred }.reduce(1) { $0 * $1.element }
            precondition(known > 0 && count % known == 0, "cannot reshape \(shape) to \(newShape)")
            resolved[inferred] = count / known
        }
        precondition(Tensor.elementCount(resolved) == count, "cannot reshape \(shape) to \(newShape)")
        let original = shape
        return Tensor.recording(Tensor(shape: resolved, storage: storage), inputs: [self]) { g, _ in
            [g.reshaped(original)]
        }
    }

    /// Collapses the axes from `startAxis` on into one: `[N, C, H, W]` becomes `[N, C·H·W]` by default.
    public func flattened(startAxis: Int = 1) -> Tensor {
        guard rank > startAxis else { return self }
        return reshaped(Array(shape[..<startAxis]) + [Tensor.elementCount(Array(shape[startAxis...]))])
    }

    /// The axes reordered: axis `i` of the result is axis `order[i]` of this tensor.
    public func permuted(_ order: [Int]) -> Tensor {
        precondition(order.sorted() == Array(0..<rank), "\(order) is not a permutation of the axes of \(shape)")
        let newShape = order.map { shape[$0] }
        var sourceStrides = Array(repeating: 1, count: rank)
        for axis in stride(from: rank - 2, through: 0, by: -1) { sourceStrides[axis] = sourceStrides[axis + 1] * shape[axis + 1] }
        let gatherStrides = order.map { sourceStrides[$0] }
        let source = storage.pointer
        let value = Tensor(shape: newShape) { out in
            Broadcasting.forEachRow(shape: newShape, strides: [gatherStrides]) { offset, offsets, inner, length in
                let src = source + offsets[0], dst = out.baseAddress! + offset
                for i in 0..<length { dst[i] = src[i * inner[0]] }
            }
        }
        var inverse = Array(repeating: 0, count: rank)
        for (i, axis) in order.enumerated() { inverse[axis] = i }
        return Tensor.recording(value, inputs: [self]) { g, _ in [g.permuted(inverse)] }
    }

    /// The matrix transpose of a rank-2 tensor, or the last two axes swapped for higher ranks.
    public func transposed() -> Tensor {
        precondition(rank >= 2, "transposed() needs at least two axes, shape is \(shape)")
        var order = Array(0..<rank)
        order.swapAt(rank - 1, rank - 2)
        return permuted(order)
    }

    /// The sub-tensors `range` along the leading axis.
    public subscript(range: Range<Int>) -> Tensor {
        precondition(rank >= 1 && range.lowerBound >= 0 && range.upperBound <= shape[0], "slice \(range) out of \(shape)")
        let rowSize = count / Swift.max(shape[0], 1)
        var newShape = shape
        newShape[0] = range.count
        let source = storage.pointer + range.lowerBound * rowSize
        let value = Tensor(shape: newShape) { out in
            out.baseAddress!.update(from: source, count: out.count)
        }
        let original = shape
        return Tensor.recording(value, inputs: [self]) { g, _ in
            [Tensor(shape: original) { out in
                out.initialize(repeating: 0)
                (out.baseAddress! + range.lowerBound * rowSize).update(from: g.storage.pointer, count: g.count)
            }]
        }
    }

    /// The sub-tensor at `index` along the leading axis (that axis removed).
    public subscript(index: Int) -> Tensor {
        self[index..<(index + 1)].reshaped(Array(shape.dropFirst()))
    }

    /// Joins tensors along `axis`; all other dimensions must agree.
    public static func concatenate(_ tensors: [Tensor], alongAxis axis: Int = 0) -> Tensor {
        precondition(!tensors.isEmpty, "concatenate needs at least one tensor")
        let first = tensors[0]
        let axis = first.normalizedAxis(axis)
        for t in tensors {
            precondition(t.rank == first.rank && t.shape.enumerated().allSatisfy { $0.offset == axis || $0.element == first.shape[$0.offset] },
                         "cannot concatenate \(t.shape) with \(first.shape) along axis \(axis)")
        }
        let outer = first.split(at: axis).outer
        let chunks = tensors.map { $0.split(at: axis).length * $0.split(at: axis).inner }
        let total = chunks.reduce(0, +)
        var newShape = first.shape
        newShape[axis] = tensors.reduce(0) { $0 + $1.shape[axis] }
        let value = Tensor(shape: newShape) { out in
            var column = 0
            for (t, chunk) in zip(tensors, chunks) {
                let src = t.storage.pointer
                for o in 0..<outer { (out.baseAddress! + o * total + column).update(from: src + o * chunk, count: chunk) }
                column += chunk
            }
        }
        let shapes = tensors.map(\.shape)
        return recording(value, inputs: tensors) { g, needed in
            var column = 0
            return zip(shapes, chunks).enumerated().map { index, pair in
                let (shape, chunk) = pair
                defer { column += chunk }
                guard needed[index] else { return nil }
                let start = column
                return Tensor(shape: shape) { out in
                    for o in 0..<outer { (out.baseAddress! + o * chunk).update(from: g.storage.pointer + o * total + start, count: chunk) }
                }
            }
        }
    }

    /// Picks elements along `axis`: `result[..., j, ...] = self[..., indices[..., j, ...], ...]`.
    ///
    /// `indices` is row-major with this tensor's shape except `count` entries along `axis`. For Q-values of
    /// shape `[batch, actions]` and one action per row, `gather(alongAxis: 1, indices: actions)` is `[batch, 1]`.
    public func gather(alongAxis axis: Int, indices: [Int]) -> Tensor {
        let axis = normalizedAxis(axis)
        let (outer, length, inner) = split(at: axis)
        precondition(outer * inner > 0 && indices.count % (outer * inner) == 0,
                     "\(indices.count) indices do not fit shape \(shape) along axis \(axis)")
        let picked = indices.count / (outer * inner)
        precondition(indices.allSatisfy { $0 >= 0 && $0 < length }, "gather index out of range 0..<\(length)")
        var newShape = shape
        newShape[axis] = picked
        let source = storage.pointer
        let value = Tensor(shape: newShape) { out in
            for o in 0..<outer {
                for k in 0..<picked {
                    for i in 0..<inner {
                        let position = (o * picked + k) * inner + i
                        out[position] = source[(o * length + indices[position]) * inner + i]
                    }
                }
            }
        }
        let original = shape
        return Tensor.recording(value, inputs: [self]) { g, _ in
            [Tensor(shape: original) { out in
                out.initialize(repeating: 0)
                let gp = g.storage.pointer
                for o in 0..<outer {
                    for k in 0..<picked {
                        for i in 0..<inner {
                            let position = (o * picked + k) * inner + i
                            out[(o * length + indices[position]) * inner + i] += gp[position]
                        }
                    }
                }
            }]
        }
    }

    /// A `[indices.count, classes]` tensor with a 1 at each row's index and 0 elsewhere.
    public static func oneHot(_ indices: [Int], classes: Int) -> Tensor {
        precondition(indices.allSatisfy { $0 >= 0 && $0 < classes }, "one-hot index out of range 0..<\(classes)")
        return Tensor(shape: [indices.count, classes]) { out in
            out.initialize(repeating: 0)
            for (row, index) in indices.enumerated() { out[row * classes + index] = 1 }
        }
    }
}
