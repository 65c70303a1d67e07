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
/// The player at row 5, column 5 on an empty board; objects start arriving on frame 11.
///
/// ## Rewards
/// +1 for each treasure picked up.
///
/// ## Episode End
/// Terminated when the player and an enemy share a cell (or swap cells). No time limit of its own.
///
/// ## Arguments
/// ``ArcadeSettings``: sticky action probability (default 0.1), difficulty ramping (default on: every
/// ``rampInterval`` + 2 frames objects spawn one frame sooner, and every other ramp they move one frame sooner,
/// until they spawn every frame) and the action set.
///
/// ## Rules as implemented
/// These follow MinAtar 1.0.15 state for state (checked on its recorded episodes,
/// `Tests/EnvironmentsTests/Fixtures/minatar-episodes.json`). Each frame, in order: the player moves one cell
/// within rows 1–8; when the spawn timer has run down to 0 (first on frame 11, then every spawn interval) an object
/// enters at the edge of a random empty lane (rows 1–8): the side (left with probability 1/2) and the kind (treasure
/// with probability 1/3) are drawn first, then the lane among those free before the player's contact; then the
/// player collects or meets what is on its cell; when the move timer has run down to 0 (first on frame 6, then
/// every move interval) every object moves one cell, leaving at the far side, and contact is checked again. So a
/// player and an object that swap cells meet. The ramp timer counts from 100 to −1, and the frame after, the
/// difficulty ramps and the timer restarts.
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
    /// Frames left before the frame on which an object spawns (0: it spawns this frame).
    public var spawnTimer = Asterix.firstSpawnInterval
    /// Counts down from ``rampInterval`` each frame; the frame after it reaches −1 the difficulty ramps.
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
        // The spawn comes before the player's contact (a lane whose treasure the player takes this frame is not
        // free yet), and an object can enter on the player's cell.
        if ArcadeTimer.fires(&spawnTimer, restart: spawnInterval) { spawn() }
        var reward = contact()
        if traffic.advance() { reward += contact() }
        if settings.difficultyRamping {
            if rampTimer >= 0 {
                rampTimer -= 1
            } else if spawnInterval > 1 {
                ramp()
            }
        }
        return reward
    }

    /// Sends an object into a random free lane: the side (left below 1/2) and the kind (treasure below 1/3) are
    /// drawn first, as MinAtar draws them, even when no lane is free.
    private mutating func spawn() {
        let fromLeft = machine.uniform() < 0.5
        let kind = machine.uniform() < 1.0 / 3 ? Self.gold : 0
        let free = traffic.freeLaneCount
        guard free > 0 else { return }
        traffic.spawn(freeLane: machine.random(below: free), fromLeft: fromLeft, kind: kind)
    }

    /// Spawns sooner, and every other ramp moves sooner; the ramp timer restarts.
    private mutating func ramp() {
        ramps += 1
        spawnInterval -= 1
        if ramps % 2 == 0 { traffic.moveInterval = max(1, traffic.moveInterval - 1) }
        rampTimer = Self.rampInterval
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
