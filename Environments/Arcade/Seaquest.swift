import Gym

/// MinAtar's Seaquest: steer a submarine, shoot fish and enemy submarines, rescue divers and surface for oxygen.
///
/// ## Action Space
/// `Discrete(6)` numbered as ``ArcadeAction`` with either action set (Seaquest's minimal set is all six).
///
/// ## Observation Space
/// ``ChannelGrid`` of 10 channels: 0 `sub_front`, 1 `sub_back`, 2 `friendly_bullet`, 3 `trail` (the previous cell
/// of every enemy and diver), 4 `enemy_bullet`, 5 `enemy_fish`, 6 `enemy_sub`, 7 `oxygen_guage` (bottom row, one
/// cell per 1/10 of the tank, rounded up), 8 `diver_guage` (bottom row, one cell per diver on board), 9 `diver`.
/// The channel names keep MinAtar's spelling.
///
/// ## Starting State
/// The submarine at the surface (row 0), front at column 5 facing right, a full tank of ``oxygenCapacity``
/// frames, no divers, no enemies.
///
/// ## Rewards
/// +1 for each fish or enemy submarine shot. Surfacing with six divers on board gives +1 per active cell of the
/// oxygen gauge.
///
/// ## Episode End
/// Terminated when the submarine is hit by a fish, an enemy submarine or an enemy bullet; when the oxygen runs
/// out; or when it surfaces with no diver on board. No time limit of its own.
///
/// ## Arguments
/// ``ArcadeSettings``: sticky action probability (default 0.1), difficulty ramping (default on: each surfacing
/// makes enemies spawn one frame sooner, and every other surfacing move one frame sooner) and the action set.
///
/// ## Rules as implemented
/// The submarine moves one cell a frame within rows 0–8; left and right also turn it, and its back cell trails
/// its front. It fires from the front, one shot every ``shotCooldown`` frames; bullets fly one cell a frame, and a
/// bullet and an enemy in the same cell (after a move or as the enemy enters) destroy each other. Enemies enter a random empty lane (rows 1–7) from a random side every spawn interval — a submarine with
/// probability 1/3, otherwise a fish — and move one cell every move interval; enemy submarines fire in their
/// direction every ``enemyShotInterval`` frames. Divers enter their own lanes every ``diverSpawnInterval`` frames
/// and move every ``diverMoveInterval`` frames; touching one takes it on board when fewer than six are. Oxygen
/// drops by one each frame below the surface. Surfacing with 1–5 divers drops one of them, with 6 drops all six
/// and pays the oxygen bonus; either way the tank is refilled.
public struct Seaquest: ArcadeGame {
    public static let channels = [
        ArcadeChannel("sub_front", color: RGB(hex: 0xF2D024), symbol: "S"),
        ArcadeChannel("sub_back", color: RGB(hex: 0xC9A81C), symbol: "s"),
        ArcadeChannel("friendly_bullet", color: RGB(hex: 0x4AD1D1), symbol: "-"),
        ArcadeChannel("trail", color: RGB(hex: 0x3F4F6B), symbol: ".", isBackground: true),
        ArcadeChannel("enemy_bullet", color: RGB(hex: 0xFF7F50), symbol: "~"),
        ArcadeChannel("enemy_fish", color: RGB(hex: 0xE24A4A), symbol: "F"),
        ArcadeChannel("enemy_sub", color: RGB(hex: 0xB04AE2), symbol: "U"),
        ArcadeChannel("oxygen_guage", color: RGB(hex: 0x4A90E2), symbol: "O", isBackground: true),
        ArcadeChannel("diver_guage", color: RGB(hex: 0x4AD15A), symbol: "D"),
        ArcadeChannel("diver", color: RGB(hex: 0xF5F5F5), symbol: "d"),
    ]
    public static let minimalActions = ArcadeAction.allCases
    /// Frames of oxygen in a full tank.
    public static let oxygenCapacity = 200
    /// The most divers on board.
    public static let maximumDivers = 6
    /// Frames between two shots of the submarine.
    public static let shotCooldown = 5
    /// Frames between two shots of one enemy submarine.
    public static let enemyShotInterval = 10
    /// Frames between enemy spawns at the start.
    public static let firstSpawnInterval = 20
    /// Frames between enemy moves at the start.
    public static let firstMoveInterval = 5
    /// Frames between diver spawns.
    public static let diverSpawnInterval = 30
    /// Frames between diver moves.
    public static let diverMoveInterval = 5
    /// The object kind of an enemy submarine (others are fish).
    @usableFromInline static let submarine = 1
    /// The lowest row the submarine can reach (the bottom row holds the gauges).
    static let deepestRow = arcadeBoardSize - 2

