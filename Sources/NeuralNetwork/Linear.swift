import TensorCore

/// A fully connected layer: `y = x · weightᵀ + bias` for inputs `[batch, inputCount]`.
public final class Linear: Layer {
    /// `[outputCount, inputCount]`, as in PyTorch.
    public let weight: Parameter
    /// `[outputCount]`, or `nil` without bias.
    public let bias: Parameter?

    /// Creates a layer with PyTorch's default initialization (Kaiming-uniform weight, U(±1/√in) bias).
    public init(_ inputCount: Int, _ outputCount: Int, bias: Bool = true, using generator: inout some RandomNumberGenerator) {
        weight = Parameter(Initialization.kaimingUniform([outputCount, inputCount], using: &generator))
        self.bias = bias ? Parameter(Initialization.bias(outputCount, fanIn: inputCount, using: &generator)) : nil
    }

    /// Creates a layer from given values.
    public init(weight: Tensor, bias: Tensor?) {
        precondition(weight.rank == 2 && (bias == nil || bias!.shape == [weight.shape[0]]), "Linear needs weight [out, in] and bias [out]")
        self.weight = Parameter(weight)
        self.bias = bias.map { Parameter($0) }
    }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        Tensor.affine(input, weight: weight.value, bias: bias?.value)
    }

    public var namedParameters: [(name: String, parameter: Parameter)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }
}
