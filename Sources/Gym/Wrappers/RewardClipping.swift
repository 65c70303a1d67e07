/// Clamps every reward into `[low, high]` (DQN's clipping to [−1, 1] by default).
public struct RewardClipping<Base: Environment>: EnvironmentWrapper {
    public var base: Base
    /// The smallest reward passed on.
    public let low: Double
    /// The largest reward passed on.
    public let high: Double

    /// Wraps `base`, clamping rewards into `low ... high`.
    public init(_ base: Base, low: Double = -1, high: Double = 1) {
        precondition(low <= high, "RewardClipping needs low <= high, got \(low) and \(high)")
        self.base = base
        self.low = low
        self.high = high
    }

    public var observationSpace: Base.ObservationSpace { base.observationSpace }
    public var actionSpace: Base.ActionSpace { base.actionSpace }

    public mutating func reset(seed: UInt64?) -> Base.Observation {
        base.reset(seed: seed)
    }

    public mutating func step(_ action: Base.Action) throws -> Step<Base.Observation> {
        var outcome = try base.step(action)
        outcome.reward = min(max(outcome.reward, low), high)
        return outcome
    }
}

extension RewardClipping: DiscreteEnvironment where Base: DiscreteEnvironment {}
extension RewardClipping: FloatVectorEnvironment where Base: FloatVectorEnvironment {}
extension RewardClipping: ContinuousControlEnvironment where Base: ContinuousControlEnvironment {}
extension RewardClipping: ChannelGridEnvironment where Base: ChannelGridEnvironment {}
extension RewardClipping: ImageEnvironment where Base: ImageEnvironment {}
extension RewardClipping: PixelEnvironment where Base: PixelEnvironment {}
