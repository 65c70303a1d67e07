import TensorCore

/// A differentiable function with trainable parameters, called like a function: `layer(input)`.
///
/// Layers are reference types (like PyTorch modules): optimizers update their ``Parameter``s in place, and
/// a target network is a second instance whose parameters are copied or Polyak-averaged from the first.
public protocol Layer: AnyObject {
    /// Applies the layer.
    func callAsFunction(_ input: Tensor) -> Tensor

    /// The layer's own parameters and those of its sublayers, with stable dotted names (`0.weight`, …).
    var namedParameters: [(name: String, parameter: Parameter)] { get }
}

extension Layer {
    /// The parameters in ``namedParameters`` order.
    public var parameters: [Parameter] { namedParameters.map(\.parameter) }

    /// The total number of trainable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }

    /// Forgets every parameter's accumulated gradient.
    public func clearGradients() {
        for parameter in parameters { parameter.clearGradient() }
    }

    /// Copies every parameter of `source` (an identically built network) into this one.
    public func copyParameters(from source: some Layer) {
        polyakUpdate(from: source, rate: 1)
    }

    /// Moves every parameter toward `source`'s: θ ← rate · θ_source + (1 − rate) · θ (soft target update).
    public func polyakUpdate(from source: some Layer, rate: Float) {
        let mine = namedParameters, theirs = source.namedParameters
        precondition(mine.count == theirs.count, "networks have \(mine.count) and \(theirs.count) parameters")
        for (target, origin) in zip(mine, theirs) {
            precondition(target.name == origin.name && target.parameter.shape == origin.parameter.shape,
                         "parameter \(target.name) \(target.parameter.shape) does not match \(origin.name) \(origin.parameter.shape)")
            if rate == 1 {
                target.parameter.assign(origin.parameter.value)
                continue
            }
            origin.parameter.value.withUnsafeBufferPointer { src in
                target.parameter.update { dst in
                    for i in 0..<dst.count { dst[i] += rate * (src[i] - dst[i]) }
                }
            }
        }
    }
}

/// A layer without parameters.
public protocol ParameterlessLayer: Layer {}

extension ParameterlessLayer {
    /// No parameters.
    public var namedParameters: [(name: String, parameter: Parameter)] { [] }
}
