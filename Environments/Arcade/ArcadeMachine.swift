import Gym

/// The state every arcade game shares: its random stream, settings, action table and episode bookkeeping.
public struct ArcadeMachine: Sendable {
    /// The settings the game was built with.
    public let settings: ArcadeSettings
    /// The game's action for each action number.
    public let actions: [ArcadeAction]
    /// The game's own random stream (spawns, sticky actions); reseeded by `reset(seed:)`.
    public var generator = RandomGenerator(seed: 0)
    /// The action applied in the previous step (what a sticky step repeats).
    public var lastAction = ArcadeAction.noop
    /// Frames (steps) since the episode began.
    public var frame = 0
    /// Whether the episode has ended.
    public var terminated = false
    /// Recorded draws that replace the generator's numbers in ``random(below:)`` and ``uniform()`` (replaying
    /// another implementation's episode in tests); `nil` in normal play.
    public var replayedDraws: ReplayedDraws?

    /// Creates the shared state of a game whose minimal action set is `minimalActions`.
    public init(settings: ArcadeSettings, minimalActions: [ArcadeAction]) {
        self.settings = settings
        actions = settings.actionSet == .full ? ArcadeAction.allCases : minimalActions
    }

    /// Starts a new episode, reseeding when `seed` is given.
    @inlinable
    public mutating func restart(seed: UInt64?) {
        if let seed { generator = RandomGenerator(seed: seed) }
        lastAction = .noop
        frame = 0
        terminated = false
    }

    /// Applies sticky actions to the action numbered `index`: with the sticky probability the previous action
    /// is repeated instead. Returns the action to play.
    @inlinable @inline(__always)
    public mutating func resolve(_ index: Int) -> ArcadeAction {
        var action = actions[index]
        if settings.stickyActionProbability > 0 && generator.nextDouble() < settings.stickyActionProbability {
            action = lastAction
        }
        lastAction = action
        frame += 1
        return action
    }

    /// A uniform integer in `0..<upperBound` from the game's stream.
    @inlinable
    public mutating func random(below upperBound: Int) -> Int {
        if replayedDraws != nil { return replayedDraws!.integer(below: upperBound) }
        return generator.nextInt(below: upperBound)
    }

    /// A uniform value in [0, 1) from the game's stream.
    @inlinable
    public mutating func uniform() -> Double {
        if replayedDraws != nil { return replayedDraws!.uniform() }
        return generator.nextDouble()
    }

    /// `true` with probability `probability`, from the game's stream.
    @inlinable
    public mutating func chance(_ probability: Double) -> Bool {
        uniform() < probability
    }
}
