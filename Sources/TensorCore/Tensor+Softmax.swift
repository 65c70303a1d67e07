import Foundation

/// Softmax and log-softmax along an axis, computed stably (shifted by the maximum).
extension Tensor {
    /// exp(x) normalized to sum to 1 along `axis`.
    public func softmax(alongAxis axis: Int = -1) -> Tensor {
        let axis = normalizedAxis(axis)
        let (outer, length, inner) = split(at: axis)
        let value = normalizedExponentials(outer: outer, length: length, inner: inner, logarithm: false)
        let y = value
        return Tensor.recording(value, inputs: [self]) { g, _ in
            [Tensor(shape: g.shape) { out in
                let gp = g.storage.pointer, yp = y.storage.pointer
                Tensor.forEachLane(outer: outer, length: length, inner: inner) { base, step in
                    var dot: Float = 0
                    for k in 0..<length { dot += gp[base + k * step] * yp[base + k * step] }
                    for k in 0..<length { out[base + k * step] = yp[base + k * step] * (gp[base + k * step] - dot) }
                }
            }]
        }
    }

    /// The logarithm of ``softmax(alongAxis:)``: x − log Σ exp(x) along `axis`.
    public func logSoftmax(alongAxis axis: Int = -1) -> Tensor {
        let axis = normalizedAxis(axis)
        let (outer, length, inner) = split(at: axis)
        let value = normalizedExponentials(outer: outer, length: length, inner: inner, logarithm: true)
        let y = value
        return Tensor.recording(value, inputs: [self]) { g, _ in
            [Tensor(shape: g.shape) { out in
                let gp = g.storage.pointer, yp = y.storage.pointer
                Tensor.forEachLane(outer: outer, length: length, inner: inner) { base, step in
                    var total: Float = 0
                    for k in 0..<length { total += gp[base + k * step] }
                    for k in 0..<length { out[base + k * step] = gp[base + k * step] - Foundation.exp(yp[base + k * step]) * total }
                }
            }]
        }
    }

    /// Calls `body(first, stride)` for every one-dimensional lane along the split axis.
    static func forEachLane(outer: Int, length: Int, inner: Int, _ body: (Int, Int) -> Void) {
        for o in 0..<outer {
            for i in 0..<inner { body(o * length * inner + i, inner) }
        }
    }

    private func normalizedExponentials(outer: Int, length: Int, inner: Int, logarithm: Bool) -> Tensor {
        let source = storage.pointer
        return Tensor(shape: shape) { out in
            Tensor.forEachLane(outer: outer, length: length, inner: inner) { base, step in
                var largest = -Float.infinity
                for k in 0..<length { largest = Swift.max(largest, source[base + k * step]) }
                var total: Float = 0
                for k in 0..<length {
                    let e = Foundation.exp(source[base + k * step] - largest)
                    out[base + k * step] = e
                    total += e
                }
                if logarithm {
                    let shift = largest + Foundation.log(total)
                    for k in 0..<length { out[base + k * step] = source[base + k * step] - shift }
                } else {
                    let scale = 1 / total
                    for k in 0..<length { out[base + k * step] *= scale }
                }
            }
        }
    }
}
