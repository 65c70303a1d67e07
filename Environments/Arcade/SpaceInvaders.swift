import Gym

/// MinAtar's Space Invaders: shoot down a block of aliens that marches sideways and down while shooting back.
///
/// ## Action Space
/// With the full action set, `Discrete(6)` numbered as ``ArcadeAction`` (up and down do nothing); with the minimal
/// set, `Discrete(4)`: 0 noop, 1 left, 2 right, 3 fire.
///
/// ## Observation Space
/// ``ChannelGrid`` of 6 channels: 0 `cannon`, 1 `alien`, 2 `alien_left` and 3 `alien_right` (every alien again,
/// in the channel of the block's current direction), 4 `friendly_bullet`, 5 `enemy_bullet`.
///
/// ## Starting State
/// The cannon in the bottom row at column 5; 24 aliens in rows 0–3, columns 2–7, marching left.
///
/// ## Rewards
/// +1 for each alien shot.
///
/// ## Episode End
/// Terminated when an enemy bullet or an alien is on the cannon's cell (after the cannon moves, or at the end of
/// the frame), or when the block steps down while an alien is on the bottom row. No time limit of its own.
///
/// ## Arguments
/// ``ArcadeSettings``: sticky action probability (default 0.1), difficulty ramping (default on: each new wave
/// marches one frame per move faster, down to ``fastestWaveInterval``) and the action set.
///
/// ## Rules as implemented
/// These follow MinAtar 1.0.15 state for state (checked on its recorded episodes,
/// `Tests/EnvironmentsTests/Fixtures/minatar-episodes.json`). Each frame, in order: the cannon moves one cell
/// (moving onto an alien ends the episode); friendly bullets rise and enemy bullets fall one cell; a shot (at most
/// one every ``shotCooldown`` frames) appears just above the cannon; the block moves when its timer has run down
/// to 0 — sideways, or down one row with a change of direction when an alien touches the wall it marches toward —
/// and its timer restarts at `min(wave interval, aliens left)` (so a lone alien moves every frame); every
/// ``enemyShotInterval`` frames (first on frame 11) the lowest alien of the column nearest the cannon (ties go
/// left) drops a bullet on its own cell; then an alien and a friendly bullet in the same cell destroy each other
/// (they pass each other when they swap cells). A cleared wave is replaced by a fresh one at once; bullets in
/// flight meet it only from the next frame on, and it moves when the old block's timer says.
public struct SpaceInvaders: ArcadeGame {
    public static let channels = [
        ArcadeChannel("cannon", color: RGB(hex: 0x4AD15A), symbol: "A"),
        ArcadeChannel("alien", color: RGB(hex: 0xE5E5E5), symbol: "W"),
        ArcadeChannel("alien_left", color: RGB(hex: 0xB04AE2), symbol: "<", isBackground: true),
        ArcadeChannel("alien_right", color: RGB(hex: 0xE2A84A), symbol: ">", isBackground: true),
        ArcadeChannel("friendly_bullet", color: RGB(hex: 0x4AD1D1), symbol: "|"),
        ArcadeChannel("enemy_bullet", color: RGB(hex: 0xE24A4A), symbol: "!"),
    ]
    public static let minimalActions: [ArcadeAction] = [.noop, .left, .right, .fire]

    /// The aliens of a fresh wave: rows 0–3, columns 2–7.
    public static let freshWave: UInt128 = {
        var aliens: UInt128 = 0
        for row in 0..<4 { for column in 2..<8 { aliens |= BoardMasks.cell(row, column) } }
        return aliens
    }()
    /// Frames between the first wave's moves.
    public static let firstWaveInterval = 12
    /// The shortest wave interval ramping reaches.
    public static let fastestWaveInterval = 6
    /// Frames between two shots of the cannon.
    public static let shotCooldown = 5
    /// Frames between two alien shots.
    public static let enemyShotInterval = 10

    public var machine: ArcadeMachine
    /// The cannon's column in the bottom row.
    public var cannon = 5
    /// The aliens, one bit per cell.
    public var aliens = SpaceInvaders.freshWave
    /// −1 marching left, +1 marching right.
    public var direction = -1
    /// The friendly bullets, one bit per cell.
    public var friendlyBullets: UInt128 = 0
    /// The enemy bullets, one bit per cell.
    public var enemyBullets: UInt128 = 0
    /// Frames between moves of the current wave (before the few-aliens speed-up).
    public var waveInterval = SpaceInvaders.firstWaveInterval
    /// Frames left before the frame on which the block moves (0: it moves this frame).
    public var moveTimer = SpaceInvaders.firstWaveInterval
    /// Frames until the cannon may fire again.
    public var shotTimer = 0
    /// Frames left before the frame on which an alien fires (0: it fires this frame).
    public var enemyShotTimer = SpaceInvaders.enemyShotInterval

