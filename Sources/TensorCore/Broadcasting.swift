/// Shape rules shared by element-wise ops: NumPy broadcasting and its adjoint, summing back to a shape.
enum Broadcasting {
    /// The shape two operands broadcast to, aligning trailing axes; sizes must match or be 1.
    static func shape(_ a: [Int], _ b: [Int]) -> [Int] {
        let rank = max(a.count, b.count)
        let pa = Array(repeating: 1, count: rank - a.count) + a
        let pb = Array(repeating: 1, count: rank - b.count) + b
        return zip(pa, pb).map { x, y in
            precondition(x == y || x == 1 || y == 1, "shapes \(a) and \(b) do not broadcast")
            return x == 1 ? y : x
        }
    }

    /// Row-major strides of `shape` seen inside `target`: 0 along broadcast (size-1 or missing) axes.
    static func strides(of shape: [Int], in target: [Int]) -> [Int] {
        let padded = Array(repeating: 1, count: target.count - shape.count) + shape
        var strides = Array(repeating: 0, count: target.count)
        var running = 1
        for axis in stride(from: target.count - 1, through: 0, by: -1) {
            strides[axis] = padded[axis] == 1 && target[axis] != 1 ? 0 : running
            running *= padded[axis]
        }
        return strides
    }

    /// Walks every element of `shape` in row-major order, one innermost row at a time.
    ///
    /// `body(outputOffset, offsets, innerStrides, length)` gets the offset of the row's first element in
    /// each strided operand and the operands' strides along the innermost axis.
    static func forEachRow(
        shape: [Int], strides: [[Int]], _ body: (Int, [Int], [Int], Int) -> Void
    ) {
        let count = shape.reduce(1, *)
        guard count > 0 else { return }
        guard let inner = shape.last else {
            body(0, strides.map { _ in 0 }, strides.map { _ in 0 }, 1)
            return
        }
        let rank = shape.count
        let innerStrides = strides.map { $0[rank - 1] }
        var index = Array(repeating: 0, count: rank)
        var offsets = Array(repeating: 0, count: strides.count)
        var output = 0
        while output < count {
            body(output, offsets, innerStrides, inner)
            output += inner
            var axis = rank - 2
            while axis >= 0 {
                index[axis] += 1
                for operand in strides.indices { offsets[operand] += strides[operand][axis] }
                if index[axis] < shape[axis] { break }
                for operand in strides.indices { offsets[operand] -= strides[operand][axis] * shape[axis] }
                index[axis] = 0
                axis -= 1
            }
        }
    }
}

extension Tensor {
    /// Sums this tensor over the axes that broadcasting added or stretched, giving a tensor of `target` shape.
    func summed(toShape target: [Int]) -> Tensor {
        if shape == target { return self }
        let source = self
        var result = Tensor(repeating: 0, shape: target)
        let strides = Broadcasting.strides(of: target, in: shape)
        result.withUnsafeMutableBufferPointer { out in
            source.withUnsafeBufferPointer { input in
                Broadcasting.forEachRow(shape: shape, strides: [strides]) { offset, offsets, inner, length in
                    let dst = out.baseAddress! + offsets[0]
                    let src = input.baseAddress! + offset
                    if inner[0] == 0 {
                        var total: Float = 0
                        for i in 0..<length { total += src[i] }
                        dst[0] += total
                    } else {
                        for i in 0..<length { dst[i] += src[i] }
                    }
                }
            }
        }
        return result
    }
}
