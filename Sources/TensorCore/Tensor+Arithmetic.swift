/// Element-wise arithmetic with NumPy broadcasting, and its gradients.
extension Tensor {
    /// Applies `op` to broadcast pairs of elements.
    @inline(__always)
    static func zipBroadcast(_ a: Tensor, _ b: Tensor, _ op: (Float, Float) -> Float) -> Tensor {
        if a.shape == b.shape {
            return Tensor(shape: a.shape) { out in
                let x = a.storage.pointer, y = b.storage.pointer
                for i in 0..<out.count { out[i] = op(x[i], y[i]) }
            }
        }
        if b.count == 1, b.rank <= a.rank {
            let y = b.storage.pointer[0]
            return Tensor(shape: a.shape) { out in
                let x = a.storage.pointer
                for i in 0..<out.count { out[i] = op(x[i], y) }
            }
        }
        if a.count == 1, a.rank <= b.rank {
            let x = a.storage.pointer[0]
            return Tensor(shape: b.shape) { out in
                let y = b.storage.pointer
                for i in 0..<out.count { out[i] = op(x, y[i]) }
            }
        }
        let shape = Broadcasting.shape(a.shape, b.shape)
        let strides = [Broadcasting.strides(of: a.shape, in: shape), Broadcasting.strides(of: b.shape, in: shape)]
        return Tensor(shape: shape) { out in
            let x = a.storage.pointer, y = b.storage.pointer, o = out.baseAddress!
            Broadcasting.forEachRow(shape: shape, strides: strides) { offset, offsets, inner, length in
                let xs = x + offsets[0], ys = y + offsets[1], os = o + offset
                switch (inner[0], inner[1]) {
                case (1, 1): for i in 0..<length { os[i] = op(xs[i], ys[i]) }
                case (1, _): for i in 0..<length { os[i] = op(xs[i], ys[0]) }
                case (_, 1): for i in 0..<length { os[i] = op(xs[0], ys[i]) }
                default: for i in 0..<length { os[i] = op(xs[0], ys[0]) }
                }
            }
        }
    }

    /// Element-wise sum, broadcasting.
    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
        let value = zipBroadcast(lhs, rhs, +)
        let (ls, rs) = (lhs.shape, rhs.shape)
        return recording(value, inputs: [lhs, rhs]) { g, needed in
            [needed[0] ? g.summed(toShape: ls) : nil, needed[1] ? g.summed(toShape: rs) : nil]
        }
    }

    /// Element-wise difference, broadcasting.
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor {
        let value = zipBroadcast(lhs, rhs, -)
        let (ls, rs) = (lhs.shape, rhs.shape)
        return recording(value, inputs: [lhs, rhs]) { g, needed in
            [needed[0] ? g.summed(toShape: ls) : nil, needed[1] ? (-g).summed(toShape: rs) : nil]
        }
    }

    /// Element-wise product, broadcasting.
    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor {
        let value = zipBroadcast(lhs, rhs, *)
        let (a, b) = (lhs.detached(), rhs.detached())
        return recording(value, inputs: [lhs, rhs]) { g, needed in
            [needed[0] ? (g * b).summed(toShape: a.shape) : nil, needed[1] ? (g * a).summed(toShape: b.shape) : nil]
        }
    }

    /// Element-wise quotient, broadcasting.
    public static func / (lhs: Tensor, rhs: Tensor) -> Tensor {
        let value = zipBroadcast(lhs, rhs, /)
        let (a, b) = (lhs.detached(), rhs.detached())
        return recording(value, inputs: [lhs, rhs]) { g, needed in
            [
                needed[0] ? (g / b).summed(toShape: a.shape) : nil,
                needed[1] ? (-(g * a) / (b * b)).summed(toShape: b.shape) : nil,
            ]
        }
    }

    /// The element-wise larger of two tensors, broadcasting; the gradient goes to the larger operand (to `lhs` on
    /// ties), as with PyTorch's `torch.max(a, b)` away from ties.
    public static func maximum(_ lhs: Tensor, _ rhs: Tensor) -> Tensor {
        let value = zipBroadcast(lhs, rhs) { Swift.max($0, $1) }
        let (a, b) = (lhs.detached(), rhs.detached())
        return recording(value, inputs: [lhs, rhs]) { g, needed in
            let picksLeft = zipBroadcast(a, b) { $0 >= $1 ? 1 : 0 }
            return [
                needed[0] ? (g * picksLeft).summed(toShape: a.shape) : nil,
                needed[1] ? (g * (1 - picksLeft)).summed(toShape: b.shape) : nil,
            ]
        }
    }

    /// Adds a scalar to every element.
    public static func + (lhs: Tensor, rhs: Float) -> Tensor { lhs + Tensor(rhs) }
    /// Adds a scalar to every element.
    public static func + (lhs: Float, rhs: Tensor) -> Tensor { Tensor(lhs) + rhs }
    /// Subtracts a scalar from every element.
    public static func - (lhs: Tensor, rhs: Float) -> Tensor { lhs + Tensor(-rhs) }
    /// Subtracts every element from a scalar.
    public static func - (lhs: Float, rhs: Tensor) -> Tensor { Tensor(lhs) - rhs }
    /// Multiplies every element by a scalar.
    public static func * (lhs: Tensor, rhs: Float) -> Tensor { lhs * Tensor(rhs) }
    /// Multiplies every element by a scalar.
    public static func * (lhs: Float, rhs: Tensor) -> Tensor { Tensor(lhs) * rhs }
    /// Divides every element by a scalar.
    public static func / (lhs: Tensor, rhs: Float) -> Tensor { lhs * Tensor(1 / rhs) }
    /// Divides a scalar by every element.
    public static func / (lhs: Float, rhs: Tensor) -> Tensor { Tensor(lhs) / rhs }
}
