import Environments
import Gym
import Testing

/// Seaquest's "Rules as implemented", on boards set up by hand.
@Suite struct SeaquestTests {
    /// A game with the submarine at (`row`, `column`) facing right, an empty sea and no spawn due soon.
    private func sea(row: Int = 4, column: Int = 5, facingRight: Bool = true) throws -> Seaquest {
        var game = try Seaquest.deterministic()
        game.row = row
        game.column = column
        game.facingRight = facingRight
        game.spawnTimer = 1000
        game.diverTimer = 1000
        game.enemies.moveTimer = 1000
        game.diverTraffic.moveTimer = 1000
        return game
    }

    /// Puts a fish (or an enemy submarine) on `row` at `column`, moving in `direction`.
    private func placeEnemy(_ game: inout Seaquest, row: Int, column: Int, direction: Int, submarine: Bool = false,
                            timer: Int = Seaquest.enemyShotInterval) {
        game.enemies.lanes[row - 1] = LaneTraffic.Mover(isActive: true, column: column, direction: direction,
                                                         trailColumn: column - direction, kind: submarine ? 1 : 0, timer: timer)
    }

    private func placeDiver(_ game: inout Seaquest, row: Int, column: Int, direction: Int) {
        game.diverTraffic.lanes[row - 1] = LaneTraffic.Mover(isActive: true, column: column, direction: direction,
                                                              trailColumn: column - direction)
    }

    @Test func startingStateMatchesTheDocumentation() throws {
        let game = try Seaquest.deterministic(seed: 9)
        let observation = game.observation()
        #expect(game.row == 0 && game.column == 5 && game.facingRight)
        #expect(observation[0, 0, 5] && observation[1, 0, 4] && observation.count(0) == 1 && observation.count(1) == 1)
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
        try game.play(.left)
        #expect(game.column == 8 && game.backColumn == 9)
        for _ in 0..<12 { try game.play(.down) }
        #expect(game.row == 8)
    }

    @Test func oxygenDropsBelowTheSurfaceAndRunningOutEndsTheGame() throws {
        var surfaced = try sea(row: 0)
        try surfaced.play(.noop)
        #expect(surfaced.oxygen == Seaquest.oxygenCapacity)
        var game = try sea(row: 4)
        var step = try game.play(.noop)
        #expect(game.oxygen == Seaquest.oxygenCapacity - 1 && !step.terminated)
        game.oxygen = 2
        step = try game.play(.noop)
        #expect(game.oxygen == 1 && !step.terminated)
        #expect(step.observation.count(7) == 1)
        step = try game.play(.noop)
        #expect(step.terminated && !step.truncated && step.reward == 0)
        // A full tank lasts exactly oxygenCapacity frames under water.
        var diving = try sea(row: 1)
        var frames = 0
        while try !diving.play(.noop).terminated { frames += 1 }
        #expect(frames + 1 == Seaquest.oxygenCapacity)
    }

    @Test func theOxygenGaugeCountsTenthsRoundedUp() throws {
        var game = try sea()
        for (oxygen, cells) in [(200, 10), (199, 10), (181, 10), (180, 9), (95, 5), (21, 2), (20, 1), (1, 1)] {
            game.oxygen = oxygen
            #expect(game.oxygenGaugeCells == cells, "oxygen \(oxygen)")
            let observation = game.observation()
            #expect(observation.count(7) == cells && observation.planes[7] & ~BoardMasks.row(9) == 0)
        }
    }

    @Test func surfacingWithSixDiversPaysTheOxygenBonus() throws {
        var game = try sea(row: 1)
        game.divers = 6
        game.oxygen = 95
        let step = try game.play(.up)
        #expect(step.reward == 5 && !step.terminated)
        #expect(game.divers == 0 && game.oxygen == Seaquest.oxygenCapacity && game.surfacings == 1)
        #expect(step.observation.count(8) == 0 && step.observation.count(7) == 10)
        // With a full tank the bonus is 10.
        var full = try sea(row: 1)
        full.divers = 6
        full.oxygen = Seaquest.oxygenCapacity
        #expect(try full.play(.up).reward == 10)
    }

