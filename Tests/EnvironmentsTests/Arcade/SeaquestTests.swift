import Environments
import Gym
import Testing

/// Seaquest's "Rules as implemented", on boards set up by hand; the outcomes are MinAtar 1.0.15's on the same boards.
/// A timer of 0 means the object moves (or fires, or spawns) on the next frame.
@Suite struct SeaquestTests {
    typealias Swimmer = Seaquest.Swimmer

    /// A game with the submarine at (`row`, `column`), an empty sea and no spawn due soon.
    private func sea(row: Int = 3, column: Int = 5, facingRight: Bool = false) throws -> Seaquest {
        var game = try Seaquest.deterministic()
        game.row = row
        game.column = column
        game.facingRight = facingRight
        game.atSurface = row == 0
        game.spawnTimer = 1000
        game.diverTimer = 1000
        return game
    }

    /// A fish, enemy submarine or diver that stays put unless `moveTimer` is 0.
    private func swimmer(_ row: Int, _ column: Int, direction: Int = 1, moveTimer: Int = 1000, shotTimer: Int = 1000) -> Swimmer {
        Swimmer(row: row, column: column, direction: direction, moveTimer: moveTimer, shotTimer: shotTimer)
    }

    @Test func startingStateMatchesTheDocumentation() throws {
        let game = try Seaquest.deterministic(seed: 9)
        let observation = game.observation()
        #expect(game.row == 0 && game.column == 5 && !game.facingRight)
        #expect(observation[0, 0, 5] && observation[1, 0, 6] && observation.count(0) == 1 && observation.count(1) == 1)
        #expect(game.oxygen == Seaquest.oxygenCapacity && game.divers == 0)
        // The oxygen gauge is full (10 cells on the bottom row), no divers, no enemies.
        #expect(observation.planes[7] == BoardMasks.row(9) && observation.count(8) == 0)
        #expect([2, 3, 4, 5, 6, 9].allSatisfy { observation.count($0) == 0 })
    }

    @Test func steeringTurnsAndKeepsTheSubmarineOnTheBoard() throws {
        var game = try sea(row: 0, column: 5)
        try game.play(.up)
        #expect(game.row == 0)
        try game.play(.left)
        #expect(game.column == 4 && !game.facingRight && game.backColumn == 5)
        game.column = 0
        try game.play(.left)
        #expect(game.column == 0 && game.backColumn == 1)
        try game.play(.right)
        #expect(game.column == 1 && game.facingRight && game.backColumn == 0)
        game.column = 9
        try game.play(.right)
        #expect(game.column == 9 && game.backColumn == 8)
        try game.play(.left)
        #expect(game.column == 8 && game.backColumn == 9)
        game.divers = 1
        for _ in 0..<12 { try game.play(.down) }
        #expect(game.row == 8)
    }

    @Test func oxygenDropsBelowTheSurfaceAndRunningOutEndsTheGame() throws {
        var game = try sea(row: 0)
        var step = try game.play(.down)
        // Diving costs oxygen on the frame of the dive; the gauge counts whole tenths (199 is nine cells).
        #expect(game.oxygen == 199 && step.observation.count(7) == 9)
        game.oxygen = 2
        step = try game.play(.noop)
        #expect(game.oxygen == 1 && step.observation.count(7) == 0 && !step.terminated)
        step = try game.play(.noop)
        #expect(game.oxygen == 0 && !step.terminated)
        step = try game.play(.noop)
        #expect(step.terminated && step.observation.count(7) == 0)
    }

    @Test func surfacingWithNoDiverEndsTheGameWithoutRefilling() throws {
        var game = try sea(row: 1)
        game.oxygen = 150
        let step = try game.play(.up)
        #expect(step.terminated && game.oxygen == 150 && step.observation.count(7) == 7)
    }

    @Test func surfacingWithDiversDropsOneRefillsAndRamps() throws {
        var game = try sea(row: 1)
        game.divers = 2
        game.oxygen = 120
        var step = try game.play(.up)
        #expect(!step.terminated && step.reward == 0 && game.divers == 1 && game.oxygen == Seaquest.oxygenCapacity)
        #expect(game.spawnInterval == Seaquest.firstSpawnInterval - 1 && game.moveInterval == Seaquest.firstMoveInterval)
        // The diver gauge ends at column 8 and grows leftward.
        #expect(step.observation.planes[8] == BoardMasks.cell(9, 8))
        // Staying at the surface does nothing more; the next arrival is the second ramp, which also speeds moves up.
        try game.play(.noop)
        try game.play(.down)
        step = try game.play(.up)
        #expect(!step.terminated && game.divers == 0 && game.ramps == 2)
        #expect(game.spawnInterval == Seaquest.firstSpawnInterval - 2 && game.moveInterval == Seaquest.firstMoveInterval - 1)
    }

    @Test func surfacingWithSixDiversPaysTheGaugeAndLeavesMinusOne() throws {
        var game = try sea(row: 1)
        game.divers = 6
        game.oxygen = 120
        var step = try game.play(.up)
        #expect(step.reward == 6 && !step.terminated && game.divers == -1 && step.observation.count(8) == 0)
        // With MinAtar's count of −1 the next arrival does not end the episode.
        try game.play(.down)
        step = try game.play(.up)
        #expect(!step.terminated && game.divers == -2)
    }