    public var machine: ArcadeMachine
    /// The row of the submarine (0 is the surface).
    public var row = 0
    /// The column of the submarine's front.
    public var column = 5
    /// Whether the submarine faces right (its back is then to the left of its front).
    public var facingRight = true
    /// Frames of oxygen left.
    public var oxygen = Seaquest.oxygenCapacity
    /// Divers on board.
    public var divers = 0
    /// Frames until the submarine may fire again.
    public var shotTimer = 0
    /// Friendly bullets flying left and right, one bit per cell.
    public var friendlyBullets: (left: UInt128, right: UInt128) = (0, 0)
    /// Enemy bullets flying left and right, one bit per cell.
    public var enemyBullets: (left: UInt128, right: UInt128) = (0, 0)
    /// Fish and enemy submarines, one lane per row 1–7.
    public var enemies = LaneTraffic(firstRow: 1, laneCount: 7, moveInterval: Seaquest.firstMoveInterval)
    /// Divers, one lane per row 1–7.
    public var diverTraffic = LaneTraffic(firstRow: 1, laneCount: 7, moveInterval: Seaquest.diverMoveInterval)
    /// Frames between enemy spawns.
    public var spawnInterval = Seaquest.firstSpawnInterval
    /// Frames until the next enemy spawn.
    public var spawnTimer = Seaquest.firstSpawnInterval
    /// Frames until the next diver spawn.
    public var diverTimer = Seaquest.diverSpawnInterval
    /// Surfacings so far (each one ramps the difficulty).
    public var surfacings = 0

    /// Creates the game; call `reset(seed:)` to start an episode.
    public init(settings: ArcadeSettings = .standard) {
        machine = ArcadeMachine(settings: settings, minimalActions: Self.minimalActions)
    }

    /// The column of the submarine's back.
    @inlinable
    public var backColumn: Int { facingRight ? column - 1 : column + 1 }

    /// The submarine's two cells (always inlined, see ``ArcadeGame``).
    @inlinable @inline(__always)
    public var bodyCells: UInt128 { BoardMasks.cell(row, column) | BoardMasks.cell(row, backColumn) }

    public mutating func startEpisode() {
        row = 0
        column = 5
        facingRight = true
        oxygen = Self.oxygenCapacity
        divers = 0
        shotTimer = 0
        friendlyBullets = (0, 0)
        enemyBullets = (0, 0)
        enemies.clear(moveInterval: Self.firstMoveInterval)
        diverTraffic.clear(moveInterval: Self.diverMoveInterval)
        spawnInterval = Self.firstSpawnInterval
        spawnTimer = spawnInterval
        diverTimer = Self.diverSpawnInterval
        surfacings = 0
    }

    public mutating func advance(_ action: ArcadeAction) -> Double {
        let wasSubmerged = row > 0
        steer(action)
        var reward = 0.0
        if wasSubmerged && row == 0 {
            reward += surface()
            guard !machine.terminated else { return reward }
        }
        if row > 0 {
            oxygen -= 1
            if oxygen <= 0 {
                machine.terminated = true
                return reward
            }
        }
        friendlyBullets = (BoardMasks.shifted(friendlyBullets.left, columns: -1), BoardMasks.shifted(friendlyBullets.right, columns: 1))
        enemyBullets = (BoardMasks.shifted(enemyBullets.left, columns: -1), BoardMasks.shifted(enemyBullets.right, columns: 1))
        if shotTimer > 0 { shotTimer -= 1 }
        if action == .fire && shotTimer == 0 {
            fire()
        }
        // Bullets and enemies meet only where one of them has just moved or entered.
        reward += shootEnemies()
        if enemies.advance() {
            fireFromEnemySubmarines()
            reward += shootEnemies()
        }
        diverTraffic.advance()
        // An enemy can enter on a bullet at the edge.
        if spawn() { reward += shootEnemies() }
        pickUpDivers()
        if isHit() { machine.terminated = true }
        return reward
    }

    /// Moves and turns the submarine; the front stays where the back fits on the board.
    private mutating func steer(_ action: ArcadeAction) {
        switch action {
        case .left:
            facingRight = false
            column = min(max(0, column - 1), arcadeBoardSize - 2)
        case .right:
            facingRight = true
            column = max(min(arcadeBoardSize - 1, column + 1), 1)
        case .up: row = max(0, row - 1)
        case .down: row = min(Self.deepestRow, row + 1)
        case .noop, .fire: break
        }
    }

    /// Surfaces: ends the episode with no diver on board, else drops divers, pays the bonus for six, refills
    /// the tank and ramps the difficulty. Returns the bonus.
    private mutating func surface() -> Double {
        guard divers > 0 else {
            machine.terminated = true
            return 0
        }
        var bonus = 0.0
        if divers == Self.maximumDivers {
            bonus = Double(oxygenGaugeCells)
            divers = 0
        } else {
            divers -= 1
        }
        oxygen = Self.oxygenCapacity
        surfacings += 1
        if settings.difficultyRamping {
            spawnInterval = max(1, spawnInterval - 1)
            if surfacings % 2 == 0 { enemies.moveInterval = max(1, enemies.moveInterval - 1) }
        }
        return bonus
    }

