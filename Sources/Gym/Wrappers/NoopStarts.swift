/// Starts each episode with a random number of no-op steps, 1 to `maximumNoops` (DQN's evaluation protocol
/// for Atari, which keeps a deterministic game from always starting the same way).
///
/// The no-op is action `noop` (0 by default). If the episode ends during the no-ops, the base is reset again.
/// The wrapper owns a generator reseeded from the seed given to `reset(seed:)`.
public struct NoopStarts<Base: Environment>: EnvironmentWrapper where Base.Action == Int {
    public var base: Base
    /// The most no-ops at the start of an episode.
    public let maximumNoops: Int
    /// The action that does nothing.
    public let noop: Int
    private var generator = RandomGenerator(seed: NoopStarts.seedSalt)

    /// The constant mixed into the reset seed.
    static var seedSalt: UInt64 { 0x0000_9005 }

    /// Wraps `base`, taking 1...`maximumNoops` actions `noop` after every reset.
    public init(_ base: Base, maximumNoops: Int = 30, noop: Int = 0) {
        precondition(maximumNoops > 0, "NoopStarts needs a positive maximum, got \(maximumNoops)")
        self.base = base
        self.maximumNoops = maximumNoops
        self.noop = noop
    }

    public var observationSpace: Base.ObservationSpace { base.observationSpace }
    public var actionSpace: Base.ActionSpace { base.actionSpace }

    public mutating func reset(seed: UInt64?) -> Base.Observation {
        if let seed { generator = RandomGenerator(seed: seed ^ Self.seedSalt) }
        var observation = base.reset(seed: seed)
        let noops = 1 + generator.nextInt(below: maximumNoops)
        for _ in 0..<noops {
            // The no-op is a valid action of every environment this wraps; a refusal ends the warm-up early.
            guard let outcome = try? base.step(noop) else { break }
            observation = outcome.isDone ? base.reset(seed: nil) : outcome.observation
        }
        return observation
    }

    public mutating func step(_ action: Int) throws -> Step<Base.Observation> {
        try base.step(action)
    }
}

extension NoopStarts: DiscreteEnvironment where Base: DiscreteEnvironment {}
extension NoopStarts: FloatVectorEnvironment where Base: FloatVectorEnvironment {}
extension NoopStarts: ChannelGridEnvironment where Base: ChannelGridEnvironment {}
extension NoopStarts: ImageEnvironment where Base: ImageEnvironment {}
extension NoopStarts: PixelEnvironment where Base: PixelEnvironment {}