    @Test func rampingStopsAtItsLimits() throws {
        var game = try sea(row: 0)
        for _ in 0..<25 {
            game.divers = 1
            try game.play(.down)
            try game.play(.up)
        }
        #expect(game.spawnInterval == 1 && game.moveInterval == Seaquest.fastestMoveInterval && game.ramps == 19)
        var flat = try Seaquest(settings: ArcadeSettings(stickyActionProbability: 0, difficultyRamping: false))
        _ = flat.reset(seed: 0)
        flat.divers = 1
        try flat.play(.down)
        try flat.play(.up)
        #expect(flat.spawnInterval == Seaquest.firstSpawnInterval && flat.divers == 0)
    }

    @Test func onlyTheFrontTouches() throws {
        // A fish swimming onto the back is harmless; onto the front it ends the episode.
        var game = try sea(column: 5, facingRight: true)
        game.fish = [swimmer(3, 3, moveTimer: 0)]
        #expect(try !game.play(.noop).terminated)
        var front = try sea(column: 5)
        front.fish = [swimmer(3, 4, moveTimer: 0)]
        #expect(try front.play(.noop).terminated)
        // A diver at the back stays in the water; one at the front comes on board.
        var diver = try sea(column: 5)
        diver.swimmingDivers = [swimmer(3, 6)]
        try diver.play(.noop)
        #expect(diver.divers == 0 && diver.swimmingDivers.count == 1)
        try diver.play(.right)
        #expect(diver.divers == 1 && diver.swimmingDivers.isEmpty)
    }

    @Test func nothingSlipsPastTheFrontBySwappingCells() throws {
        var fish = try sea(column: 5)
        fish.fish = [swimmer(3, 4, moveTimer: 0)]
        #expect(try fish.play(.left).terminated)
        var bullet = try sea(column: 5)
        bullet.enemyBullets = [Seaquest.Bullet(row: 3, column: 4, direction: 1)]
        #expect(try bullet.play(.left).terminated)
        var diver = try sea(column: 5)
        diver.swimmingDivers = [swimmer(3, 4, moveTimer: 0)]
        try diver.play(.left)
        #expect(diver.divers == 1)
        // A full submarine leaves the diver in the water.
        var full = try sea(column: 5)
        full.divers = Seaquest.maximumDivers
        full.swimmingDivers = [swimmer(3, 4)]
        try full.play(.left)
        #expect(full.divers == Seaquest.maximumDivers && full.swimmingDivers.count == 1)
    }

    @Test func aShotFliesFromTheFrontAndHitsWhatIsBeside() throws {
        // The bullet shows beside the front on the frame it is fired, and hits a fish there at once.
        var beside = try sea(column: 5)
        beside.fish = [swimmer(3, 4)]
        #expect(try beside.play(.fire).reward == 1)
        #expect(beside.fish.isEmpty && beside.friendlyBullets.isEmpty)
        var game = try sea(column: 5)
        game.fish = [swimmer(3, 3)]
        var step = try game.play(.fire)
        #expect(step.reward == 0 && step.observation.planes[2] == BoardMasks.cell(3, 4))
        step = try game.play(.noop)
        #expect(step.reward == 1 && game.fish.isEmpty && game.friendlyBullets.isEmpty)
        // At the left edge facing left the shot has nowhere to go.
        var edge = try sea(column: 0)
        #expect(try edge.play(.fire).observation.count(2) == 0)
    }

    @Test func aBulletAndAFishThatSwapCellsMeet() throws {
        var game = try sea(column: 9)
        game.fish = [swimmer(3, 4, moveTimer: 0)]
        game.friendlyBullets = [Seaquest.Bullet(row: 3, column: 5, direction: -1)]
        #expect(try game.play(.noop).reward == 1)
        #expect(game.fish.isEmpty && game.friendlyBullets.isEmpty)
    }

    @Test func oneBulletKillsOneEnemy() throws {
        var game = try sea(column: 9)
        game.fish = [swimmer(3, 3), swimmer(3, 3)]
        game.friendlyBullets = [Seaquest.Bullet(row: 3, column: 4, direction: -1)]
        #expect(try game.play(.noop).reward == 1 && game.fish.count == 1)
        // Fish before submarines.
        var mixed = try sea(column: 9)
        mixed.fish = [swimmer(3, 3)]
        mixed.enemySubmarines = [swimmer(3, 3)]
        mixed.friendlyBullets = [Seaquest.Bullet(row: 3, column: 4, direction: -1)]
        #expect(try mixed.play(.noop).reward == 1 && mixed.fish.isEmpty && mixed.enemySubmarines.count == 1)
    }

    @Test func theSubmarineFiresOnceEveryCooldown() throws {
        var game = try sea(column: 9)
        var shots = 0
        for _ in 0..<(3 * Seaquest.shotCooldown) {
            // A new bullet shows beside the front.
            if try game.play(.fire).observation[2, 3, 8] { shots += 1 }
        }
        #expect(shots == 3)
    }

