import Environments
import Gym
import Testing

/// Space Invaders' "Rules as implemented", on boards set up by hand; the outcomes are MinAtar 1.0.15's on the same
/// boards. A timer of 0 means the block moves (or an alien fires) on the next frame.
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

    @Test func anAlienOnTheBottomRowEndsTheGameOnlyOnTheCannon() throws {
        // A lone alien at the left wall, marching left: it steps down into the bottom row, far from the cannon, and
        // turns (now marching right). The game goes on.
        var game = try board(aliens: BoardMasks.cell(8, 0), cannon: 9, moveTimer: 0)
        var step = try game.play(.noop)
        #expect(game.aliens == BoardMasks.cell(9, 0) && !step.terminated)
        #expect(game.direction == 1 && step.observation.planes[3] == game.aliens && step.observation.planes[2] == 0)
        // It marches along the bottom row (a lone alien moves every frame) until it reaches the cannon.
        for column in 1...8 {
            step = try game.play(.noop)
            #expect(game.aliens == BoardMasks.cell(9, column) && !step.terminated)
        }
        step = try game.play(.noop)
        #expect(game.aliens == BoardMasks.cell(9, 9) && step.terminated && !step.truncated)
        #expect(try game.play(.noop).terminated)
    }

    @Test func movingOntoAnAlienEndsTheGameEvenAsItMarchesOn() throws {
        // The cannon steps onto (9, 3) while the alien there marches left to (9, 2): they swap, and it is fatal.
        var game = try board(aliens: BoardMasks.cell(9, 3) | BoardMasks.cell(8, 3), cannon: 2, moveTimer: 0)
        let step = try game.play(.right)
        #expect(game.aliens == BoardMasks.cell(9, 2) | BoardMasks.cell(8, 2) && step.terminated)
    }

    @Test func theBlockSteppingDownFromTheBottomRowEndsTheGame() throws {
        // At the right wall on the bottom row: the alien leaves the board (MinAtar shows it again on the top row).
        var game = try board(aliens: BoardMasks.cell(9, 9), cannon: 0, moveTimer: 0)
        game.direction = 1
        let step = try game.play(.noop)
        #expect(step.terminated && game.aliens == BoardMasks.cell(0, 9))
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
        var game = try board(aliens: BoardMasks.cell(4, 5) | BoardMasks.cell(0, 9), moveTimer: 0)
        game.friendlyBullets = BoardMasks.cell(5, 4)
        let step = try game.play(.noop)
        #expect(step.reward == 1)
        #expect(game.aliens == BoardMasks.cell(0, 8) && game.friendlyBullets == 0)
    }

    @Test func anAlienAndABulletThatSwapCellsPassEachOther() throws {
        // The block steps down (an alien at the right wall): the alien on (4, 4) goes to (5, 4) as the bullet
        // rises from (5, 4) to (4, 4). Both survive.
        var game = try board(aliens: BoardMasks.cell(4, 4) | BoardMasks.cell(0, 9), moveTimer: 0)
        game.direction = 1
        game.friendlyBullets = BoardMasks.cell(5, 4)
        let step = try game.play(.noop)
        #expect(step.reward == 0)
        #expect(game.aliens == BoardMasks.cell(5, 4) | BoardMasks.cell(1, 9) && game.friendlyBullets == BoardMasks.cell(4, 4))
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
        var game = try board(aliens: BoardMasks.cell(2, 3) | BoardMasks.cell(4, 3) | BoardMasks.cell(1, 5), cannon: 4,
                             enemyShotTimer: 0)
        try game.play(.noop)
        // Columns 3 and 5 tie at distance 1; column 3 (left) wins and its lowest alien, on row 4, fires: the
        // bullet starts on the alien's own cell.
        #expect(game.enemyBullets == BoardMasks.cell(4, 3))
        #expect(game.enemyShotTimer == SpaceInvaders.enemyShotInterval - 1)
        // It falls one row a frame.
        try game.play(.noop)
        #expect(game.enemyBullets == BoardMasks.cell(5, 3))
    }

    @Test func theFirstAlienShotAndMoveComeOnFrames11And13() throws {
        var game = try SpaceInvaders.deterministic()
        for _ in 1...10 { try game.play(.noop) }
        #expect(game.enemyBullets == 0)
        try game.play(.noop)
        // Frame 11: the lowest alien of column 5 (row 3) fires.
        #expect(game.enemyBullets == BoardMasks.cell(3, 5))
        try game.play(.noop)
        #expect(game.aliens == SpaceInvaders.freshWave)
        try game.play(.noop)
        // Frame 13: the block's first move.
        #expect(game.aliens == BoardMasks.shifted(SpaceInvaders.freshWave, columns: -1))
    }

    @Test func theBlockMarchesSidewaysThenDownAtTheWall() throws {
        var game = try board(aliens: SpaceInvaders.freshWave, moveTimer: 0)
        try game.play(.noop)
        #expect(game.aliens == BoardMasks.shifted(SpaceInvaders.freshWave, columns: -1))
        #expect(game.moveTimer == SpaceInvaders.firstWaveInterval - 1)
        game.aliens = BoardMasks.cell(0, 0) | BoardMasks.cell(0, 1)
        game.moveTimer = 0
        try game.play(.noop)
        #expect(game.aliens == BoardMasks.cell(1, 0) | BoardMasks.cell(1, 1) && game.direction == 1)
        // Two aliens left: the block moves every two frames.
        #expect(game.moveTimer == 1)
        try game.play(.noop)
        #expect(game.aliens == BoardMasks.cell(1, 0) | BoardMasks.cell(1, 1))
        try game.play(.noop)
        #expect(game.aliens == BoardMasks.cell(1, 1) | BoardMasks.cell(1, 2))
    }

    @Test func aLoneAlienMovesEveryFrame() throws {
        var game = try board(aliens: BoardMasks.cell(3, 5), moveTimer: 0)
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
        // The new wave keeps the old block's move timer.
        #expect(game.waveInterval == SpaceInvaders.firstWaveInterval - 1 && game.moveTimer == 999)
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

    @Test func aNewWaveMeetsTheBulletsInFlightFromTheNextFrameOn() throws {
        // The last alien dies on row 7 while a second bullet rises into the new wave's area at (2, 4): they share
        // the cell for that frame, and the bullet hits (1, 4) on the next.
        var game = try board(aliens: BoardMasks.cell(7, 5))
        game.friendlyBullets = BoardMasks.cell(8, 5) | BoardMasks.cell(3, 4)
        var step = try game.play(.noop)
        #expect(step.reward == 1)
        #expect(game.aliens == SpaceInvaders.freshWave && game.friendlyBullets == BoardMasks.cell(2, 4))
        step = try game.play(.noop)
        #expect(step.reward == 1 && game.aliens == SpaceInvaders.freshWave & ~BoardMasks.cell(1, 4))
        #expect(game.friendlyBullets == 0)
    }

    @Test func randomPlayKeepsTheRules() throws {
        // Over many random frames: no alien shares a cell with a friendly bullet (except on the frame a fresh wave
        // appears over bullets in flight), the reward is the number of aliens that disappeared, an enemy bullet or
        // an alien on the cannon ends the episode, and without an alien on the bottom row the episode ends only
        // with an enemy bullet on the cannon.
        for seed in 0..<20 {
            var game = try SpaceInvaders.deterministic(seed: UInt64(seed))
            var generator = RandomGenerator(seed: UInt64(seed))
            for _ in 0..<2000 {
                let before = game.aliens.nonzeroBitCount
                let aliensOnBottomRow = game.aliens & BoardMasks.row(9) != 0
                let step = try game.step(generator.nextInt(below: 6))
                let observation = step.observation
                let freshWave = game.aliens == SpaceInvaders.freshWave && step.reward > 0
                if !freshWave {
                    #expect(observation.planes[1] & observation.planes[4] == 0, "seed \(seed): alien and bullet share a cell")
                }
                let after = freshWave ? 0 : game.aliens.nonzeroBitCount
                #expect(Double(before - after) == step.reward, "seed \(seed)")
                let cannon = BoardMasks.cell(9, game.cannon)
                let bulletHit = observation.planes[5] & cannon != 0
                if bulletHit || observation.planes[1] & cannon != 0 { #expect(step.terminated, "seed \(seed)") }
                if !aliensOnBottomRow && game.aliens & BoardMasks.row(9) == 0 {
                    #expect(step.terminated == bulletHit, "seed \(seed)")
                }
                if step.terminated { break }
            }
        }
    }
}
