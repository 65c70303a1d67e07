/// With probability `probability`, a step repeats the previous action instead of the chosen one (Machado et
/// al. 2018's sticky actions, for environments that lack them).
///
/// The wrapper owns a generator, reseeded from the seed given to `reset(seed:)` (mixed with a constant, so it
/// does not mirror the environment's own stream). The first step of an episode uses the chosen action.
public struct StickyActions<Base: Environment>: EnvironmentWrapper {
    public var base: Base
    /// The probability of repeating the previous action.
    public let probability: Double
    private var generator = RandomGenerator(seed: StickyActions.seedSalt)
    private var previous: Base.Action?

    /// The constant mixed into the reset seed.
    static var seedSalt: UInt64 { 0x5717_C4A5 }

    /// Wraps `base`, repeating the previous action with `probability`.
    public init(_ base: Base, probability: Double) {
        precondition(probability >= 0 && probability <= 1, "StickyActions needs a probability in [0, 1], got \(probability)")
        self.base = base
        self.probability = probability
    }

    public var observationSpace: Base.ObservationSpace { base.observationSpace }
    public var actionSpace: Base.ActionSpace { base.actionSpace }

    public mutating func reset(seed: UInt64?) -> Base.Observation {
        if let seed { generator = RandomGenerator(seed: seed ^ Self.seedSalt) }
        previous = nil
        return base.reset(seed: seed)
    }

    public mutating func step(_ action: Base.Action) throws -> Step<Base.Observation> {
        var played = action
        if let previous, generator.nextBool(probability: probability) { played = previous }
        let outcome = try base.step(played)
        previous = played
        return outcome
    }
}

extension StickyActions: DiscreteEnvironment where Base: DiscreteEnvironment {}
extension StickyActions: FloatVectorEnvironment where Base: FloatVectorEnvironment {}
extension StickyActions: ContinuousControlEnvironment where Base: ContinuousControlEnvironment {}
extension StickyActions: ChannelGridEnvironment where Base: ChannelGridEnvironment {}
extension StickyActions: ImageEnvironment where Base: ImageEnvironment {}
extension StickyActions: PixelEnvironment where Base: PixelEnvironment {}
