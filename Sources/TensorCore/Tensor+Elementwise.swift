import CTensorKernels
import Foundation

/// A scalar function applied element by element, with its derivative for the backward pass.
///
/// Ops are generic over the function type, so each one compiles to its own specialized loops.
protocol ElementwiseFunction {
    /// f(x).
    func value(_ x: Float) -> Float
    /// f′(x), given x and y = f(x).
    func derivative(_ x: Float, _ y: Float) -> Float
}

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

    /// Applies `function` and records its derivative for the backward pass.
    func apply<F: ElementwiseFunction>(_ function: F) -> Tensor {
        let value = map(function.value)
        let (x, y) = (detached(), value)
        return Tensor.recording(value, inputs: [self]) { g, _ in
            [Tensor(shape: g.shape) { out in
                let gp = g.storage.pointer, xp = x.storage.pointer, yp = y.storage.pointer
                for i in 0..<out.count { out[i] = gp[i] * function.derivative(xp[i], yp[i]) }
            }]
        }
    }

    /// Element-wise negation.
    public static prefix func - (operand: Tensor) -> Tensor { operand.apply(Negation()) }

    /// e raised to each element.
    public func exp() -> Tensor { apply(Exponential()) }

    /// The natural logarithm of each element.
    public func log() -> Tensor { apply(Logarithm()) }

    /// The square root of each element.
    public func sqrt() -> Tensor { apply(SquareRoot()) }

    /// Each element squared.
    public func squared() -> Tensor { apply(Square()) }

    /// Each element raised to `exponent`.
    public func pow(_ exponent: Float) -> Tensor { apply(Power(exponent: exponent)) }

    /// The absolute value of each element (gradient 0 at 0).
    public func abs() -> Tensor { apply(AbsoluteValue()) }

    /// Each element limited to `[min, max]`; the gradient is 1 inside the range and 0 where clamped.
    public func clamped(min lower: Float = -.infinity, max upper: Float = .infinity) -> Tensor {
        apply(Clamp(lower: lower, upper: upper))
    }

    /// max(x, 0).
    public func relu() -> Tensor { leakyRelu(slope: 0) }

    /// x for positive x, `slope * x` otherwise (vectorized in CTensorKernels, forward and backward).
    public func leakyRelu(slope: Float = 0.01) -> Tensor {
        let source = storage.pointer
        let value = Tensor(shape: shape) { out in tk_leaky_relu(out.count, slope, source, out.baseAddress!) }
        let x = detached()
        return Tensor.recording(value, inputs: [self]) { g, _ in
            [Tensor(shape: g.shape) { out in
                tk_leaky_relu_backward(out.count, slope, x.storage.pointer, g.storage.pointer, out.baseAddress!)
            }]
        }
    }

    /// The hyperbolic tangent of each element (vectorized in CTensorKernels, within 4e-7 of the exact value); the
    /// gradient is 1 − tanh².
    public func tanh() -> Tensor {
        let source = storage.pointer
        let value = Tensor(shape: shape) { out in tk_tanh(out.count, source, out.baseAddress!) }
        let y = value
        return Tensor.recording(value, inputs: [self]) { g, _ in
            [Tensor(shape: g.shape) { out in
                let gp = g.storage.pointer, yp = y.storage.pointer
                for i in 0..<out.count { out[i] = gp[i] * (1 - yp[i] * yp[i]) }
            }]
        }
    }

    /// The logistic function 1 / (1 + e^−x) of each element.
    public func sigmoid() -> Tensor { apply(Logistic()) }
}

struct Negation: ElementwiseFunction {
    func value(_ x: Float) -> Float { -x }
    func derivative(_ x: Float, _ y: Float) -> Float { -1 }
}

struct Exponential: ElementwiseFunction {
    func value(_ x: Float) -> Float { Foundation.exp(x) }
    func derivative(_ x: Float, _ y: Float) -> Float { y }
}

struct Logarithm: ElementwiseFunction {
    func value(_ x: Float) -> Float { Foundation.log(x) }
    func derivative(_ x: Float, _ y: Float) -> Float { 1 / x }
}

struct SquareRoot: ElementwiseFunction {
    func value(_ x: Float) -> Float { x.squareRoot() }
    func derivative(_ x: Float, _ y: Float) -> Float { 0.5 / y }
}

struct Square: ElementwiseFunction {
    func value(_ x: Float) -> Float { x * x }
    func derivative(_ x: Float, _ y: Float) -> Float { 2 * x }
}

struct Power: ElementwiseFunction {
    let exponent: Float
    func value(_ x: Float) -> Float { Foundation.pow(x, exponent) }
    func derivative(_ x: Float, _ y: Float) -> Float { exponent * Foundation.pow(x, exponent - 1) }
}

struct AbsoluteValue: ElementwiseFunction {
    func value(_ x: Float) -> Float { Swift.abs(x) }
    func derivative(_ x: Float, _ y: Float) -> Float { x > 0 ? 1 : (x < 0 ? -1 : 0) }
}

struct Clamp: ElementwiseFunction {
    let lower: Float, upper: Float
    func value(_ x: Float) -> Float { Swift.min(Swift.max(x, lower), upper) }
    func derivative(_ x: Float, _ y: Float) -> Float { x >= lower && x <= upper ? 1 : 0 }
}

struct Logistic: ElementwiseFunction {
    func value(_ x: Float) -> Float { x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x)) }
    func derivative(_ x: Float, _ y: Float) -> Float { y * (1 - y) }
}

/// The element-wise activations on a caller's buffer, in place, without a tensor: the kernels (and bits) of
/// ``Tensor/leakyRelu(slope:)`` and ``Tensor/tanh()``, for inference loops.
public enum ActivationKernels {
    /// x ← x where x > 0, slope · x elsewhere (ReLU for slope 0).
    public static func leakyRelu(_ values: UnsafeMutableBufferPointer<Float>, slope: Float) {
        guard let base = values.baseAddress else { return }
        tk_leaky_relu(values.count, slope, base, base)
    }

    /// x ← tanh(x).
    public static func tanh(_ values: UnsafeMutableBufferPointer<Float>) {
        guard let base = values.baseAddress else { return }
        tk_tanh(values.count, base, base)
    }
}
