/// Clips every component of a ``Box`` action to the environment's bounds before stepping it, so an agent may send any
/// finite value (Gymnasium's `ClipAction`; its action space is unbounded). NaN or an infinite value is an error.
public struct ClipAction<Base: Environment>: EnvironmentWrapper
where Base.Action == [Float], Base.ActionSpace == Box<Float> {
    public var base: Base
    /// The actions this wrapper accepts: any value in every component, the base's shape.
    public let actionSpace: Box<Float>

    /// Wraps `base`.
    public init(_ base: Base) {
        self.base = base
        actionSpace = Box(low: -.infinity, high: .infinity, shape: base.actionSpace.shape)
    }

    public var observationSpace: Base.ObservationSpace { base.observationSpace }

    public mutating func reset(seed: UInt64?) -> Base.Observation {
        base.reset(seed: seed)
    }

    public mutating func step(_ action: [Float]) throws -> Step<Base.Observation> {
        try actionSpace.validate(action)
        return try base.step(clipped(action))
    }

    /// `action` clipped to the base's bounds.
    public func clipped(_ action: [Float]) -> [Float] {
        let bounds = base.actionSpace
        return action.indices.map { min(max(action[$0], bounds.low[$0]), bounds.high[$0]) }
    }
}

extension ClipAction: ContinuousControlEnvironment where Base: ContinuousControlEnvironment {}
