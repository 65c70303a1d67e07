import TensorCore

/// A 2-D convolution over `[batch, inputChannels, height, width]` inputs with zero padding.
public final class Conv2d: Layer {
    /// `[outputChannels, inputChannels, kernelHeight, kernelWidth]`, as in PyTorch.
    public let weight: Parameter
    /// `[outputChannels]`, or `nil` without bias.
    public let bias: Parameter?
    /// The step between windows (vertical, horizontal).
    public let stride: (Int, Int)
    /// Zeros added on each side (vertical, horizontal).
    public let padding: (Int, Int)

    /// Creates a square-kernel convolution with PyTorch's default initialization.
    public convenience init(
        inputChannels: Int, outputChannels: Int, kernelSize: Int, stride: Int = 1, padding: Int = 0,
        bias: Bool = true, using generator: inout some RandomNumberGenerator
    ) {
        self.init(inputChannels: inputChannels, outputChannels: outputChannels, kernelSize: (kernelSize, kernelSize),
                  stride: (stride, stride), padding: (padding, padding), bias: bias, using: &generator)
    }

    /// Creates a convolution with PyTorch's default initialization.
    public init(
        inputChannels: Int, outputChannels: Int, kernelSize: (Int, Int), stride: (Int, Int) = (1, 1),
        padding: (Int, Int) = (0, 0), bias: Bool = true, using generator: inout some RandomNumberGenerator
    ) {
        let shape = [outputChannels, inputChannels, kernelSize.0, kernelSize.1]
        weight = Parameter(Initialization.kaimingUniform(shape, using: &generator))
        let fanIn = Initialization.fans(of: shape).fanIn
        self.bias = bias ? Parameter(Initialization.bias(outputChannels, fanIn: fanIn, using: &generator)) : nil
        self.stride = stride
        self.padding = padding
    }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        Tensor.conv2d(input, weight: weight.value, bias: bias?.value, stride: stride, padding: padding)
    }

    public var namedParameters: [(name: String, parameter: Parameter)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }
}
