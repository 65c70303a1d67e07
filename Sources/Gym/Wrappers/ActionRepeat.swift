/// Repeats each action `repeats` times, summing the rewards (frame skipping, as in DQN's Atari setup).
///
/// The repeat stops early when the episode ends; the returned observation is the last one.
public struct ActionRepeat<Base: Environment>: EnvironmentWrapper {
    public var base: Base
    /// How many base steps one step takes.
    public let repeats: Int

    /// Wraps `base`, repeating each action `repeats` times.
    public init(_ base: Base, repeats: Int) {
        precondition(repeats > 0, "ActionRepeat needs a positive repeat count, got \(repeats)")
        self.base = base
        self.repeats = repeats
    }

    public var observationSpace: Base.ObservationSpace { base.observationSpace }
    public var actionSpace: Base.ActionSpace { base.actionSpace }

    public mutating func reset(seed: UInt64?) -> Base.Observation {
        base.reset(seed: seed)
    }

    public mutating func step(_ action: Base.Action) throws -> Step<Base.Observation> {
        var outcome = try base.step(action)
        var total = outcome.reward
        var taken = 1
        while taken < repeats && !outcome.isDone {
            outcome = try base.step(action)
            total += outcome.reward
            taken += 1
        }
        outcome.reward = total
        return outcome
    }
}

extension ActionRepeat: DiscreteEnvironment where Base: DiscreteEnvironment {}
extension ActionRepeat: FloatVectorEnvironment where Base: FloatVectorEnvironment {}
extension ActionRepeat: ContinuousControlEnvironment where Base: ContinuousControlEnvironment {}
extension ActionRepeat: ChannelGridEnvironment where Base: ChannelGridEnvironment {}
extension ActionRepeat: ImageEnvironment where Base: ImageEnvironment {}
extension ActionRepeat: PixelEnvironment where Base: PixelEnvironment {}
