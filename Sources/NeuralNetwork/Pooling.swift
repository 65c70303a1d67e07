import TensorCore

/// The geometry of a pooling window: (height, width) pairs for the kernel, the stride and the zero padding.
public struct PoolingWindow: Sendable {
    /// The window's height and width.
    public let kernelSize: (Int, Int)
    /// How far the window moves between outputs, vertically and horizontally.
    public let stride: (Int, Int)
    /// Zero rows and columns added on each side.
    public let padding: (Int, Int)

    /// A square window; the stride defaults to the kernel size.
    public init(kernelSize: Int, stride: Int? = nil, padding: Int = 0) {
        self.kernelSize = (kernelSize, kernelSize)
        self.stride = (stride ?? kernelSize, stride ?? kernelSize)
        self.padding = (padding, padding)
    }
}

/// Max pooling over `[batch, channels, height, width]`; the stride defaults to the kernel size.
public final class MaxPool2d: ParameterlessLayer {
    /// The window's size, step and zero padding.
    public let window: PoolingWindow

    /// Creates a square pooling window.
    public init(kernelSize: Int, stride: Int? = nil, padding: Int = 0) {
        window = PoolingWindow(kernelSize: kernelSize, stride: stride, padding: padding)
    }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        input.maxPool2d(kernel: window.kernelSize, stride: window.stride, padding: window.padding)
    }
}

/// Average pooling over `[batch, channels, height, width]`; the stride defaults to the kernel size.
public final class AvgPool2d: ParameterlessLayer {
    /// The window's size, step and zero padding.
    public let window: PoolingWindow

    /// Creates a square pooling window.
    public init(kernelSize: Int, stride: Int? = nil, padding: Int = 0) {
        window = PoolingWindow(kernelSize: kernelSize, stride: stride, padding: padding)
    }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        input.avgPool2d(kernel: window.kernelSize, stride: window.stride, padding: window.padding)
    }
}

/// Collapses every axis after the batch axis: `[N, C, H, W]` → `[N, C·H·W]`.
public final class Flatten: ParameterlessLayer {
    /// Creates the layer.
    public init() {}

    public func callAsFunction(_ input: Tensor) -> Tensor { input.flattened() }
}
