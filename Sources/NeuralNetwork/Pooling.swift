import TensorCore

/// Max pooling over `[batch, channels, height, width]`; the stride defaults to the kernel size.
public final class MaxPool2d: ParameterlessLayer {
    public let kernelSize: (Int, Int)
    public let stride: (Int, Int)
    public let padding: (Int, Int)

    /// Creates a square pooling window.
    public init(kernelSize: Int, stride: Int? = nil, padding: Int = 0) {
        self.kernelSize = (kernelSize, kernelSize)
        self.stride = (stride ?? kernelSize, stride ?? kernelSize)
        self.padding = (padding, padding)
    }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        input.maxPool2d(kernel: kernelSize, stride: stride, padding: padding)
    }
}

/// Average pooling over `[batch, channels, height, width]`; the stride defaults to the kernel size.
public final class AvgPool2d: ParameterlessLayer {
    public let kernelSize: (Int, Int)
    public let stride: (Int, Int)
    public let padding: (Int, Int)

    /// Creates a square pooling window.
    public init(kernelSize: Int, stride: Int? = nil, padding: Int = 0) {
        self.kernelSize = (kernelSize, kernelSize)
        self.stride = (stride ?? kernelSize, stride ?? kernelSize)
        self.padding = (padding, padding)
    }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        input.avgPool2d(kernel: kernelSize, stride: stride, padding: padding)
    }
}

/// Collapses every axis after the batch axis: `[N, C, H, W]` → `[N, C·H·W]`.
public final class Flatten: ParameterlessLayer {
    /// Creates the layer.
    public init() {}

    public func callAsFunction(_ input: Tensor) -> Tensor { input.flattened() }
}
