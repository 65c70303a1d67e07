import CTensorKernels

/// Vectorized update rules for optimizers, running on raw buffers of equal length.
public enum OptimizerKernels {
    /// One Adam step in place, in PyTorch's formulation with L2 weight decay added to the gradient:
    /// d = g + decay·p, m ← β1·m + (1−β1)·d, v ← β2·v + (1−β2)·d², p ← p − stepSize · m / (√v / correction2Root + ε).
    public static func adam(
        parameters: UnsafeMutableBufferPointer<Float>, gradients: UnsafeBufferPointer<Float>,
        firstMoments: UnsafeMutableBufferPointer<Float>, secondMoments: UnsafeMutableBufferPointer<Float>,
        betas: (Float, Float), stepSize: Float, correction2Root: Float, epsilon: Float, weightDecay: Float
    ) {
        let count = parameters.count
        precondition(gradients.count == count && firstMoments.count == count && secondMoments.count == count,
                     "Adam buffers differ in length")
        tk_adam_update(count, parameters.baseAddress!, gradients.baseAddress!, firstMoments.baseAddress!,
                       secondMoments.baseAddress!, betas.0, betas.1, stepSize, correction2Root, epsilon, weightDecay)
    }
}