    @Test func surfacingWithFewerDiversDropsOneAndRefills() throws {
        var game = try sea(row: 1)
        game.divers = 3
        game.oxygen = 50
        let step = try game.play(.up)
        #expect(step.reward == 0 && !step.terminated)
        #expect(game.divers == 2 && game.oxygen == Seaquest.oxygenCapacity && step.observation.count(8) == 2)
        // Staying at the surface is not surfacing again.
        try game.play(.noop)
        #expect(game.divers == 2 && game.surfacings == 1)
    }

    @Test func surfacingWithNoDiverEndsTheGame() throws {
        var game = try sea(row: 1)
        let step = try game.play(.up)
        #expect(step.terminated && step.reward == 0)
    }

    @Test func shootingAFishOrASubmarinePaysOne() throws {
        // A fish two cells ahead: the shot appears in front of the submarine, then flies into it.
        var game = try sea(row: 3, column: 5)
        placeEnemy(&game, row: 3, column: 7, direction: -1)
        var step = try game.play(.fire)
        #expect(step.reward == 0 && step.observation[2, 3, 6])
        step = try game.play(.noop)
        #expect(step.reward == 1 && !step.terminated)
        #expect(!game.enemies.lanes[2].isActive && game.friendlyBullets.left | game.friendlyBullets.right == 0)
        // An enemy submarine right in front, facing left.
        var facingLeft = try sea(row: 6, column: 5, facingRight: false)
        placeEnemy(&facingLeft, row: 6, column: 4, direction: 1, submarine: true)
        step = try facingLeft.play(.fire)
        #expect(step.reward == 1 && !step.terminated && step.observation.count(6) == 0)
    }

    @Test func anEnemyFlyingIntoABulletDies() throws {
        var game = try sea(row: 3, column: 2)
        placeEnemy(&game, row: 3, column: 5, direction: -1)
        game.friendlyBullets.right = BoardMasks.cell(3, 3)
        game.enemies.moveTimer = 1
        // The bullet moves to column 4, the fish then moves onto it.
        let step = try game.play(.noop)
        #expect(step.reward == 1 && !game.enemies.lanes[2].isActive)
    }

    @Test func anEnemyEnteringOnABulletDies() throws {
        // Every lane but row 3 is taken; a bullet flying right sits at column 9 of row 3 as an enemy enters.
        var entered = 0
        for seed in 0..<60 {
            var game = try sea(row: 6, column: 2)
            game.machine.generator = RandomGenerator(seed: UInt64(seed))
            for row in 1...7 where row != 3 { placeEnemy(&game, row: row, column: 5, direction: 1) }
            game.friendlyBullets.right = BoardMasks.cell(3, 8)
            game.spawnTimer = 1
            let step = try game.play(.noop)
            let lane = game.enemies.lanes[2]
            if lane.isActive {
                // It entered from the left, away from the bullet.
                #expect(lane.column == 0 && step.reward == 0 && game.friendlyBullets.right == BoardMasks.cell(3, 9))
            } else {
                entered += 1
                #expect(step.reward == 1 && game.friendlyBullets.right == 0, "seed \(seed)")
            }
        }
        #expect(entered > 0)
    }

    @Test func theSubmarineFiresOnceEveryCooldown() throws {
        var game = try sea(row: 3, column: 1)
        var shots = 0
        for _ in 0..<(3 * Seaquest.shotCooldown) {
            try game.play(.fire)
            if game.friendlyBullets.right & BoardMasks.cell(3, 2) != 0 { shots += 1 }
        }
        #expect(shots == 3)
    }

    @Test func touchingAnEnemyEndsTheGame() throws {
        // Front into a fish.
        var front = try sea(row: 3, column: 5)
        placeEnemy(&front, row: 3, column: 6, direction: 1)
        #expect(try front.play(.right).terminated)
        // A fish swimming into the submarine's back.
        var back = try sea(row: 3, column: 5)
        placeEnemy(&back, row: 3, column: 3, direction: 1)
        back.enemies.moveTimer = 1
        #expect(try back.play(.noop).terminated)
        // Diving into an enemy submarine's lane onto it.
        var diving = try sea(row: 2, column: 5)
        placeEnemy(&diving, row: 3, column: 4, direction: -1, submarine: true)
        #expect(try diving.play(.down).terminated)
        // Passing above it is fine.
        var above = try sea(row: 2, column: 5)
        placeEnemy(&above, row: 3, column: 4, direction: -1, submarine: true)
        #expect(try !above.play(.noop).terminated)
    }

