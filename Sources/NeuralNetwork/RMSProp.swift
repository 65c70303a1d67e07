import TensorCore

/// RMSProp with optional centering and momentum (PyTorch semantics; the centered form is the DQN papers').
public final class RMSProp: Optimizer {
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
}
