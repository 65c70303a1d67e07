import Environments
import Gym
import Testing

/// Space Invaders' "Rules as implemented", on boards set up by hand.
@Suite struct SpaceInvadersTests {
    /// A game whose aliens are `aliens`, with the block's move and the enemy shot far away unless asked.
    private func board(aliens: UInt128, cannon: Int = 5, moveTimer: Int = 1000, enemyShotTimer: Int = 1000) throws -> SpaceInvaders {
        var game = try SpaceInvaders.deterministic()
        game.aliens = aliens
        game.cannon = cannon
        game.moveTimer = moveTimer
        game.enemyShotTimer = enemyShotTimer
        return game
    }

    @Test func startingStateMatchesTheDocumentation() throws {
        let game = try SpaceInvaders.deterministic(seed: 3)
        let observation = game.observation()
        #expect(game.cannon == 5 && observation[0, 9, 5] && observation.count(0) == 1)
        #expect(observation.count(1) == 24 && game.direction == -1)
        for row in 0..<10 {
            for column in 0..<10 {
                #expect(observation[1, row, column] == (row < 4 && (2..<8).contains(column)))
            }
        }
        // Marching left: every alien shows in alien_left, none in alien_right.
        #expect(observation.planes[2] == game.aliens && observation.planes[3] == 0)
    }

    @Test func anAlienReachingTheBottomRowEndsTheGame() throws {
        // A lone alien at the left wall, marching left: it steps down into the bottom row, far from the cannon.
        var game = try board(aliens: BoardMasks.cell(8, 0), cannon: 9, moveTimer: 1)
        let step = try game.play(.noop)
        #expect(game.aliens == BoardMasks.cell(9, 0))
        #expect(step.terminated && !step.truncated)
        #expect(try game.play(.noop).terminated)
    }

    @Test func anAlienOneRowUpDoesNotEndTheGame() throws {
        var game = try board(aliens: BoardMasks.cell(7, 0), cannon: 9, moveTimer: 1)
        let step = try game.play(.noop)
        #expect(game.aliens == BoardMasks.cell(8, 0) && !step.terminated)
        // It turned at the wall: now marching right.
        #expect(game.direction == 1 && step.observation.planes[3] == game.aliens && step.observation.planes[2] == 0)
    }

    @Test func anEnemyBulletHittingTheCannonEndsTheGame() throws {
        var game = try board(aliens: BoardMasks.cell(0, 9), cannon: 5)
        game.enemyBullets = BoardMasks.cell(8, 5)
        let step = try game.play(.noop)
        #expect(step.terminated)
        // Moving under a falling bullet is just as fatal.
        var moving = try board(aliens: BoardMasks.cell(0, 9), cannon: 5)
        moving.enemyBullets = BoardMasks.cell(8, 4)
        #expect(try moving.play(.left).terminated)
        // Stepping aside is not.
        var dodging = try board(aliens: BoardMasks.cell(0, 9), cannon: 5)
        dodging.enemyBullets = BoardMasks.cell(8, 5)
        let dodged = try dodging.play(.right)
        #expect(!dodged.terminated && dodged.observation[5, 9, 5])
        // The bullet falls off the board on the next frame.
        try dodging.play(.noop)
        #expect(dodging.enemyBullets == 0)
    }

    @Test func shootingAnAlienPaysOneAndRemovesBoth() throws {
        var game = try board(aliens: BoardMasks.cell(6, 5) | BoardMasks.cell(0, 0))
        var step = try game.play(.fire)
        #expect(step.reward == 0 && game.friendlyBullets == BoardMasks.cell(8, 5))
        #expect(step.observation[4, 8, 5])
        step = try game.play(.noop)
        #expect(step.reward == 0 && game.friendlyBullets == BoardMasks.cell(7, 5))
        step = try game.play(.noop)
        #expect(step.reward == 1 && !step.terminated)
        #expect(game.aliens == BoardMasks.cell(0, 0) && game.friendlyBullets == 0)
    }

    @Test func anAlienMarchingIntoABulletDies() throws {
        // The bullet rises to row 4 under column 4; the alien then marches left from column 5 onto it.
        var game = try board(aliens: BoardMasks.cell(4, 5) | BoardMasks.cell(0, 9), moveTimer: 1)
        game.friendlyBullets = BoardMasks.cell(5, 4)
        let step = try game.play(.noop)
        #expect(step.reward == 1)
        #expect(game.aliens == BoardMasks.cell(0, 8) && game.friendlyBullets == 0)
    }

    @Test func theCannonFiresOnceEveryCooldown() throws {
        var game = try board(aliens: BoardMasks.cell(0, 0))
        var shots = 0
        for _ in 0..<(4 * SpaceInvaders.shotCooldown) {
            // A bullet spends exactly one frame on row 8, the frame it is fired.
            try game.play(.fire)
            if game.friendlyBullets & BoardMasks.row(8) != 0 { shots += 1 }
        }
        #expect(shots == 4)
    }

