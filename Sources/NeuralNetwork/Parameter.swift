import TensorCore

/// A trainable tensor owned by a layer: a leaf of the autograd graph that optimizers update in place.
public final class Parameter {
    /// The current value; a leaf that records gradients.
    public private(set) var value: Tensor

    /// Wraps `value` as a trainable leaf.
    public init(_ value: Tensor) {
        self.value = value.detached().requiringGradient()
    }

    /// The gradient accumulated by the last backward passes, or `nil`.
    public var gradient: Tensor? { value.gradient }

    /// The shape of the value.
    public var shape: [Int] { value.shape }

    /// Forgets the accumulated gradient.
    public func clearGradient() {
        value.clearGradient()
    }

    /// Overwrites the value in place (gradient history and identity are kept).
    public func update(_ body: (UnsafeMutableBufferPointer<Float>) -> Void) {
        value.withUnsafeMutableBufferPointer(body)
    }

    /// Copies `source`'s elements into the value; shapes must match.
    public func assign(_ source: Tensor) {
        precondition(source.shape == value.shape, "cannot assign \(source.shape) to a parameter of shape \(value.shape)")
        source.withUnsafeBufferPointer { src in
            update { $0.baseAddress!.update(from: src.baseAddress!, count: src.count) }
        }
    }
}
