/// Whether operations record the autograd graph on the current task or thread.
public enum GradientMode {
    @TaskLocal static var isEnabled = true

    /// Whether new operations record their inputs for differentiation.
    public static var isRecording: Bool { isEnabled }
}

/// Runs `body` without recording any autograd graph (for acting, targets and evaluation).
public func withoutGradient<R>(_ body: () throws -> R) rethrows -> R {
    try GradientMode.$isEnabled.withValue(false, operation: body)
}

extension Tensor {
    /// This tensor as a leaf of the autograd graph: ``backward()`` accumulates its ``gradient``.
    public func requiringGradient() -> Tensor {
        Tensor(shape: shape, storage: storage, node: GradientNode())
    }

    /// The same values with no autograd history: gradients do not flow through the result.
    public func detached() -> Tensor {
        Tensor(shape: shape, storage: storage)
    }

    /// Whether this tensor takes part in differentiation.
    public var requiresGradient: Bool { node != nil }

    /// The gradient accumulated in this leaf by ``backward()`` calls, or `nil` before any.
    public var gradient: Tensor? { node?.gradient }

    /// Forgets the accumulated gradient of this leaf.
    public func clearGradient() {
        node?.gradient = nil
    }

    /// Back-propagates from this scalar: adds d(self)/d(leaf) to every leaf's ``gradient``.
    ///
    /// The graph between this tensor and the leaves is released afterwards.
    public func backward() {
        precondition(count == 1, "backward() needs a scalar, shape is \(shape)")
        backward(seed: Tensor(repeating: 1, shape: shape))
    }

    /// Back-propagates `seed` (the gradient of some scalar with respect to this tensor).
    public func backward(seed: Tensor) {
        precondition(seed.shape == shape, "seed shape \(seed.shape) differs from \(shape)")
        guard let root = node else { return }
        let order = Tensor.topologicalOrder(from: root)
        withoutGradient {
            root.accumulate(seed.detached())
            for current in order.reversed() {
                guard let pullback = current.pullback, let outgoing = current.gradient else { continue }
                let incoming = pullback(outgoing)
                for (input, gradient) in zip(current.inputs, incoming) {
                    if let input, let gradient {
                        input.accumulate(gradient)
                    }
                }
                current.gradient = nil
                current.pullback = nil
                current.inputs = []
            }
        }
    }

    /// The nodes reachable from `root`, each after all of its inputs.
    private static func topologicalOrder(from root: GradientNode) -> [GradientNode] {
        var order: [GradientNode] = []
        var visited = Set<ObjectIdentifier>()
        var stack: [(GradientNode, Int)] = [(root, 0)]
        visited.insert(ObjectIdentifier(root))
        while let (current, next) = stack.popLast() {
            if next < current.inputs.count {
                stack.append((current, next + 1))
                if let input = current.inputs[next], visited.insert(ObjectIdentifier(input)).inserted {
                    stack.append((input, 0))
                }
            } else {
                order.append(current)
            }
        }
        return order
    }

    /// Wraps a forward result with its pullback when any input records gradients.
    ///
    /// The pullback receives the output gradient and which inputs need a gradient (it may return `nil` for
    /// the others). It must not capture `value` with its node: capture values before calling this.
    static func recording(
        _ value: Tensor, inputs: [Tensor], pullback: @escaping (Tensor, [Bool]) -> [Tensor?]
    ) -> Tensor {
        guard GradientMode.isEnabled, inputs.contains(where: { $0.node != nil }) else { return value }
        let needed = inputs.map { $0.node != nil }
        var result = value
        result.node = GradientNode(inputs: inputs.map(\.node)) { pullback($0, needed) }
        return result
    }
}

extension Tensor {
    /// Multiplies this leaf's accumulated gradient by `factor` (used by gradient clipping).
    public func scaleGradient(by factor: Float) {
        guard let node, let gradient = node.gradient else { return }
        node.gradient = withoutGradient { gradient * factor }
    }
}
