import TensorCore

/// RMSProp with optional centering and momentum (PyTorch semantics; the centered form is the DQN papers').
public final class RMSProp: CheckpointableOptimizer {
    public let parameters: [Parameter]
    /// The step size.
    public var learningRate: Float
    /// Decay rate α of the squared-gradient average.
    public let alpha: Float
    /// Added to the denominator for numerical stability (outside the square root, as in PyTorch).
    public let epsilon: Float
    /// The momentum factor (0 disables momentum).
    public let momentum: Float
    /// Divide by an estimate of the gradient's variance instead of its second moment.
    public let centered: Bool
    /// Steps taken so far.
    public private(set) var stepCount = 0
    private var squareAverages: [Tensor]
    private var gradientAverages: [Tensor]
    private var momentumBuffers: [Tensor]

    /// Creates the optimizer with PyTorch's defaults.
    public init(parameters: [Parameter], learningRate: Float = 1e-2, alpha: Float = 0.99, epsilon: Float = 1e-8,
                momentum: Float = 0, centered: Bool = false) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.alpha = alpha
        self.epsilon = epsilon
        self.momentum = momentum
        self.centered = centered
        squareAverages = zeroBuffers(like: parameters)
        gradientAverages = centered ? zeroBuffers(like: parameters) : []
        momentumBuffers = momentum != 0 ? zeroBuffers(like: parameters) : []
    }

    public func step() {
        stepCount += 1
        forEachGradient { index, p, g in
            squareAverages[index].withUnsafeMutableBufferPointer { square in
                withOptionalBuffer(centered ? index : nil, in: &gradientAverages) { mean in
                    withOptionalBuffer(momentum != 0 ? index : nil, in: &momentumBuffers) { velocity in
                        OptimizerKernels.rmsprop(parameters: p, gradients: g, squareAverages: square,
                                                 gradientAverages: mean, velocities: velocity, alpha: alpha,
                                                 learningRate: learningRate, epsilon: epsilon, momentum: momentum)
                    }
                }
            }
        }
    }

    /// The squared-gradient averages, and the gradient averages (centered) and momentum buffers when in use, as
    /// PyTorch names them.
    public var stateBuffers: [(name: String, tensors: [Tensor])] {
        var buffers = [(name: "square_avg", tensors: squareAverages)]
        if centered { buffers.append(("grad_avg", gradientAverages)) }
        if momentum != 0 { buffers.append(("momentum_buffer", momentumBuffers)) }
        return buffers
    }

    /// Restores the step count and the buffers saved from an identically configured optimizer over identically
    /// shaped parameters.
    public func restore(stepCount: Int, stateBuffers: [[Tensor]]) {
        let expected = 1 + (centered ? 1 : 0) + (momentum != 0 ? 1 : 0)
        precondition(stateBuffers.count == expected && stateBuffers.allSatisfy { $0.map(\.shape) == parameters.map(\.shape) },
                     "RMSProp state does not match the parameters")
        self.stepCount = stepCount
        squareAverages = stateBuffers[0]
        if centered { gradientAverages = stateBuffers[1] }
        if momentum != 0 { momentumBuffers = stateBuffers[expected - 1] }
    }
}

/// Runs `body` on buffer `index` of `buffers`, or on nil when there is no index (a state the optimizer does not keep).
private func withOptionalBuffer(_ index: Int?, in buffers: inout [Tensor],
                                _ body: (UnsafeMutableBufferPointer<Float>?) -> Void) {
    guard let index else { return body(nil) }
    buffers[index].withUnsafeMutableBufferPointer { body($0) }
}