    @Test func aliensFireFromTheColumnNearestTheCannon() throws {
        var game = try board(aliens: BoardMasks.cell(2, 3) | BoardMasks.cell(4, 3) | BoardMasks.cell(1, 8), cannon: 4,
                             enemyShotTimer: 1)
        try game.play(.noop)
        // Columns 3 and 5 tie at distance 1; column 3 (left) wins and its lowest alien, on row 4, fires.
        #expect(game.enemyBullets == BoardMasks.cell(5, 3))
        #expect(game.enemyShotTimer == SpaceInvaders.enemyShotInterval)
    }

    @Test func theBlockMarchesSidewaysThenDownAtTheWall() throws {
        var game = try board(aliens: SpaceInvaders.freshWave, moveTimer: 1)
        try game.play(.noop)
        #expect(game.aliens == BoardMasks.shifted(SpaceInvaders.freshWave, columns: -1))
        #expect(game.moveTimer == SpaceInvaders.firstWaveInterval)
        game.aliens = BoardMasks.cell(0, 0) | BoardMasks.cell(0, 1)
        game.moveTimer = 1
        try game.play(.noop)
        #expect(game.aliens == BoardMasks.cell(1, 0) | BoardMasks.cell(1, 1) && game.direction == 1)
        // Two aliens left: the block moves every two frames.
        #expect(game.moveTimer == 2)
    }

    @Test func aLoneAlienMovesEveryFrame() throws {
        var game = try board(aliens: BoardMasks.cell(3, 5), moveTimer: 1)
        for column in [4, 3, 2] {
            try game.play(.noop)
            #expect(game.aliens == BoardMasks.cell(3, column))
        }
    }

    @Test func aClearedWaveIsReplacedByAFasterOne() throws {
        var game = try board(aliens: BoardMasks.cell(7, 5))
        game.friendlyBullets = BoardMasks.cell(8, 5)
        let step = try game.play(.noop)
        #expect(step.reward == 1 && !step.terminated)
        #expect(game.aliens == SpaceInvaders.freshWave && game.direction == -1)
        #expect(game.waveInterval == SpaceInvaders.firstWaveInterval - 1 && game.moveTimer == game.waveInterval)
        // Without ramping the interval stays.
        var flat = try SpaceInvaders.deterministic(ramping: false)
        flat.aliens = BoardMasks.cell(7, 5)
        flat.friendlyBullets = BoardMasks.cell(8, 5)
        try flat.play(.noop)
        #expect(flat.waveInterval == SpaceInvaders.firstWaveInterval)
        // Ramping stops at the fastest interval.
        game.waveInterval = SpaceInvaders.fastestWaveInterval
        game.aliens = BoardMasks.cell(7, 5)
        game.friendlyBullets = BoardMasks.cell(8, 5)
        try game.play(.noop)
        #expect(game.waveInterval == SpaceInvaders.fastestWaveInterval)
    }

    @Test func aNewWaveMeetsTheBulletsInFlight() throws {
        // The last alien dies on row 7 while a second bullet rises into the new wave's area at (2, 4).
        var game = try board(aliens: BoardMasks.cell(7, 5))
        game.friendlyBullets = BoardMasks.cell(8, 5) | BoardMasks.cell(3, 4)
        let step = try game.play(.noop)
        #expect(step.reward == 2)
        #expect(game.aliens == SpaceInvaders.freshWave & ~BoardMasks.cell(2, 4) && game.friendlyBullets == 0)
        #expect(step.observation.planes[1] & step.observation.planes[4] == 0)
    }

    @Test func randomPlayKeepsTheRules() throws {
        // Over many random frames: no alien shares a cell with a friendly bullet, the reward is the number of
        // aliens that disappeared, and the episode ends exactly when the cannon is hit or an alien lands.
        for seed in 0..<20 {
            var game = try SpaceInvaders.deterministic(seed: UInt64(seed))
            var generator = RandomGenerator(seed: UInt64(seed))
            for _ in 0..<2000 {
                let before = game.aliens.nonzeroBitCount
                let step = try game.step(generator.nextInt(below: 6))
                let observation = step.observation
                #expect(observation.planes[1] & observation.planes[4] == 0, "seed \(seed): alien and bullet share a cell")
                let after = game.aliens == SpaceInvaders.freshWave && step.reward > 0 ? 0 : game.aliens.nonzeroBitCount
                #expect(Double(before - after) == step.reward, "seed \(seed)")
                let hit = observation.planes[5] & BoardMasks.cell(9, game.cannon) != 0
                let landed = observation.planes[1] & BoardMasks.row(9) != 0
                #expect(step.terminated == (hit || landed), "seed \(seed)")
                if step.terminated { break }
            }
        }
    }
}
