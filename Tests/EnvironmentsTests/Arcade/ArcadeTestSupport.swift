import Environments
import Gym
import Testing

/// Helpers for the arcade rules tests: deterministic games stepped by ``ArcadeAction``.
extension ArcadeGame {
    /// Steps with `action` of the full set.
    @discardableResult
    mutating func play(_ action: ArcadeAction) throws -> Step<ChannelGrid> {
        try step(actions(of: action))
    }

    /// The action number of `action` in this game's action table.
    func actions(of action: ArcadeAction) -> Int {
        machine.actions.firstIndex(of: action)!
    }
}

/// The games' common initializer, so tests can build any of them generically.
protocol DeterministicArcade: ArcadeGame {
    init(settings: ArcadeSettings)
}

extension DeterministicArcade {
    /// A game with no sticky actions and the full action set (action `i` is `ArcadeAction(rawValue: i)`), reset
    /// with `seed`.
    static func deterministic(seed: UInt64 = 0, ramping: Bool = true) throws -> Self {
        var game = Self(settings: try ArcadeSettings(stickyActionProbability: 0, difficultyRamping: ramping, actionSet: .full))
        _ = game.reset(seed: seed)
        return game
    }
}

extension Breakout: DeterministicArcade {}
extension SpaceInvaders: DeterministicArcade {}
extension Freeway: DeterministicArcade {}
extension Asterix: DeterministicArcade {}
extension Seaquest: DeterministicArcade {}