    /// Creates the game; call `reset(seed:)` to start an episode.
    public init(settings: ArcadeSettings = .standard) {
        machine = ArcadeMachine(settings: settings, minimalActions: Self.minimalActions)
    }

    public mutating func startEpisode() {
        cannon = 5
        aliens = Self.freshWave
        direction = -1
        friendlyBullets = 0
        enemyBullets = 0
        waveInterval = Self.firstWaveInterval
        moveTimer = waveInterval
        shotTimer = 0
        enemyShotTimer = Self.enemyShotInterval
    }

    public mutating func advance(_ action: ArcadeAction) -> Double {
        let bottom = arcadeBoardSize - 1
        if action == .left { cannon = max(0, cannon - 1) }
        if action == .right { cannon = min(bottom, cannon + 1) }
        // Moving into an alien is fatal even when the alien then marches on.
        if aliens & BoardMasks.cell(bottom, cannon) != 0 { machine.terminated = true }
        friendlyBullets >>= 10
        enemyBullets = (enemyBullets << 10) & BoardMasks.board
        if shotTimer > 0 { shotTimer -= 1 }
        if action == .fire && shotTimer == 0 {
            friendlyBullets |= BoardMasks.cell(bottom - 1, cannon)
            shotTimer = Self.shotCooldown
        }
        // Marching keeps the number of aliens, so the restart can be counted before.
        if ArcadeTimer.fires(&moveTimer, restart: min(waveInterval, aliens.nonzeroBitCount)) { marchAliens() }
        if ArcadeTimer.fires(&enemyShotTimer, restart: Self.enemyShotInterval) { fireFromNearestAlien() }
        let reward = destroyShotAliens()
        if (enemyBullets | aliens) & BoardMasks.cell(bottom, cannon) != 0 {
            machine.terminated = true
        }
        if aliens == 0 {
            aliens = Self.freshWave
            direction = -1
            if settings.difficultyRamping { waveInterval = max(Self.fastestWaveInterval, waveInterval - 1) }
        }
        return reward
    }

    /// Removes every alien that shares a cell with a friendly bullet, and the bullet; returns how many died.
    private mutating func destroyShotAliens() -> Double {
        let hits = aliens & friendlyBullets
        guard hits != 0 else { return 0 }
        aliens &= ~hits
        friendlyBullets &= ~hits
        return Double(hits.nonzeroBitCount)
    }

    /// Moves the block one cell sideways, or one row down with a change of direction at a wall.
    private mutating func marchAliens() {
        let wall = direction < 0 ? BoardMasks.leftColumn : BoardMasks.rightColumn
        if aliens & wall != 0 {
            // An alien already on the bottom row leaves the board: the episode ends, and (as in MinAtar) the
            // alien shows again on the top row.
            let bottomRow = BoardMasks.row(arcadeBoardSize - 1)
            if aliens & bottomRow != 0 { machine.terminated = true }
            aliens = ((aliens & ~bottomRow) << 10) | ((aliens & bottomRow) >> 90)
            direction = -direction
        } else {
            aliens = BoardMasks.shifted(aliens, columns: direction)
        }
    }

    /// Drops a bullet below the lowest alien of the column nearest the cannon (ties go left).
    private mutating func fireFromNearestAlien() {
        guard aliens != 0 else { return }
        for distance in 0..<arcadeBoardSize {
            for column in [cannon - distance, cannon + distance] where column >= 0 && column < arcadeBoardSize {
                for row in stride(from: arcadeBoardSize - 1, through: 0, by: -1) where aliens & BoardMasks.cell(row, column) != 0 {
                    enemyBullets |= BoardMasks.cell(row, column)
                    return
                }
            }
        }
    }

    @inlinable @inline(__always)
    public func observation() -> ChannelGrid {
        var grid = Self.emptyGrid()
        grid.set(0, row: arcadeBoardSize - 1, column: cannon)
        grid.planes[1] = aliens
        grid.planes[direction < 0 ? 2 : 3] = aliens
        grid.planes[4] = friendlyBullets
        grid.planes[5] = enemyBullets
        return grid
    }
}