    /// Cells of the oxygen gauge: tenths of a full tank, rounded up.
    @inlinable
    public var oxygenGaugeCells: Int {
        (oxygen * 10 + Self.oxygenCapacity - 1) / Self.oxygenCapacity
    }

    /// Puts a bullet in front of the submarine's front.
    private mutating func fire() {
        let target = column + (facingRight ? 1 : -1)
        guard target >= 0 && target < arcadeBoardSize else { return }
        if facingRight {
            friendlyBullets.right |= BoardMasks.cell(row, target)
        } else {
            friendlyBullets.left |= BoardMasks.cell(row, target)
        }
        shotTimer = Self.shotCooldown
    }

    /// Removes enemies that share a cell with a friendly bullet, and the bullets; returns how many died.
    private mutating func shootEnemies() -> Double {
        let hits = (friendlyBullets.left | friendlyBullets.right) & enemies.occupiedCells
        guard hits != 0 else { return 0 }
        enemies.remove(at: hits)
        friendlyBullets = (friendlyBullets.left & ~hits, friendlyBullets.right & ~hits)
        return Double(hits.nonzeroBitCount)
    }

    /// Counts down each enemy submarine's shot timer and fires the ones that run out.
    private mutating func fireFromEnemySubmarines() {
        let elapsed = enemies.moveInterval, firstRow = enemies.firstRow
        var shots: (left: UInt128, right: UInt128) = (0, 0)
        enemies.updateTimers { lane, mover, timer in
            guard mover.kind == Self.submarine else { return }
            timer -= elapsed
            guard timer <= 0 else { return }
            timer = Self.enemyShotInterval
            let target = mover.column + mover.direction
            guard target >= 0 && target < arcadeBoardSize else { return }
            if mover.direction > 0 {
                shots.right |= BoardMasks.cell(firstRow + lane, target)
            } else {
                shots.left |= BoardMasks.cell(firstRow + lane, target)
            }
        }
        enemyBullets = (enemyBullets.left | shots.left, enemyBullets.right | shots.right)
    }

    /// Brings in enemies and divers when their timers run out; returns whether an enemy entered.
    private mutating func spawn() -> Bool {
        var enemyEntered = false
        spawnTimer -= 1
        if spawnTimer <= 0 {
            spawnTimer = spawnInterval
            let free = enemies.freeLaneCount
            if free > 0 {
                let lane = machine.random(below: free)
                let fromLeft = machine.random(below: 2) == 0
                let kind = machine.random(below: 3) == 0 ? Self.submarine : 0
                enemies.spawn(freeLane: lane, fromLeft: fromLeft, kind: kind, timer: Self.enemyShotInterval)
                enemyEntered = true
            }
        }
        diverTimer -= 1
        if diverTimer <= 0 {
            diverTimer = Self.diverSpawnInterval
            let free = diverTraffic.freeLaneCount
            if free > 0 {
                let lane = machine.random(below: free)
                diverTraffic.spawn(freeLane: lane, fromLeft: machine.random(below: 2) == 0, kind: 0)
            }
        }
        return enemyEntered
    }

    /// Takes on board any diver touching the submarine (front, then back), while there is room.
    private mutating func pickUpDivers() {
        guard diverTraffic.occupiedCells & bodyCells != 0 else { return }
        pickUpDiver(at: column)
        pickUpDiver(at: backColumn)
    }

    /// Takes on board the diver on the submarine's row at `touched`, if any and if there is room.
    private mutating func pickUpDiver(at touched: Int) {
        guard divers < Self.maximumDivers, let lane = diverTraffic.lane(atRow: row, column: touched) else { return }
        diverTraffic.remove(lane)
        divers += 1
    }

    /// Whether a fish, an enemy submarine or an enemy bullet touches the submarine (always inlined, see
    /// ``ArcadeGame``).
    @inline(__always)
    private func isHit() -> Bool {
        (enemyBullets.left | enemyBullets.right | enemies.occupiedCells) & bodyCells != 0
    }

    @inlinable @inline(__always)
    public func observation() -> ChannelGrid {
        var grid = Self.emptyGrid()
        grid.set(0, row: row, column: column)
        grid.set(1, row: row, column: backColumn)
        grid.planes[2] = friendlyBullets.left | friendlyBullets.right
        grid.planes[4] = enemyBullets.left | enemyBullets.right
        enemies.draw(into: &grid, channel: { $0 == Self.submarine ? 6 : 5 }, trailChannel: 3)
        diverTraffic.draw(into: &grid, channel: { _ in 9 }, trailChannel: 3)
        let bottom = arcadeBoardSize - 1
        grid.planes[7] = BoardMasks.leadingCells(oxygenGaugeCells, ofRow: bottom)
        grid.planes[8] = BoardMasks.leadingCells(divers, ofRow: bottom)
        return grid
    }
}
