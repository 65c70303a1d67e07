import Gym

/// A MinAtar-style game on a 10x10 board: the rules of one frame, on top of shared stepping and rendering.
///
/// A conforming game supplies its channels, its minimal action set, the board at the start of an episode and the
/// rules of one frame; `reset(seed:)`, `step(_:)` (action validation and sticky actions), the spaces, frames and
/// the terminal view come from the extensions, so every game steps the same way.
///
/// Performance: a game is a struct of over a hundred bytes, and Swift hands a non-mutating method that is not
/// inlined its own copy of `self`. So `observation()` and the non-mutating helpers that a frame's rules call are
/// `@inline(__always)`; otherwise every step would copy the whole game.
public protocol ArcadeGame: PixelEnvironment, ChannelGridEnvironment, FrameRendering, TextRendering
where Observation == ChannelGrid, Action == Int, ObservationSpace == ChannelGridSpace, ActionSpace == Discrete {
    /// The observation channels, in MinAtar's order.
    static var channels: [ArcadeChannel] { get }
    /// MinAtar's minimal action set for the game, in full-set order.
    static var minimalActions: [ArcadeAction] { get }
    /// The shared state (random stream, settings, action table, frame count).
    var machine: ArcadeMachine { get set }
    /// Lays out the board for a new episode, drawing randomness from `machine`.
    mutating func startEpisode()
    /// Plays one frame with `action` (after sticky actions) and returns its reward; sets
    /// `machine.terminated` when the episode ends.
    mutating func advance(_ action: ArcadeAction) -> Double
    /// The current observation (implemented `@inlinable @inline(__always)`, as explained above).
    func observation() -> ChannelGrid
}

/// The board size of every arcade game.
public let arcadeBoardSize = 10

extension ArcadeGame {
    public var observationSpace: ChannelGridSpace { ChannelGridSpace(channels: Self.channels.count) }
    public var actionSpace: Discrete { Discrete(machine.actions.count) }
    /// The settings the game was built with.
    public var settings: ArcadeSettings { machine.settings }

    @inlinable
    public mutating func reset(seed: UInt64?) -> ChannelGrid {
        machine.restart(seed: seed)
        startEpisode()
        return observation()
    }

    /// Applies the action numbered `action` (with sticky actions) for one frame; after the episode has ended the
    /// board stays as it is and the step reports `terminated` again with reward 0.
    @inlinable
    public mutating func step(_ action: Int) throws -> Step<ChannelGrid> {
        guard action >= 0 && action < machine.actions.count else {
            throw GymError.invalidAction(action, space: actionSpace)
        }
        guard !machine.terminated else { return Step(observation: observation(), reward: 0, terminated: true) }
        let reward = advance(machine.resolve(action))
        return Step(observation: observation(), reward: reward, terminated: machine.terminated)
    }

    /// An empty grid with this game's channels.
    @inlinable @inline(__always)
    public static func emptyGrid() -> ChannelGrid {
        ChannelGrid(channels: channels.count, height: arcadeBoardSize, width: arcadeBoardSize)
    }
}
