import Foundation
import TensorCore

/// Adam (Kingma & Ba) with PyTorch's bias correction and optional L2 weight decay.
public final class Adam: CheckpointableOptimizer {
    public let parameters: [Parameter]
    /// The step size.
    public var learningRate: Float
    /// Decay rates of the first and second moment estimates.
    public let betas: (Float, Float)
    /// Added to the denominator for numerical stability.
    public let epsilon: Float
    /// L2 penalty added to the gradient.
    public let weightDecay: Float
    /// Steps taken so far.
    public private(set) var stepCount = 0
    /// First moment estimates, one per parameter.
    public private(set) var firstMoments: [Tensor]
    /// Second moment estimates, one per parameter.
    public private(set) var secondMoments: [Tensor]

    /// Creates the optimizer with PyTorch's defaults.
    public init(parameters: [Parameter], learningRate: Float = 1e-3, betas: (Float, Float) = (0.9, 0.999),
                epsilon: Float = 1e-8, weightDecay: Float = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.betas = betas
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        firstMoments = zeroBuffers(like: parameters)
        secondMoments = zeroBuffers(like: parameters)
    }

    public func step() {
        stepCount += 1
        let correction1 = 1 - Foundation.pow(betas.0, Float(stepCount))
        let correction2Root = (1 - Foundation.pow(betas.1, Float(stepCount))).squareRoot()
        let stepSize = learningRate / correction1
        forEachGradient { index, p, g in
            firstMoments[index].withUnsafeMutableBufferPointer { m in
                secondMoments[index].withUnsafeMutableBufferPointer { v in
                    OptimizerKernels.adam(parameters: p, gradients: g, firstMoments: m, secondMoments: v, betas: betas,
                                          stepSize: stepSize, correction2Root: correction2Root, epsilon: epsilon,
                                          weightDecay: weightDecay)
                }
            }
        }
    }

    /// The first and second moments, as PyTorch names them.
    public var stateBuffers: [(name: String, tensors: [Tensor])] {
        [("exp_avg", firstMoments), ("exp_avg_sq", secondMoments)]
    }

    /// Restores the step count and the moments saved from an optimizer over identically shaped parameters.
    public func restore(stepCount: Int, stateBuffers: [[Tensor]]) {
        precondition(stateBuffers.count == 2 && stateBuffers.allSatisfy { $0.map(\.shape) == parameters.map(\.shape) },
                     "Adam state shapes do not match the parameters")
        self.stepCount = stepCount
        firstMoments = stateBuffers[0]
        secondMoments = stateBuffers[1]
    }
}
