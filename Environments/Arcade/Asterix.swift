import Gym

/// MinAtar's Asterix: collect the treasure that crosses the board while dodging the enemies that cross with it.
///
/// ## Action Space
/// With the full action set, `Discrete(6)` numbered as ``ArcadeAction`` (fire does nothing); with the minimal set,
/// `Discrete(5)`: 0 noop, 1 left, 2 up, 3 right, 4 down.
///
/// ## Observation Space
/// ``ChannelGrid`` of 4 channels: 0 `player`, 1 `enemy`, 2 `trail` (the previous cell of every enemy and
/// treasure, showing its direction), 3 `gold`.
///
/// ## Starting State
/// The player at row 5, column 5 on an empty board; objects start arriving after ``firstSpawnInterval`` frames.
///
/// ## Rewards
/// +1 for each treasure picked up.
///
/// ## Episode End
/// Terminated when the player and an enemy share a cell. No time limit of its own.
///
/// ## Arguments
/// ``ArcadeSettings``: sticky action probability (default 0.1), difficulty ramping (default on: every
/// ``rampInterval`` frames objects spawn one frame sooner, and every other ramp they move one frame sooner, down
/// to once a frame) and the action set.
///
/// ## Rules as implemented
/// The player moves one cell a frame within rows 1–8. Every spawn interval, an object enters a random empty lane
/// (rows 1–8) at a random side: treasure with probability 1/3, otherwise an enemy. Objects move one cell every move
/// interval and leave at the far side. Contact is checked after the player moves, after an object enters and after
/// the objects move.
public struct Asterix: ArcadeGame {
    public static let channels = [
        ArcadeChannel("player", color: RGB(hex: 0x4A90E2), symbol: "P"),
        ArcadeChannel("enemy", color: RGB(hex: 0xE24A4A), symbol: "E"),
        ArcadeChannel("trail", color: RGB(hex: 0x6B6B6B), symbol: ".", isBackground: true),
        ArcadeChannel("gold", color: RGB(hex: 0xF2D024), symbol: "$"),
    ]
    public static let minimalActions: [ArcadeAction] = [.noop, .left, .up, .right, .down]
    /// Frames between spawns at the start.
    public static let firstSpawnInterval = 10
    /// Frames between object moves at the start.
    public static let firstMoveInterval = 5
    /// Frames between two difficulty ramps.
    public static let rampInterval = 100
    /// The object kind of treasure (others are enemies).
    @usableFromInline static let gold = 1

    public var machine: ArcadeMachine
    /// The player's cell.
    public var player = (row: 5, column: 5)
    /// Enemies and treasure, one lane per row 1–8.
    public var traffic = LaneTraffic(firstRow: 1, laneCount: 8, moveInterval: Asterix.firstMoveInterval)
    /// Frames between spawns.
    public var spawnInterval = Asterix.firstSpawnInterval
    /// Frames until the next spawn.
    public var spawnTimer = Asterix.firstSpawnInterval
    /// Frames until the next difficulty ramp.
    public var rampTimer = Asterix.rampInterval
    /// Ramps so far.
    public var ramps = 0

    /// Creates the game; call `reset(seed:)` to start an episode.
    public init(settings: ArcadeSettings = .standard) {
        machine = ArcadeMachine(settings: settings, minimalActions: Self.minimalActions)
    }

    public mutating func startEpisode() {
        player = (5, 5)
        traffic.clear(moveInterval: Self.firstMoveInterval)
        spawnInterval = Self.firstSpawnInterval
        spawnTimer = spawnInterval
        rampTimer = Self.rampInterval
        ramps = 0
    }

    public mutating func advance(_ action: ArcadeAction) -> Double {
        switch action {
        case .left: player.column = max(0, player.column - 1)
        case .right: player.column = min(arcadeBoardSize - 1, player.column + 1)
        case .up: player.row = max(1, player.row - 1)
        case .down: player.row = min(8, player.row + 1)
        case .noop, .fire: break
        }
        var reward = contact()
        spawnTimer -= 1
        if spawnTimer <= 0 {
            spawnTimer = spawnInterval
            let free = traffic.freeLaneCount
            if free > 0 {
                let lane = machine.random(below: free)
                let fromLeft = machine.random(below: 2) == 0
                let kind = machine.random(below: 3) == 0 ? Self.gold : 0
                traffic.spawn(freeLane: lane, fromLeft: fromLeft, kind: kind)
                // An object can enter on the player's cell.
                reward += contact()
            }
        }
        if traffic.advance() { reward += contact() }
        rampTimer -= 1
        if rampTimer <= 0 {
            rampTimer = Self.rampInterval
            if settings.difficultyRamping { ramp() }
        }
        return reward
    }

    /// Spawns sooner, and every other ramp moves sooner.
    private mutating func ramp() {
        ramps += 1
        spawnInterval = max(1, spawnInterval - 1)
        if ramps % 2 == 0 { traffic.moveInterval = max(1, traffic.moveInterval - 1) }
    }

    /// Collects treasure on the player's cell (returning its reward) and ends the episode on an enemy.
    private mutating func contact() -> Double {
        guard let lane = traffic.lane(atRow: player.row, column: player.column) else { return 0 }
        if traffic.lanes[lane].kind == Self.gold {
            traffic.remove(lane)
            return 1
        }
        machine.terminated = true
        return 0
    }

    @inlinable @inline(__always)
    public func observation() -> ChannelGrid {
        var grid = Self.emptyGrid()
        grid.set(0, row: player.row, column: player.column)
        traffic.draw(into: &grid, channel: { $0 == Self.gold ? 3 : 1 }, trailChannel: 2)
        return grid
    }
}
