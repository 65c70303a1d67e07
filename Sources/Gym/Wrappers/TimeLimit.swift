/// Truncates episodes after a fixed number of steps (Gymnasium's `TimeLimit`).
///
/// The step that reaches the limit is returned with `truncated == true`; `terminated` is passed through
/// unchanged, so a learner can tell a time-out (bootstrap) from a real ending (do not).
public struct TimeLimit<Base: Environment>: Environment {
    /// The wrapped environment.
    public var base: Base
    /// The number of steps after which an episode is truncated.
    public let maxEpisodeSteps: Int
    /// Steps taken in the current episode.
    public var elapsedSteps: Int { stepsThisEpisode }
    @usableFromInline var stepsThisEpisode = 0

    /// Wraps `base`, truncating episodes after `maxEpisodeSteps` steps.
    public init(_ base: Base, maxEpisodeSteps: Int) {
        precondition(maxEpisodeSteps > 0, "TimeLimit needs a positive step count, got \(maxEpisodeSteps)")
        self.base = base
        self.maxEpisodeSteps = maxEpisodeSteps
    }

    public var observationSpace: Base.ObservationSpace { base.observationSpace }
    public var actionSpace: Base.ActionSpace { base.actionSpace }

    @inlinable
    public mutating func reset(seed: UInt64?) -> Base.Observation {
        stepsThisEpisode = 0
        return base.reset(seed: seed)
    }

    @inlinable
    public mutating func step(_ action: Base.Action) throws -> Step<Base.Observation> {
        var outcome = try base.step(action)
        stepsThisEpisode += 1
        if stepsThisEpisode >= maxEpisodeSteps {
            outcome.truncated = true
        }
        return outcome
    }
}

extension TimeLimit: EnvironmentWrapper {}
extension TimeLimit: DiscreteEnvironment where Base: DiscreteEnvironment {}
extension TimeLimit: FloatVectorEnvironment where Base: FloatVectorEnvironment {}
extension TimeLimit: ContinuousControlEnvironment where Base: ContinuousControlEnvironment {}
extension TimeLimit: ChannelGridEnvironment where Base: ChannelGridEnvironment {}
extension TimeLimit: ImageEnvironment where Base: ImageEnvironment {}
extension TimeLimit: PixelEnvironment where Base: PixelEnvironment {}
