/// Normalizes float-vector observations by their running mean and variance, (o − μ) / √(σ² + ε), as Gymnasium's
/// `NormalizeObservation` does (statistics in float32, updated at every reset and step).
///
/// Set ``updatesStatistics`` to `false` to freeze them (for evaluation); ``statistics`` can be saved and restored.
public struct NormalizeObservation<Base: Environment>: EnvironmentWrapper
where Base.Observation == [Float], Base.ObservationSpace == Box<Float> {
    /// The wrapped environment.
    public var base: Base
    /// ε under the square root.
    public let epsilon: Float
    /// The running statistics of the observations.
    public var statistics: RunningMeanVariance<Float>
    /// Whether observations still update ``statistics``.
    public var updatesStatistics = true

    /// Wraps `base`, with ε under the square root (Gymnasium's default 1e-8).
    public init(_ base: Base, epsilon: Float = 1e-8) {
        precondition(epsilon > 0, "NormalizeObservation needs a positive ε, got \(epsilon)")
        self.base = base
        self.epsilon = epsilon
        statistics = RunningMeanVariance(size: base.observationSpace.low.count)
    }

    /// Unbounded, with the base's shape.
    public var observationSpace: Box<Float> {
        Box(low: -.infinity, high: .infinity, shape: base.observationSpace.shape)
    }
    public var actionSpace: Base.ActionSpace { base.actionSpace }

    public mutating func reset(seed: UInt64?) -> [Float] {
        normalized(base.reset(seed: seed))
    }

    public mutating func step(_ action: Base.Action) throws -> Step<[Float]> {
        var outcome = try base.step(action)
        outcome.observation = normalized(outcome.observation)
        return outcome
    }

    private mutating func normalized(_ observation: [Float]) -> [Float] {
        if updatesStatistics { statistics.update(observation) }
        return observation.indices.map { index in
            (observation[index] - statistics.mean[index]) / (statistics.variance[index] + epsilon).squareRoot()
        }
    }
}

extension NormalizeObservation: FloatVectorEnvironment where Base: FloatVectorEnvironment {}
extension NormalizeObservation: ContinuousControlEnvironment where Base: ContinuousControlEnvironment {}
