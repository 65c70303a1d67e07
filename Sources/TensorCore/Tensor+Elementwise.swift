import Foundation

/// Element-wise functions and their derivatives.
extension Tensor {
    /// Applies `transform` to every element, without recording gradients.
    @inline(__always)
    public func map(_ transform: (Float) -> Float) -> Tensor {
        let source = storage.pointer
        return Tensor(shape: shape) { out in
            for i in 0..<out.count { out[i] = transform(source[i]) }
        }
    }

    /// Applies `transform` and records `derivative(x, y)` = dy/dx for the backward pass.
    @inline(__always)
    func mapWithGradient(_ transform: (Float) -> Float, derivative: @escaping (Float, Float) -> Float) -> Tensor {
        let value = map(transform)
        let (x, y) = (detached(), value)
        return Tensor.recording(value, inputs: [self]) { g, _ in
            [Tensor(shape: g.shape) { out in
                let gp = g.storage.pointer, xp = x.storage.pointer, yp = y.storage.pointer
                for i in 0..<out.count { out[i] = gp[i] * derivative(xp[i], yp[i]) }
            }]
        }
    }

    /// e raised to each element.
    public func exp() -> Tensor { mapWithGradient({ Foundation.exp($0) }, derivative: { _, y in y }) }

    /// The natural logarithm of each element.
    public func log() -> Tensor { mapWithGradient({ Foundation.log($0) }, derivative: { x, _ in 1 / x }) }

    /// The square root of each element.
    public func sqrt() -> Tensor { mapWithGradient({ $0.squareRoot() }, derivative: { _, y in 0.5 / y }) }

    /// Each element squared.
    public func squared() -> Tensor { mapWithGradient({ $0 * $0 }, derivative: { x, _ in 2 * x }) }

    /// Each element raised to `exponent`.
    public func pow(_ exponent: Float) -> Tensor {
        mapWithGradient({ Foundation.pow($0, exponent) }, derivative: { x, _ in exponent * Foundation.pow(x, exponent - 1) })
    }

    /// The absolute value of each element (gradient 0 at 0).
    public func abs() -> Tensor {
        mapWithGradient({ Swift.abs($0) }, derivative: { x, _ in x > 0 ? 1 : (x < 0 ? -1 : 0) })
    }

    /// Each element limited to `[min, max]`; the gradient is 1 inside the range and 0 where clamped.
    public func clamped(min lower: Float = -.infinity, max upper: Float = .infinity) -> Tensor {
        mapWithGradient({ Swift.min(Swift.max($0, lower), upper) }, derivative: { x, _ in x >= lower && x <= upper ? 1 : 0 })
    }

    /// max(x, 0).
    public func relu() -> Tensor { mapWithGradient({ $0 > 0 ? $0 : 0 }, derivative: { x, _ in x > 0 ? 1 : 0 }) }

    /// x for positive x, `slope * x` otherwise.
    public func leakyRelu(slope: Float = 0.01) -> Tensor {
        mapWithGradient({ $0 > 0 ? $0 : slope * $0 }, derivative: { x, _ in x > 0 ? 1 : slope })
    }

    /// The hyperbolic tangent of each element.
    public func tanh() -> Tensor { mapWithGradient({ Foundation.tanh($0) }, derivative: { _, y in 1 - y * y }) }

    /// The logistic function 1 / (1 + e^−x) of each element.
    public func sigmoid() -> Tensor {
        mapWithGradient({ $0 >= 0 ? 1 / (1 + Foundation.exp(-$0)) : Foundation.exp($0) / (1 + Foundation.exp($0)) },
                        derivative: { _, y in y * (1 - y) })
    }
}