    @Test func swimmersMoveEveryIntervalPlusOneFrames() throws {
        var game = try sea(row: 8, column: 9)
        game.fish = [swimmer(2, 0, moveTimer: 0)]
        var columns: [Int] = []
        for _ in 0..<13 {
            try game.play(.noop)
            columns.append(game.fish[0].column)
        }
        #expect(columns == [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3])
        // The trail channel shows the cell behind.
        #expect(game.observation().planes[3] == BoardMasks.cell(2, 2))
    }

    @Test func enemySubmarinesFireIntoTheCellAhead() throws {
        var game = try sea(row: 7, column: 0)
        game.enemySubmarines = [swimmer(5, 3, moveTimer: 0, shotTimer: 0)]
        var step = try game.play(.noop)
        // It moves, then fires from its new cell; the bullet flies from the next frame on.
        #expect(game.enemySubmarines[0].column == 4 && step.observation.planes[4] == BoardMasks.cell(5, 5))
        #expect(game.enemySubmarines[0].shotTimer == Seaquest.enemyShotInterval)
        step = try game.play(.noop)
        #expect(step.observation.planes[4] == BoardMasks.cell(5, 6))
        // A shot into the front ends the episode at once.
        var close = try sea(column: 4)
        close.enemySubmarines = [swimmer(3, 3, shotTimer: 0)]
        #expect(try close.play(.noop).terminated)
    }

    @Test func theFirstEnemyAndDiverComeOnFrames21And31() throws {
        var game = try Seaquest.deterministic()
        game.divers = 1
        for _ in 1...20 { try game.play(.noop) }
        #expect(game.fish.isEmpty && game.enemySubmarines.isEmpty)
        // Side (0.7: right), kind (0.5: a fish), row (1 + 2).
        game.machine.replayedDraws = ReplayedDraws([.uniform(0.7), .uniform(0.5), .integer(value: 2, upperBound: 8)])
        try game.play(.noop)
        #expect(game.machine.replayedDraws!.isExhausted)
        #expect(game.fish == [Swimmer(row: 3, column: 9, direction: -1, moveTimer: Seaquest.firstMoveInterval - 1,
                                      shotTimer: Seaquest.enemyShotInterval)])
        for _ in 22...30 { try game.play(.noop) }
        #expect(game.swimmingDivers.isEmpty)
        // Side (0.2: left), row (1 + 5).
        game.machine.replayedDraws = ReplayedDraws([.uniform(0.2), .integer(value: 5, upperBound: 8)])
        try game.play(.noop)
        #expect(game.machine.replayedDraws!.isExhausted)
        #expect(game.swimmingDivers.map(\.row) == [6] && game.swimmingDivers[0].column == 0)
    }

    @Test func anEnemyIsDroppedOnlyAgainstTheTrafficOfItsRow() throws {
        func spawn(into fish: [Swimmer], side: Double, kind: Double) throws -> Seaquest {
            var game = try sea(row: 8, column: 9)
            game.fish = fish
            game.spawnTimer = 0
            game.machine.replayedDraws = ReplayedDraws([.uniform(side), .uniform(kind), .integer(value: 2, upperBound: 8)])
            try game.play(.noop)
            return game
        }
        // Row 3 holds a fish swimming right: another from the left joins it, one from the right is dropped.
        #expect(try spawn(into: [swimmer(3, 5)], side: 0.1, kind: 0.9).fish.count == 2)
        #expect(try spawn(into: [swimmer(3, 5)], side: 0.9, kind: 0.9).fish.count == 1)
        #expect(try spawn(into: [swimmer(3, 5)], side: 0.9, kind: 0.1).enemySubmarines.isEmpty)
        // A submarine below 1/3, a fish from 1/3 on.
        #expect(try spawn(into: [], side: 0.1, kind: 0.33).enemySubmarines.count == 1)
        #expect(try spawn(into: [], side: 0.1, kind: 0.34).fish.count == 1)
    }

    @Test func randomPlayKeepsTheRules() throws {
        // After every frame: the front shares no cell with a fish, an enemy submarine or an enemy bullet unless the
        // episode ended; rewards are whole and non-negative; the diver count stays within −1...6 outside MinAtar's
        // repeated-surfacing quirk.
        for seed in 0..<20 {
            var game = try Seaquest.deterministic(seed: UInt64(seed))
            var generator = RandomGenerator(seed: UInt64(seed) &+ 7)
            for _ in 0..<3000 {
                let step = try game.step(generator.nextInt(below: 6))
                let observation = step.observation
                let front = BoardMasks.cell(game.row, game.column)
                if !step.terminated {
                    #expect((observation.planes[4] | observation.planes[5] | observation.planes[6]) & front == 0,
                            "seed \(seed): the front shares a cell with an enemy")
                }
                #expect(step.reward >= 0 && step.reward == step.reward.rounded(), "seed \(seed)")
                #expect(game.divers <= Seaquest.maximumDivers, "seed \(seed)")
                if step.terminated { break }
            }
        }
    }
}
