import Environments
import Gym
import Testing

/// Asterix's "Rules as implemented", on boards set up by hand; the outcomes are MinAtar 1.0.15's on the same boards.
/// A timer of 0 means the objects move (or one spawns) on the next frame.
@Suite struct AsterixTests {
    /// A game with the player at `player`, nothing on the board and no spawn or move due soon.
    private func board(player: (row: Int, column: Int) = (5, 5)) throws -> Asterix {
        var game = try Asterix.deterministic()
        game.player = player
        game.spawnTimer = 1000
        game.traffic.moveTimer = 1000
        return game
    }

    /// Puts an enemy (or treasure) on `row` at `column`, moving in `direction`.
    private func place(_ game: inout Asterix, row: Int, column: Int, direction: Int, gold: Bool) {
        game.traffic.lanes[row - 1] = LaneTraffic.Mover(isActive: true, column: column, direction: direction,
                                                         trailColumn: column - direction, kind: gold ? 1 : 0)
    }

    @Test func startingStateMatchesTheDocumentation() throws {
        let game = try Asterix.deterministic(seed: 4)
        let observation = game.observation()
        #expect(game.player == (5, 5) && observation[0, 5, 5] && observation.count(0) == 1)
        #expect(observation.count(1) == 0 && observation.count(2) == 0 && observation.count(3) == 0)
        #expect(game.spawnTimer == Asterix.firstSpawnInterval)
    }

    @Test func theFirstMoveAndSpawnComeOnFrames6And11() throws {
        var game = try Asterix.deterministic()
        for _ in 1...5 { try game.play(.noop) }
        #expect(game.traffic.moveTimer == 0 && game.spawnTimer == 5)
        // The spawn on frame 11 is also a move frame: the object enters and moves one cell at once.
        game.machine.replayedDraws = ReplayedDraws([.uniform(0.7), .uniform(0.2), .integer(value: 2, upperBound: 8)])
        for _ in 6...11 { try game.play(.noop) }
        #expect(game.machine.replayedDraws!.isExhausted)
        let mover = game.traffic.lanes[2]
        #expect(mover.isActive && mover.kind == 1 && mover.direction == -1 && mover.column == 8 && mover.trailColumn == 9)
    }

    @Test func thePlayerMovesWithinRowsOneToEight() throws {
        var game = try board(player: (1, 0))
        try game.play(.up)
        try game.play(.left)
        #expect(game.player == (1, 0))
        game.player = (8, 9)
        try game.play(.down)
        try game.play(.right)
        #expect(game.player == (8, 9))
        try game.play(.up)
        try game.play(.left)
        #expect(game.player == (7, 8))
        try game.play(.fire)
        #expect(game.player == (7, 8))
    }

    @Test func walkingIntoAnEnemyEndsTheGame() throws {
        var game = try board(player: (3, 5))
        place(&game, row: 3, column: 6, direction: -1, gold: false)
        let step = try game.play(.right)
        #expect(step.terminated && !step.truncated && step.reward == 0)
        #expect(try game.play(.noop).terminated)
    }

    @Test func anEnemyMovingOntoThePlayerEndsTheGame() throws {
        var game = try board(player: (3, 5))
        place(&game, row: 3, column: 4, direction: 1, gold: false)
        game.traffic.moveTimer = 0
        let step = try game.play(.noop)
        #expect(step.terminated)
        // One lane away, nothing happens.
        var missed = try board(player: (4, 5))
        place(&missed, row: 3, column: 4, direction: 1, gold: false)
        missed.traffic.moveTimer = 0
        #expect(try !missed.play(.noop).terminated)
    }

    @Test func anEnemyCannotPassThroughThePlayer() throws {
        // Player and enemy swap cells in one frame: the check after the player's move catches it, and the enemy
        // still moves on.
        var game = try board(player: (3, 5))
        place(&game, row: 3, column: 4, direction: 1, gold: false)
        game.traffic.moveTimer = 0
        let step = try game.play(.left)
        #expect(step.terminated && step.observation[1, 3, 5] && step.observation[0, 3, 4])
        // Treasure swapped with is collected.
        var treasure = try board(player: (5, 5))
        place(&treasure, row: 5, column: 6, direction: -1, gold: true)
        treasure.traffic.moveTimer = 0
        #expect(try treasure.play(.right).reward == 1)
    }

    @Test func treasureTakenOnASpawnFrameStillHoldsItsLane() throws {
        // MinAtar counts free lanes before the player takes the treasure: rows 2 and 5 hold objects, so the spawn
        // draws among 6 lanes even though row 5's treasure is collected in the same frame.
        var game = try board(player: (5, 5))
        place(&game, row: 5, column: 6, direction: -1, gold: true)
        place(&game, row: 2, column: 3, direction: 1, gold: false)
        game.spawnTimer = 0
        game.machine.replayedDraws = ReplayedDraws([.uniform(0.004), .uniform(0.316), .integer(value: 4, upperBound: 6)])
        let step = try game.play(.right)
        #expect(game.machine.replayedDraws!.isExhausted && step.reward == 1)
        // The fifth free lane of rows 1, 3, 4, 6, 7, 8 is row 7: treasure from the left, not yet moved.
        #expect(step.observation.planes[3] == BoardMasks.cell(7, 0))
    }

