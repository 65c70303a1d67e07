import Gym

/// MinAtar's Breakout: keep a diagonal ball in play with a one-cell paddle and break the rows of bricks.
///
/// ## Action Space
/// With the full action set, `Discrete(6)` numbered as ``ArcadeAction`` (up, down and fire do nothing); with the
/// minimal set, `Discrete(3)`: 0 noop, 1 left, 2 right.
///
/// ## Observation Space
/// ``ChannelGrid`` of 4 channels on the 10x10 board: 0 `paddle`, 1 `ball`, 2 `trail` (the ball's previous cell,
/// which shows its direction), 3 `brick`.
///
/// ## Starting State
/// Three full rows of bricks on rows 1–3, the paddle in the bottom row at column 4, the ball on row 3 at the left
/// or right wall (chosen at random) moving down and away from that wall.
///
/// ## Rewards
/// +1 for each brick the ball breaks. When the last brick breaks, three new rows appear.
///
/// ## Episode End
/// Terminated when the ball reaches the bottom row without landing on the paddle. No time limit of its own.
///
/// ## Arguments
/// ``ArcadeSettings``: the sticky action probability (default 0.1) and the action set. Breakout has no
/// difficulty ramping.
///
/// ## Rules as implemented
/// Each frame the paddle moves one cell (clamped to the board), then the ball moves one cell diagonally. A ball
/// about to leave through a side wall or the top has that component of its direction reversed and moves only along
/// the other one this frame. A ball about to enter a brick breaks it, reverses its vertical direction and moves
/// only sideways. A ball about to enter the bottom row bounces up, moving only sideways, when the paddle is under
/// it (keeping its sideways direction) or under the cell it was entering (sent back the way it came); otherwise it
/// reaches the bottom row and the episode ends. These details follow MinAtar's behaviour, checked state by state
/// against the `minatar` package.
public struct Breakout: ArcadeGame {
    public static let channels = [
        ArcadeChannel("paddle", color: RGB(hex: 0x4A90E2), symbol: "="),
        ArcadeChannel("ball", color: RGB(hex: 0xF5F5F5), symbol: "o"),
        ArcadeChannel("trail", color: RGB(hex: 0x6B6B6B), symbol: ".", isBackground: true),
        ArcadeChannel("brick", color: RGB(hex: 0xD0443E), symbol: "#"),
    ]
    public static let minimalActions: [ArcadeAction] = [.noop, .left, .right]

    /// The bricks of a fresh wall: rows 1, 2 and 3.
    public static let fullWall: UInt128 = ((UInt128(1) << 30) - 1) << 10

    public var machine: ArcadeMachine
    /// The paddle's column in the bottom row.
    public var paddle = 4
    /// The ball's cell.
    public var ball = (row: 3, column: 0)
    /// The ball's direction: each component is +1 or −1.
    public var velocity = (row: 1, column: 1)
    /// The ball's previous cell.
    public var trail = (row: 3, column: 0)
    /// The bricks, one bit per cell (bit `row * 10 + column`).
    public var bricks = Breakout.fullWall

    /// Creates the game; call `reset(seed:)` to start an episode.
    public init(settings: ArcadeSettings = .standard) {
        machine = ArcadeMachine(settings: settings, minimalActions: Self.minimalActions)
    }

    public mutating func startEpisode() {
        paddle = 4
        bricks = Self.fullWall
        let fromLeft = machine.random(below: 2) == 0
        ball = (3, fromLeft ? 0 : arcadeBoardSize - 1)
        velocity = (1, fromLeft ? 1 : -1)
        trail = ball
    }

    public mutating func advance(_ action: ArcadeAction) -> Double {
        if action == .left { paddle = max(0, paddle - 1) }
        if action == .right { paddle = min(arcadeBoardSize - 1, paddle + 1) }
        trail = ball
        var next = (row: ball.row + velocity.row, column: ball.column + velocity.column)
        // Walls reflect the component that would leave the board; the ball moves only along the other one.
        if next.column < 0 || next.column >= arcadeBoardSize {
            velocity.column = -velocity.column
            next.column = ball.column
        }
        if next.row < 0 {
            velocity.row = -velocity.row
            next.row = ball.row
        }
        var reward = 0.0
        let brick = UInt128(1) << UInt128(next.row * arcadeBoardSize + next.column)
        if bricks & brick != 0 {
            // A brick breaks and reflects the ball vertically; the ball still moves sideways.
            bricks &= ~brick
            velocity.row = -velocity.row
            next.row = ball.row
            if bricks == 0 { bricks = Self.fullWall }
            reward = 1
        } else if next.row == arcadeBoardSize - 1 {
            if paddle == ball.column {
                // The paddle is under the ball: it goes back up, keeping its sideways direction.
                velocity.row = -velocity.row
                next.row = ball.row
            } else if paddle == next.column {
                // The ball lands on the paddle: it goes back up the way it came.
                velocity = (-velocity.row, -velocity.column)
                next.row = ball.row
            } else {
                machine.terminated = true
            }
        }
        ball = next
        return reward
    }

    @inlinable @inline(__always)
    public func observation() -> ChannelGrid {
        var grid = Self.emptyGrid()
        grid.set(0, row: arcadeBoardSize - 1, column: paddle)
        grid.set(1, row: ball.row, column: ball.column)
        grid.set(2, row: trail.row, column: trail.column)
        grid.planes[3] = bricks
        return grid
    }
}
