import Gym

/// Reports every reset and step of the wrapped environment to an ``EpisodeDisplay`` (nothing without one), so
/// training and evaluation loops are shown without knowing about windows.
struct Watched<Base: Environment>: EnvironmentWrapper {
    /// The wrapped environment.
    var base: Base
    /// Where the episodes go.
    let display: EpisodeDisplay?

    init(_ base: Base, display: EpisodeDisplay?) {
        self.base = base
        self.display = display
    }

    var observationSpace: Base.ObservationSpace { base.observationSpace }
    var actionSpace: Base.ActionSpace { base.actionSpace }

    mutating func reset(seed: UInt64?) -> Base.Observation {
        let observation = base.reset(seed: seed)
        display?.episodeStarted(base)
        return observation
    }

    mutating func step(_ action: Base.Action) throws -> Step<Base.Observation> {
        let step = try base.step(action)
        try display?.stepped(base, reward: step.reward)
        return step
    }
}

extension Watched: DiscreteEnvironment where Base: DiscreteEnvironment {}
extension Watched: VectorEnvironment where Base: VectorEnvironment {}
extension Watched: ChannelGridEnvironment where Base: ChannelGridEnvironment {}
extension Watched: ImageEnvironment where Base: ImageEnvironment {}
extension Watched: PixelEnvironment where Base: PixelEnvironment {}
