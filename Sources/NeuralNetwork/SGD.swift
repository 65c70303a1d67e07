import TensorCore

/// Stochastic gradient descent with optional momentum, Nesterov momentum and weight decay (PyTorch semantics).
public final class SGD: Optimizer {
    public let parameters: [Parameter]
    /// The step size.
    public var learningRate: Float
    /// The momentum factor μ (0 disables momentum).
    public let momentum: Float
    /// Dampening of the momentum's gradient term.
    public let dampening: Float
    /// Use Nesterov momentum: step along g + μ·buffer.
    public let nesterov: Bool
    /// L2 penalty added to the gradient.
    public let weightDecay: Float
    private var buffers: [Tensor]?

    /// Creates the optimizer.
    public init(parameters: [Parameter], learningRate: Float, momentum: Float = 0, dampening: Float = 0,
                nesterov: Bool = false, weightDecay: Float = 0) {
        precondition(!nesterov || (momentum > 0 && dampening == 0), "Nesterov momentum needs momentum > 0 and no dampening")
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum
        self.dampening = dampening
        self.nesterov = nesterov
        self.weightDecay = weightDecay
    }

    public func step() {
        let (lr, mu, damp, decay, nesterov) = (learningRate, momentum, dampening, weightDecay, nesterov)
        let firstStep = buffers == nil
        if mu != 0 && firstStep { buffers = zeroBuffers(like: parameters) }
        forEachGradient { index, p, g in
            guard mu != 0 else {
                for i in 0..<p.count { p[i] -= lr * (g[i] + decay * p[i]) }
                return
            }
            buffers![index].withUnsafeMutableBufferPointer { buffer in
                for i in 0..<p.count {
                    let d = g[i] + decay * p[i]
                    buffer[i] = firstStep ? d : mu * buffer[i] + (1 - damp) * d
                    p[i] -= lr * (nesterov ? d + mu * buffer[i] : buffer[i])
                }
            }
        }
    }
}
