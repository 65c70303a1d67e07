/// One vertex of the autograd graph: where a tensor came from and how to push a gradient back through it.
///
/// Leaves (tensors created with ``Tensor/requiringGradient()``) keep their accumulated gradient. Interior
/// nodes are emptied once ``Tensor/backward()`` has passed through them, so no graph outlives an update.
final class GradientNode {
    /// The accumulated gradient; for interior nodes only while a backward pass is running.
    var gradient: Tensor?
    /// The nodes of the op's inputs, `nil` for inputs that need no gradient.
    var inputs: [GradientNode?]
    /// Maps the gradient of the op's output to the gradients of its inputs (same order as `inputs`).
    var pullback: ((Tensor) -> [Tensor?])?

    /// Creates a leaf.
    init() {
        inputs = []
        pullback = nil
    }

    /// Creates an interior node.
    init(inputs: [GradientNode?], pullback: @escaping (Tensor) -> [Tensor?]) {
        self.inputs = inputs
        self.pullback = pullback
    }

    /// Adds `gradient` to the stored gradient.
    func accumulate(_ incoming: Tensor) {
        if let existing = gradient {
            gradient = existing + incoming
        } else {
            gradient = incoming
        }
    }
}