    @Test func collectingTreasurePaysOne() throws {
        var game = try board(player: (3, 5))
        place(&game, row: 3, column: 6, direction: -1, gold: true)
        let step = try game.play(.right)
        #expect(step.reward == 1 && !step.terminated)
        #expect(!game.traffic.lanes[2].isActive && step.observation.count(3) == 0)
        // Treasure moving onto the player is collected too.
        var waiting = try board(player: (6, 2))
        place(&waiting, row: 6, column: 3, direction: -1, gold: true)
        waiting.traffic.moveTimer = 0
        let collected = try waiting.play(.noop)
        #expect(collected.reward == 1 && !collected.terminated && collected.observation.count(3) == 0)
    }

    @Test func objectsCrossAndLeave() throws {
        var game = try board(player: (8, 0))
        place(&game, row: 2, column: 8, direction: 1, gold: false)
        game.traffic.moveInterval = 1
        game.traffic.moveTimer = 0
        var step = try game.play(.noop)
        #expect(step.observation[1, 2, 9] && step.observation[2, 2, 8])
        step = try game.play(.noop)
        #expect(!game.traffic.lanes[1].isActive && step.observation.count(1) == 0 && step.observation.count(2) == 0)
    }

    @Test func spawnsFillEmptyLanesAtTheEdges() throws {
        var kinds = [0, 0]
        for seed in 0..<300 {
            var game = try Asterix.deterministic(seed: UInt64(seed))
            game.player = (5, 5)
            game.spawnTimer = 0
            game.traffic.moveTimer = 1000
            let step = try game.play(.noop)
            let active = game.traffic.lanes.filter(\.isActive)
            #expect(active.count == 1)
            guard let mover = active.first else { continue }
            #expect(mover.column == (mover.direction > 0 ? 0 : 9))
            #expect(step.observation.count(mover.kind == 1 ? 3 : 1) == 1)
            kinds[mover.kind] += 1
        }
        // Treasure with probability 1/3: 100 of 300 expected, standard deviation about 8.
        #expect(abs(kinds[1] - 100) < 35, "\(kinds[1]) treasures in 300 spawns")
    }

    @Test func anEnemySpawningOnThePlayerEndsTheGame() throws {
        // The only empty lane is the player's row and the player stands at an edge: whichever side the enemy
        // enters from, it either lands on the player or not — if it does, the episode must end right there.
        var landed = 0
        for seed in 0..<200 {
            var game = try board(player: (4, 0))
            game.machine.generator = RandomGenerator(seed: UInt64(seed))
            for row in 1...8 where row != 4 { place(&game, row: row, column: 5, direction: 1, gold: true) }
            game.spawnTimer = 0
            let step = try game.play(.noop)
            guard let mover = game.traffic.lanes[3].isActive ? game.traffic.lanes[3] : nil else {
                // Treasure spawned on the player is collected at once.
                #expect(step.reward == 1, "seed \(seed)")
                continue
            }
            if mover.column == 0 {
                landed += 1
                #expect(mover.kind == 0 && step.terminated, "seed \(seed): enemy spawned on the player without ending the game")
            } else {
                #expect(!step.terminated)
            }
        }
        #expect(landed > 0)
    }

    @Test func rampingSpeedsUpSpawnsAndMoves() throws {
        // The ramp timer runs from 100 down past 0: the first ramp comes on frame 102, then every 102 frames.
        var game = try board()
        for _ in 1...101 { try game.play(.noop) }
        #expect(game.spawnInterval == Asterix.firstSpawnInterval && game.rampTimer == -1)
        try game.play(.noop)
        #expect(game.spawnInterval == Asterix.firstSpawnInterval - 1 && game.traffic.moveInterval == Asterix.firstMoveInterval)
        #expect(game.rampTimer == Asterix.rampInterval)
        game.rampTimer = -1
        try game.play(.noop)
        #expect(game.spawnInterval == Asterix.firstSpawnInterval - 2 && game.traffic.moveInterval == Asterix.firstMoveInterval - 1)
        // Ramps stop once objects spawn every frame (after nine); moves then come every frame too.
        for _ in 0..<20 {
            game.rampTimer = -1
            try game.play(.noop)
        }
        #expect(game.spawnInterval == 1 && game.traffic.moveInterval == 1 && game.ramps == 9 && game.rampTimer == -1)
        var flat = try Asterix.deterministic(ramping: false)
        flat.rampTimer = -1
        try flat.play(.noop)
        #expect(flat.spawnInterval == Asterix.firstSpawnInterval)
    }

    @Test func randomPlayKeepsTheRules() throws {
        // After every frame: the player never shares a cell with an enemy unless the episode ended, the episode
        // ends only on contact, and the player never stands on treasure (it would have been collected).
        for seed in 0..<30 {
            var game = try Asterix.deterministic(seed: UInt64(seed))
            var generator = RandomGenerator(seed: UInt64(seed) &+ 100)
            for _ in 0..<5000 {
                let step = try game.step(generator.nextInt(below: 6))
                let (row, column) = game.player
                #expect(!step.observation[3, row, column], "seed \(seed): the player stands on treasure")
                if !step.terminated {
                    #expect(!step.observation[1, row, column], "seed \(seed): the player shares a cell with an enemy")
                } else {
                    // The frame goes on after the contact, so the enemy may have moved on by one cell.
                    #expect(step.observation[1, row, column] || step.observation[2, row, column], "seed \(seed): ended without contact")
                }
                if step.terminated { break }
            }
        }
    }
}
