/// Lets an agent act in `[minimum, maximum]` (often `[-1, 1]`) on an environment whose ``Box`` actions have other
/// bounds: each component is mapped affinely onto the environment's `[low, high]`, then clipped to it against
/// rounding (Gymnasium's `RescaleAction`).
///
/// `action = low + (high − low) · (given − minimum) / (maximum − minimum)`, clipped to `[low, high]` (so a given value
/// outside `[minimum, maximum]` lands on the nearer bound). A NaN or infinite component, or the wrong count, is an
/// error, as it is for the base.
public struct RescaleAction<Base: Environment>: EnvironmentWrapper
where Base.Action == [Float], Base.ActionSpace == Box<Float> {
    public var base: Base
    /// The actions this wrapper accepts: `[minimum, maximum]` in every component, the base's shape.
    public let actionSpace: Box<Float>

    /// Wraps `base`, which must have finite action bounds; `minimum` and `maximum` bound every component of the
    /// actions it accepts. Throws for infinite bounds or `minimum >= maximum`.
    public init(_ base: Base, minimum: Float = -1, maximum: Float = 1) throws {
        guard minimum.isFinite, maximum.isFinite, minimum < maximum else {
            throw GymError("RescaleAction needs finite bounds with minimum < maximum, got \(minimum) and \(maximum)")
        }
        let bounds = base.actionSpace
        guard bounds.low.allSatisfy(\.isFinite), bounds.high.allSatisfy(\.isFinite) else {
            throw GymError("RescaleAction needs an action space with finite bounds, got \(bounds)")
        }
        self.base = base
        actionSpace = Box(low: minimum, high: maximum, shape: bounds.shape)
    }

    public var observationSpace: Base.ObservationSpace { base.observationSpace }

    public mutating func reset(seed: UInt64?) -> Base.Observation {
        base.reset(seed: seed)
    }

    public mutating func step(_ action: [Float]) throws -> Step<Base.Observation> {
        try actionSpace.validate(action)
        return try base.step(rescaled(action))
    }

    /// The base's action for `action`.
    public func rescaled(_ action: [Float]) -> [Float] {
        let bounds = base.actionSpace
        let minimum = actionSpace.low[0], maximum = actionSpace.high[0]
        return action.indices.map { index in
            let (low, high) = (bounds.low[index], bounds.high[index])
            let mapped = low + (high - low) * ((action[index] - minimum) / (maximum - minimum))
            return min(max(mapped, low), high)
        }
    }
}

extension RescaleAction: ContinuousControlEnvironment where Base: ContinuousControlEnvironment {}
