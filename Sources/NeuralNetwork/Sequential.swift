import TensorCore

/// Layers applied one after another; parameters are named by position (`0.weight`, `2.bias`, …).
///
/// ```swift
/// let network = Sequential {
///     Linear(4, 120, using: &generator)
///     ReLU()
///     Linear(120, 2, using: &generator)
/// }
/// ```
public final class Sequential: Layer {
    /// The layers in order.
    public let layers: [any Layer]

    /// Creates a network from a list of layers.
    public init(_ layers: [any Layer]) {
        self.layers = layers
    }

    /// Creates a network from layers listed in a result builder.
    public convenience init(@LayerBuilder _ content: () -> [any Layer]) {
        self.init(content())
    }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        layers.reduce(input) { $1($0) }
    }

    public var namedParameters: [(name: String, parameter: Parameter)] {
        layers.enumerated().flatMap { index, layer in
            layer.namedParameters.map { ("\(index).\($0.name)", $0.parameter) }
        }
    }
}

/// Builds the layer list of a ``Sequential``, with `if`, `if`/`else` and `for` allowed.
@resultBuilder
public enum LayerBuilder {
    public static func buildExpression(_ layer: any Layer) -> [any Layer] { [layer] }
    public static func buildBlock(_ parts: [any Layer]...) -> [any Layer] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [any Layer]?) -> [any Layer] { part ?? [] }
    public static func buildEither(first part: [any Layer]) -> [any Layer] { part }
    public static func buildEither(second part: [any Layer]) -> [any Layer] { part }
    public static func buildArray(_ parts: [[any Layer]]) -> [any Layer] { parts.flatMap { $0 } }
}
