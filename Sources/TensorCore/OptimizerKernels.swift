import CTensorKernels
import Parallelism

/// Vectorized update rules for optimizers, running on raw buffers of equal length.
///
/// Each rule is element-wise, so a long buffer is split into one contiguous part per compute thread with the same bits.
public enum OptimizerKernels {
    /// Buffers shorter than this many elements per part stay on the calling thread: below it the handoff costs
    /// more than the second core saves.
    public static let minimumElementsPerPart = 32_768

    /// Runs `body` over contiguous parts of `0..<count` (one per compute thread when long enough).
    static func inParts(of count: Int, _ body: (_ start: Int, _ count: Int) -> Void) {
        let parts = Swift.max(1, Swift.min(ComputeThreads.count, count / minimumElementsPerPart))
        ComputeThreads.run(parts: parts) { part in
            let range = WorkerPool.range(ofPart: part, of: parts, splitting: count)
            body(range.lowerBound, range.count)
        }
    }

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
        let (p, g, m, v) = (parameters.baseAddress!, gradients.baseAddress!, firstMoments.baseAddress!,
                            secondMoments.baseAddress!)
        inParts(of: count) { start, count in
            tk_adam_update(count, p + start, g + start, m + start, v + start, betas.0, betas.1, stepSize,
                           correction2Root, epsilon, weightDecay)
        }
    }

    /// One RMSProp step in place, in PyTorch's formulation: s ← α·s + (1−α)·g²; centered (when `gradientAverages` is
    /// given) m ← α·m + (1−α)·g and s − m² stands for s; d = √s + ε; with momentum (when `velocities` is given)
    /// v ← μ·v + g/d and p ← p − lr·v, else p ← p − lr·g/d.
    public static func rmsprop(
        parameters: UnsafeMutableBufferPointer<Float>, gradients: UnsafeBufferPointer<Float>,
        squareAverages: UnsafeMutableBufferPointer<Float>, gradientAverages: UnsafeMutableBufferPointer<Float>?,
        velocities: UnsafeMutableBufferPointer<Float>?, alpha: Float, learningRate: Float, epsilon: Float,
        momentum: Float
    ) {
        let count = parameters.count
        precondition(gradients.count == count && squareAverages.count == count
                     && (gradientAverages?.count ?? count) == count && (velocities?.count ?? count) == count,
                     "RMSProp buffers differ in length")
        let (p, g, s) = (parameters.baseAddress!, gradients.baseAddress!, squareAverages.baseAddress!)
        let (mean, velocity) = (gradientAverages?.baseAddress, velocities?.baseAddress)
        inParts(of: count) { start, count in
            tk_rmsprop_update(count, p + start, g + start, s + start, mean.map { $0 + start },
                              velocity.map { $0 + start }, alpha, learningRate, epsilon, momentum)
        }
    }
}