    @Test func enemyBulletsEndTheGame() throws {
        var game = try sea(row: 5, column: 5)
        game.enemyBullets.left = BoardMasks.cell(5, 6)
        #expect(try game.play(.noop).terminated)
        // Enemy submarines fire in their direction when their shot timer runs out as they move.
        var firing = try sea(row: 5, column: 1)
        placeEnemy(&firing, row: 5, column: 7, direction: -1, submarine: true, timer: 1)
        firing.enemies.moveTimer = 1
        let step = try firing.play(.noop)
        #expect(firing.enemies.lanes[4].column == 6 && step.observation[4, 5, 5] && !step.terminated)
        for _ in 0..<3 { try firing.play(.noop) }
        #expect(try firing.play(.noop).terminated)
    }

    @Test func touchingDiversTakesThemOnBoardUpToSix() throws {
        var game = try sea(row: 3, column: 5)
        placeDiver(&game, row: 3, column: 6, direction: -1)
        var step = try game.play(.right)
        #expect(game.divers == 1 && !game.diverTraffic.lanes[2].isActive && step.reward == 0 && !step.terminated)
        #expect(step.observation.count(8) == 1 && step.observation[8, 9, 0] && step.observation.count(9) == 0)
        // A full submarine leaves divers in the water.
        game.divers = 6
        placeDiver(&game, row: 3, column: 7, direction: -1)
        step = try game.play(.right)
        #expect(game.divers == 6 && game.diverTraffic.lanes[2].isActive && step.observation[9, 3, 7])
    }

    @Test func surfacingRampsTheDifficulty() throws {
        var game = try sea(row: 1)
        game.divers = 2
        try game.play(.up)
        #expect(game.spawnInterval == Seaquest.firstSpawnInterval - 1 && game.enemies.moveInterval == Seaquest.firstMoveInterval)
        try game.play(.down)
        try game.play(.up)
        #expect(game.spawnInterval == Seaquest.firstSpawnInterval - 2 && game.enemies.moveInterval == Seaquest.firstMoveInterval - 1)
        var flat = try Seaquest.deterministic(ramping: false)
        flat.row = 1
        flat.divers = 1
        try flat.play(.up)
        #expect(flat.spawnInterval == Seaquest.firstSpawnInterval)
    }

    @Test func randomPlayKeepsTheRules() throws {
        // After every frame: nothing hostile shares a cell with the submarine unless the episode ended; no live
        // enemy shares a cell with a friendly bullet; the gauges match the state.
        for seed in 0..<30 {
            var game = try Seaquest.deterministic(seed: UInt64(seed))
            var generator = RandomGenerator(seed: UInt64(seed) &+ 7)
            for _ in 0..<3000 {
                // Dive more than surface, so episodes last.
                let action = [0, 1, 3, 4, 4, 5, 5, 2][generator.nextInt(below: 8)]
                let step = try game.step(action)
                let o = step.observation
                let body = BoardMasks.cell(game.row, game.column) | BoardMasks.cell(game.row, game.backColumn)
                let hostile = (o.planes[4] | o.planes[5] | o.planes[6]) & body != 0
                if hostile { #expect(step.terminated, "seed \(seed): touching an enemy without ending") }
                #expect((o.planes[5] | o.planes[6]) & o.planes[2] == 0, "seed \(seed): an enemy survived a bullet")
                #expect(o.count(8) == game.divers && o.count(7) == game.oxygenGaugeCells)
                if game.divers < 6 { #expect(o.planes[9] & body == 0, "seed \(seed): a diver left alongside") }
                if step.terminated { break }
            }
        }
    }
}
