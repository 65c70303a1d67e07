/// A wrapper that changes observations and nothing else: ``Grayscale``, ``Resize``, ``MaxPoolFrames``.
///
/// A conforming type says how to turn the base's observation into its own (`transform`) and what to do at the
/// start of an episode (`start`); `reset(seed:)` and `step(_:)` come from the extension.
public protocol ObservationTransform: EnvironmentWrapper where Action == Base.Action, ActionSpace == Base.ActionSpace {
    /// The wrapped environment, mutable.
    var base: Base { get set }
    /// The observation for the first observation of an episode.
    mutating func start(_ observation: Base.Observation) -> Observation
    /// The observation for a step's observation.
    mutating func transform(_ observation: Base.Observation) -> Observation
}

extension ObservationTransform {
    public var actionSpace: Base.ActionSpace { base.actionSpace }

    @inlinable
    public mutating func reset(seed: UInt64?) -> Observation {
        start(base.reset(seed: seed))
    }

    @inlinable
    public mutating func step(_ action: Base.Action) throws -> Step<Observation> {
        let outcome = try base.step(action)
        return Step(observation: transform(outcome.observation), reward: outcome.reward,
                    terminated: outcome.terminated, truncated: outcome.truncated)
    }
}
