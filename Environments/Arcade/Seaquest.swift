import Gym

/// MinAtar's Seaquest: steer a submarine, shoot fish and enemy submarines, rescue divers and surface for oxygen.
///
/// ## Action Space
/// `Discrete(6)` numbered as ``ArcadeAction`` with either action set (Seaquest's minimal set is all six).
///
/// ## Observation Space
/// ``ChannelGrid`` of 10 channels: 0 `sub_front`, 1 `sub_back`, 2 `friendly_bullet`, 3 `trail` (the cell behind
/// every fish, enemy submarine and diver), 4 `enemy_bullet`, 5 `enemy_fish`, 6 `enemy_sub`, 7 `oxygen_guage`
/// (bottom row from the left, one cell per whole tenth of the tank), 8 `diver_guage` (bottom row, one cell per
/// diver on board, leftward from column 8), 9 `diver`. The channel names keep MinAtar's spelling.
///
/// ## Starting State
/// The submarine at the surface (row 0), front at column 5 facing left, a full tank of ``oxygenCapacity``
/// frames, no divers, no enemies.
///
/// ## Rewards
/// +1 for each fish or enemy submarine shot. Surfacing with six divers on board gives +1 per cell of the oxygen
/// gauge.
///
/// ## Episode End
/// Terminated when the submarine's front meets a fish, an enemy submarine or an enemy bullet; when the oxygen runs
/// out (below 0); or when it surfaces with no diver on board. No time limit of its own.
///
/// ## Arguments
/// ``ArcadeSettings``: sticky action probability (default 0.1), difficulty ramping (default on: each surfacing
/// with divers makes enemies spawn one frame sooner, until every frame, and every other one makes them move one
/// frame sooner, down to ``fastestMoveInterval``) and the action set.
///
/// ## Rules as implemented
/// These follow MinAtar 1.0.15 state for state (checked on its recorded episodes,
/// `Tests/EnvironmentsTests/Fixtures/minatar-episodes.json`, and on boards set up by hand). Only the submarine's
/// front touches things; the back shows its heading. Each frame, in order:
/// 1. The submarine moves one cell within rows 0–8 (left and right also turn it); its front meets what is on its
///    new cell (so it cannot slip past anything by swapping cells).
/// 2. Fire (at most one shot every ``shotCooldown`` frames) puts a bullet on the front's cell.
/// 3. When the spawn timer has run down to 0 (first on frame 21, then every spawn interval) an enemy appears at an
///    edge: the side (left with probability 1/2), the kind (a submarine with probability 1/3) and the row (1–8) are
///    drawn, and it is dropped when an enemy in that row swims the other way. Every ``diverSpawnInterval`` frames
///    (first on frame 31) a diver appears the same way (side, then row), in any row.
/// 4. Friendly bullets fly one cell (the new one too, so it first shows beside the front): one that meets a fish
///    (else an enemy submarine) removes it and itself and pays 1. Enemy bullets fly one cell and hit the front.
/// 5. Fish, then enemy submarines: each moves one cell when its own timer has run down to 0 (then restarts at the
///    move interval, so it moves every interval + 1 frames, first interval frames after it appeared), meets a
///    friendly bullet on its cell, and ends the episode on the front. An enemy submarine fires a bullet into the
///    cell ahead of it when its shot timer has run down (every ``enemyShotInterval`` + 1 frames).
/// 6. Divers move the same way every ``diverMoveInterval`` + 1 frames; one on the front is taken on board while
///    fewer than ``maximumDivers`` are.
/// 7. Below the surface the oxygen drops by one. Arriving at the surface with no diver ends the episode; with six
///    it pays the bonus and then, like any other arrival, drops one diver — so after six MinAtar's count goes to
///    −1 (its gauge shows none) and the next arrival does not end the episode. An arrival that does not end the
///    episode refills the tank.
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
    /// What an enemy submarine's shot timer restarts at.
    public static let enemyShotInterval = 10
    /// What the enemy spawn timer restarts at, at the start.
    public static let firstSpawnInterval = 20
    /// What an enemy's move timer restarts at, at the start.
    public static let firstMoveInterval = 5
    /// The smallest move interval ramping reaches.
    public static let fastestMoveInterval = 2
    /// What the diver spawn timer restarts at.
    public static let diverSpawnInterval = 30
    /// What a diver's move timer restarts at.
    public static let diverMoveInterval = 5
    /// The lowest row the submarine can reach (the bottom row holds the gauges).
    static let deepestRow = arcadeBoardSize - 2

    public var machine: ArcadeMachine
    /// The row of the submarine (0 is the surface).
    public var row = 0
    /// The column of the submarine's front.
    public var column = 5
    /// Whether the submarine faces right (its back is then to the left of its front).
    public var facingRight = false
    /// Whether the submarine has surfaced and not dived since (true at the start).
    public var atSurface = true
    /// Frames of oxygen left.
    public var oxygen = Seaquest.oxygenCapacity
    /// Divers on board (−1 after surfacing with six, as in MinAtar).
    public var divers = 0
    /// Frames until the submarine may fire again.
    public var shotTimer = 0
    /// The submarine's bullets.
    public var friendlyBullets: [Bullet] = []
    /// The enemy submarines' bullets.
    public var enemyBullets: [Bullet] = []
    /// The fish, in the order they appeared.
    public var fish: [Swimmer] = []
    /// The enemy submarines, in the order they appeared.
    public var enemySubmarines: [Swimmer] = []
    /// The divers in the water, in the order they appeared.
    public var swimmingDivers: [Swimmer] = []
    /// What the enemy spawn timer restarts at.
    public var spawnInterval = Seaquest.firstSpawnInterval
    /// Frames left before the frame on which an enemy spawns (0: it spawns this frame).
    public var spawnTimer = Seaquest.firstSpawnInterval
    /// Frames left before the frame on which a diver spawns.
    public var diverTimer = Seaquest.diverSpawnInterval
    /// What a new enemy's move timer restarts at.
    public var moveInterval = Seaquest.firstMoveInterval
    /// Difficulty ramps so far (one per surfacing with divers, until enemies spawn every frame).
    public var ramps = 0

    /// Creates the game; call `reset(seed:)` to start an episode.
    public init(settings: ArcadeSettings = .standard) {
        machine = ArcadeMachine(settings: settings, minimalActions: Self.minimalActions)
    }

    /// The column of the submarine's back.
    @inlinable
    public var backColumn: Int { facingRight ? column - 1 : column + 1 }

    public mutating func startEpisode() {
        row = 0
        column = 5
        facingRight = false
        atSurface = true
        oxygen = Self.oxygenCapacity
        divers = 0
        shotTimer = 0
        friendlyBullets.removeAll(keepingCapacity: true)
        enemyBullets.removeAll(keepingCapacity: true)
        fish.removeAll(keepingCapacity: true)
        enemySubmarines.removeAll(keepingCapacity: true)
        swimmingDivers.removeAll(keepingCapacity: true)
        spawnInterval = Self.firstSpawnInterval
        spawnTimer = spawnInterval
        diverTimer = Self.diverSpawnInterval
        moveInterval = Self.firstMoveInterval
        ramps = 0
    }

    public mutating func advance(_ action: ArcadeAction) -> Double {
        steer(action)
        meetWhatIsAtTheFront()
        if action == .fire && shotTimer == 0 {
            friendlyBullets.append(Bullet(row: row, column: column, direction: facingRight ? 1 : -1))
            shotTimer = Self.shotCooldown
        }
        if shotTimer > 0 { shotTimer -= 1 }
        if ArcadeTimer.fires(&spawnTimer, restart: spawnInterval) { spawnEnemy() }
        if ArcadeTimer.fires(&diverTimer, restart: Self.diverSpawnInterval) { spawnDiver() }
        var reward = flyFriendlyBullets()
        flyEnemyBullets()
        reward += swimEnemies()
        swimDivers()
        reward += breathe()
        return reward
    }

    // MARK: - The submarine

    /// Moves and turns the submarine.
    private mutating func steer(_ action: ArcadeAction) {
        switch action {
        case .left:
            facingRight = false
            column = max(0, column - 1)
        case .right:
            facingRight = true
            column = min(arcadeBoardSize - 1, column + 1)
        case .up: row = max(0, row - 1)
        case .down: row = min(Self.deepestRow, row + 1)
        case .noop, .fire: break
        }
    }

    /// The front meets what is on its cell: an enemy or an enemy bullet ends the episode, divers come on board.
    private mutating func meetWhatIsAtTheFront() {
        if fish.firstIndex(row: row, column: column) != nil || enemySubmarines.firstIndex(row: row, column: column) != nil
            || enemyBullets.firstIndex(row: row, column: column) != nil {
            machine.terminated = true
        }
        while divers < Self.maximumDivers, let index = swimmingDivers.firstIndex(row: row, column: column) {
            swimmingDivers.remove(at: index)
            divers += 1
        }
    }

    /// Oxygen and surfacing (see rule 7 of the type's documentation); returns the six-diver bonus.
    private mutating func breathe() -> Double {
        guard row == 0 else {
            atSurface = false
            oxygen -= 1
            if oxygen < 0 { machine.terminated = true }
            return 0
        }
        guard !atSurface else { return 0 }
        guard divers != 0 else {
            machine.terminated = true
            return 0
        }
        var bonus = 0.0
        if divers == Self.maximumDivers {
            bonus = Double(oxygenGaugeCells)
            divers = 0
        }
        divers -= 1
        if settings.difficultyRamping { ramp() }
        atSurface = true
        oxygen = Self.oxygenCapacity
        return bonus
    }

    /// Enemies spawn one frame sooner, and every other ramp move one frame sooner.
    private mutating func ramp() {
        guard spawnInterval > 1 else { return }
        spawnInterval -= 1
        ramps += 1
        if ramps % 2 == 0 && moveInterval > Self.fastestMoveInterval { moveInterval -= 1 }
    }

    /// Cells of the oxygen gauge: whole tenths of a full tank (none once it is empty).
    @inlinable
    public var oxygenGaugeCells: Int {
        max(0, oxygen * 10 / Self.oxygenCapacity)
    }

    // MARK: - Spawning

    /// Draws an enemy's side, kind and row, and puts it at the edge unless an enemy in that row swims the other way.
    private mutating func spawnEnemy() {
        let fromLeft = machine.uniform() < 0.5
        let isSubmarine = machine.uniform() < 1.0 / 3
        let lane = 1 + machine.random(below: 8)
        let direction = fromLeft ? 1 : -1
        let blocked = { (swimmer: Swimmer) in swimmer.row == lane && swimmer.direction != direction }
        guard !fish.contains(where: blocked) && !enemySubmarines.contains(where: blocked) else { return }
        let enemy = Swimmer(row: lane, column: fromLeft ? 0 : arcadeBoardSize - 1, direction: direction,
                            moveTimer: moveInterval, shotTimer: Self.enemyShotInterval)
        if isSubmarine {
            enemySubmarines.append(enemy)
        } else {
            fish.append(enemy)
        }
    }

    /// Draws a diver's side and row and puts it at the edge.
    private mutating func spawnDiver() {
        let fromLeft = machine.uniform() < 0.5
        let lane = 1 + machine.random(below: 8)
        swimmingDivers.append(Swimmer(row: lane, column: fromLeft ? 0 : arcadeBoardSize - 1, direction: fromLeft ? 1 : -1,
                                      moveTimer: Self.diverMoveInterval))
    }

    // MARK: - Moving objects

    /// Flies the submarine's bullets one cell; each removes the first fish (else enemy submarine) it meets, and
    /// itself. Returns how many enemies died.
    private mutating func flyFriendlyBullets() -> Double {
        var kills = 0.0
        var index = 0
        while index < friendlyBullets.count {
            friendlyBullets[index].column += friendlyBullets[index].direction
            let bullet = friendlyBullets[index]
            var spent = bullet.column < 0 || bullet.column >= arcadeBoardSize
            if !spent, let hit = fish.firstIndex(row: bullet.row, column: bullet.column) {
                fish.remove(at: hit)
                spent = true
                kills += 1
            } else if !spent, let hit = enemySubmarines.firstIndex(row: bullet.row, column: bullet.column) {
                enemySubmarines.remove(at: hit)
                spent = true
                kills += 1
            }
            if spent { friendlyBullets.remove(at: index) } else { index += 1 }
        }
        return kills
    }

    /// Flies the enemy bullets one cell; one on the front ends the episode.
    private mutating func flyEnemyBullets() {
        var index = 0
        while index < enemyBullets.count {
            enemyBullets[index].column += enemyBullets[index].direction
            let bullet = enemyBullets[index]
            if bullet.column < 0 || bullet.column >= arcadeBoardSize {
                enemyBullets.remove(at: index)
                continue
            }
            if bullet.row == row && bullet.column == column { machine.terminated = true }
            index += 1
        }
    }

    /// Moves the fish, then the enemy submarines (which also fire); returns how many swam into a bullet.
    private mutating func swimEnemies() -> Double {
        var kills = 0.0
        var index = 0
        while index < fish.count {
            if fish[index].swim(interval: moveInterval) && survivesItsMove(fish[index], kills: &kills) == false {
                fish.remove(at: index)
                continue
            }
            if fish[index].row == row && fish[index].column == column { machine.terminated = true }
            index += 1
        }
        index = 0
        while index < enemySubmarines.count {
            if enemySubmarines[index].swim(interval: moveInterval)
                && survivesItsMove(enemySubmarines[index], kills: &kills) == false {
                enemySubmarines.remove(at: index)
                continue
            }
            let submarine = enemySubmarines[index]
            if submarine.row == row && submarine.column == column { machine.terminated = true }
            if submarine.shotTimer == 0 {
                enemySubmarines[index].shotTimer = Self.enemyShotInterval
                let target = submarine.column + submarine.direction
                if target >= 0 && target < arcadeBoardSize {
                    enemyBullets.append(Bullet(row: submarine.row, column: target, direction: submarine.direction))
                    if submarine.row == row && target == column { machine.terminated = true }
                }
            } else {
                enemySubmarines[index].shotTimer -= 1
            }
            index += 1
        }
        return kills
    }

    /// Whether an enemy that just moved stays: it leaves past the edge, or dies with the first friendly bullet on
    /// its new cell (counted in `kills`).
    private mutating func survivesItsMove(_ enemy: Swimmer, kills: inout Double) -> Bool {
        if enemy.isOffBoard { return false }
        guard let hit = friendlyBullets.firstIndex(row: enemy.row, column: enemy.column) else { return true }
        friendlyBullets.remove(at: hit)
        kills += 1
        return false
    }

    /// Moves the divers; one on the front comes on board while there is room.
    private mutating func swimDivers() {
        var index = 0
        while index < swimmingDivers.count {
            let moved = swimmingDivers[index].swim(interval: Self.diverMoveInterval)
            let diver = swimmingDivers[index]
            if (moved && diver.isOffBoard) || (diver.row == row && diver.column == column && divers < Self.maximumDivers) {
                if !diver.isOffBoard { divers += 1 }
                swimmingDivers.remove(at: index)
                continue
            }
            index += 1
        }
    }

    // MARK: - Rendering

    @inlinable @inline(__always)
    public func observation() -> ChannelGrid {
        var grid = Self.emptyGrid()
        grid.set(0, row: row, column: column)
        let back = backColumn
        if back >= 0 && back < arcadeBoardSize { grid.set(1, row: row, column: back) }
        let fish = fish.cellsAndTrails, submarines = enemySubmarines.cellsAndTrails, swimming = swimmingDivers.cellsAndTrails
        grid.planes[2] = friendlyBullets.cells
        grid.planes[3] = fish.trails | submarines.trails | swimming.trails
        grid.planes[4] = enemyBullets.cells
        grid.planes[5] = fish.cells
        grid.planes[6] = submarines.cells
        let bottom = arcadeBoardSize - 1
        grid.planes[7] = BoardMasks.leadingCells(oxygenGaugeCells, ofRow: bottom)
        // MinAtar's diver gauge ends at column 8 and grows leftward.
        let shown = min(max(0, divers), Self.maximumDivers)
        grid.planes[8] = BoardMasks.leadingCells(arcadeBoardSize - 1, ofRow: bottom)
            & ~BoardMasks.leadingCells(arcadeBoardSize - 1 - shown, ofRow: bottom)
        grid.planes[9] = swimming.cells
        return grid
    }
}
