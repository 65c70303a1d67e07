import TensorCore

/// max(x, 0).
public final class ReLU: ParameterlessLayer {
    /// Creates the layer.
    public init() {}
    public func callAsFunction(_ input: Tensor) -> Tensor { input.relu() }
}

/// x for positive x, `negativeSlope · x` otherwise.
public final class LeakyReLU: ParameterlessLayer {
    public let negativeSlope: Float
    /// Creates the layer (PyTorch's default slope is 0.01).
    public init(negativeSlope: Float = 0.01) { self.negativeSlope = negativeSlope }
    public func callAsFunction(_ input: Tensor) -> Tensor { input.leakyRelu(slope: negativeSlope) }
}

/// The hyperbolic tangent.
public final class Tanh: ParameterlessLayer {
    /// Creates the layer.
    public init() {}
    public func callAsFunction(_ input: Tensor) -> Tensor { input.tanh() }
}

/// The logistic function.
public final class Sigmoid: ParameterlessLayer {
    /// Creates the layer.
    public init() {}
    public func callAsFunction(_ input: Tensor) -> Tensor { input.sigmoid() }
}

/// Softmax along an axis (the last by default).
public final class Softmax: ParameterlessLayer {
    public let axis: Int
    /// Creates the layer.
    public init(axis: Int = -1) { self.axis = axis }
    public func callAsFunction(_ input: Tensor) -> Tensor { input.softmax(alongAxis: axis) }
}

/// Log-softmax along an axis (the last by default).
public final class LogSoftmax: ParameterlessLayer {
    public let axis: Int
    /// Creates the layer.
    public init(axis: Int = -1) { self.axis = axis }
    public func callAsFunction(_ input: Tensor) -> Tensor { input.logSoftmax(alongAxis: axis) }
}
