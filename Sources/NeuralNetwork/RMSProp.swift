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
        let (lr, a, eps, mu, centered) = (learningRate, alpha, epsilon, momentum, centered)
        forEachGradient { index, p, g in
            squareAverages[index].withUnsafeMutableBufferPointer { square in
                for i in 0..<p.count { square[i] = a * square[i] + (1 - a) * g[i] * g[i] }
            }
            var denominator = squareAverages[index]
            if centered {
                gradientAverages[index].withUnsafeMutableBufferPointer { mean in
                    denominator.withUnsafeMutableBufferPointer { d in
                        for i in 0..<p.count {
                            mean[i] = a * mean[i] + (1 - a) * g[i]
                            d[i] -= mean[i] * mean[i]
                        }
                    }
                }
            }
            denominator.withUnsafeMutableBufferPointer { d in
                for i in 0..<p.count { d[i] = d[i].squareRoot() + eps }
                guard mu != 0 else {
                    for i in 0..<p.count { p[i] -= lr * g[i] / d[i] }
                    return
                }
                momentumBuffers[index].withUnsafeMutableBufferPointer { buffer in
                    for i in 0..<p.count {
                        buffer[i] = mu * buffer[i] + g[i] / d[i]
                        p[i] -= lr * buffer[i]
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
