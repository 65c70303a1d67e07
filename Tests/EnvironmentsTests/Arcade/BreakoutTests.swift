import Environments
import Gym
import Testing

/// Breakout's "Rules as implemented", on boards set up by hand.
@Suite struct BreakoutTests {
    /// A game with one brick far from the ball's path (an empty wall would be refilled), the ball at `ball`
    /// moving along `velocity`, the paddle at `paddle`.
    private func board(ball: (row: Int, column: Int), velocity: (row: Int, column: Int), paddle: Int = 4,
                       bricks: UInt128 = BoardMasks.cell(1, 0)) throws -> Breakout {
        var game = try Breakout.deterministic()
        game.ball = ball
        game.trail = ball
        game.velocity = velocity
        game.paddle = paddle
        game.bricks = bricks
        return game
    }

    @Test func startingStateMatchesTheDocumentation() throws {
        var sides = Set<Int>()
        for seed in 0..<20 {
            var game = Breakout(settings: .deterministic)
            let observation = game.reset(seed: UInt64(seed))
            #expect(game.paddle == 4 && game.bricks == Breakout.fullWall && game.bricks.nonzeroBitCount == 30)
            #expect(game.ball.row == 3 && (game.ball.column == 0 || game.ball.column == 9))
            // Moving down and away from its wall.
            #expect(game.velocity.row == 1 && game.velocity.column == (game.ball.column == 0 ? 1 : -1))
            sides.insert(game.ball.column)
            #expect(observation[0, 9, 4] && observation.count(0) == 1)
            #expect(observation[1, 3, game.ball.column] && observation.count(1) == 1)
            #expect(observation.count(3) == 30 && (1...3).allSatisfy { row in (0..<10).allSatisfy { observation[3, row, $0] } })
        }
        #expect(sides == [0, 9], "the ball should start at either wall")
    }

    @Test func ballMovesDiagonallyAndLeavesATrail() throws {
        var game = try board(ball: (5, 5), velocity: (1, -1))
        let step = try game.play(.noop)
        #expect(game.ball == (6, 4) && game.trail == (5, 5))
        #expect(step.observation[1, 6, 4] && step.observation[2, 5, 5])
        #expect(step.reward == 0 && !step.terminated)
    }

    // The expected cells and directions below are what `minatar` 1.0.15 does from the same state.

    @Test func ballBouncesOffTheSideWalls() throws {
        // Reflected sideways, the ball moves only vertically that frame, then diagonally again.
        var right = try board(ball: (5, 9), velocity: (1, 1))
        try right.play(.noop)
        #expect(right.ball == (6, 9) && right.velocity == (1, -1))
        try right.play(.noop)
        #expect(right.ball == (7, 8))
        var left = try board(ball: (5, 0), velocity: (-1, -1))
        try left.play(.noop)
        #expect(left.ball == (4, 0) && left.velocity == (-1, 1))
    }

    @Test func ballBouncesOffTheTopAndOutOfACorner() throws {
        var top = try board(ball: (0, 5), velocity: (-1, 1))
        try top.play(.noop)
        #expect(top.ball == (0, 6) && top.velocity == (1, 1))
        try top.play(.noop)
        #expect(top.ball == (1, 7))
        var corner = try board(ball: (0, 9), velocity: (-1, 1), bricks: BoardMasks.cell(3, 0))
        try corner.play(.noop)
        #expect(corner.ball == (0, 9) && corner.velocity == (1, -1))
        try corner.play(.noop)
        #expect(corner.ball == (1, 8))
    }

    @Test func paddleSendsTheBallBackTheWayItCame() throws {
        // Arriving moving right onto the paddle: bounces up and left, moving only sideways this frame.
        var fromLeft = try board(ball: (8, 3), velocity: (1, 1), paddle: 4)
        var step = try fromLeft.play(.noop)
        #expect(!step.terminated && step.reward == 0)
        #expect(fromLeft.ball == (8, 4) && fromLeft.velocity == (-1, -1))
        try fromLeft.play(.noop)
        #expect(fromLeft.ball == (7, 3))
        // Arriving moving left.
        var fromRight = try board(ball: (8, 5), velocity: (1, -1), paddle: 4)
        step = try fromRight.play(.noop)
        #expect(!step.terminated && fromRight.ball == (8, 4) && fromRight.velocity == (-1, 1))
        // The paddle moves before the ball: stepping under the ball in the same frame catches it.
        var late = try board(ball: (8, 3), velocity: (1, 1), paddle: 3)
        step = try late.play(.right)
        #expect(late.paddle == 4 && !step.terminated && late.velocity == (-1, -1))
        // A ball coming off a side wall falls straight: the paddle under it catches it, one beside it does not.
        var wall = try board(ball: (8, 9), velocity: (1, 1), paddle: 9)
        step = try wall.play(.noop)
        #expect(!step.terminated && wall.ball == (8, 9) && wall.velocity == (-1, -1))
        var wallMiss = try board(ball: (8, 9), velocity: (1, 1), paddle: 8)
        #expect(try wallMiss.play(.noop).terminated)
    }

    @Test func paddleUnderTheBallSendsItOnUpward() throws {
        // The paddle under the ball's own column: the ball goes up, keeping its sideways direction.
        var right = try board(ball: (8, 4), velocity: (1, 1), paddle: 4)
        var step = try right.play(.noop)
        #expect(!step.terminated && right.ball == (8, 5) && right.velocity == (-1, 1))
        var left = try board(ball: (8, 4), velocity: (1, -1), paddle: 4)
        step = try left.play(.noop)
        #expect(!step.terminated && left.ball == (8, 3) && left.velocity == (-1, -1))
        // Two cells away, the ball is lost.
        var far = try board(ball: (8, 4), velocity: (1, -1), paddle: 5)
        #expect(try far.play(.noop).terminated && far.ball == (9, 3))
    }

    @Test func paddleStaysOnTheBoard() throws {
        var game = try board(ball: (4, 4), velocity: (-1, 1), paddle: 0)
        try game.play(.left)
        #expect(game.paddle == 0)
        game.paddle = 9
        try game.play(.right)
        #expect(game.paddle == 9)
    }

    @Test func missingTheBallEndsTheEpisode() throws {
        var game = try board(ball: (8, 3), velocity: (1, 1), paddle: 0)
        let step = try game.play(.noop)
        #expect(step.terminated && !step.truncated && step.reward == 0)
        #expect(game.ball == (9, 4) && step.observation[1, 9, 4])
        let after = try game.play(.left)
        #expect(after.terminated && after.reward == 0 && game.paddle == 0 && after.observation == step.observation)
    }

    @Test func brickBreaksReversesTheBallAndPaysOne() throws {
        var game = try board(ball: (4, 5), velocity: (-1, 1), bricks: Breakout.fullWall)
        let step = try game.play(.noop)
        #expect(step.reward == 1 && !step.terminated)
        #expect(game.bricks & BoardMasks.cell(3, 6) == 0 && game.bricks.nonzeroBitCount == 29)
        // The ball moves only sideways and now moves down.
        #expect(game.ball == (4, 6) && game.velocity == (1, 1))
        #expect(!step.observation[3, 3, 6] && step.observation[1, 4, 6])
        // Coming down from above, a brick sends the ball back up.
        var above = try board(ball: (0, 2), velocity: (1, -1), bricks: Breakout.fullWall)
        #expect(try above.play(.noop).reward == 1)
        #expect(above.velocity == (-1, -1) && above.bricks & BoardMasks.cell(1, 1) == 0)
    }

    @Test func rewardIsOnePerBrick() throws {
        // Keep the paddle under the ball: every step's reward is exactly the number of bricks that disappeared.
        var game = try board(ball: (8, 3), velocity: (-1, 1), bricks: Breakout.fullWall)
        var total = 0.0
        for _ in 0..<500 {
            game.paddle = min(9, max(0, game.ball.column + game.velocity.column))
            let before = game.bricks.nonzeroBitCount
            let step = try game.play(.noop)
            #expect(!step.terminated)
            let after = game.bricks.nonzeroBitCount
            if step.reward == 1 {
                #expect(after == before - 1 || (before == 1 && after == 30))
            } else {
                #expect(step.reward == 0 && after == before)
            }
            total += step.reward
        }
        #expect(total >= 10, "the ball broke only \(total) bricks in 500 frames")
    }

    @Test func clearingTheWallBringsANewOne() throws {
        var game = try board(ball: (4, 5), velocity: (-1, 1), bricks: BoardMasks.cell(3, 6))
        let step = try game.play(.noop)
        #expect(step.reward == 1 && !step.terminated)
        #expect(game.bricks == Breakout.fullWall)
        #expect(step.observation.count(3) == 30)
    }

    @Test func sideWallThenBrickInOneFrame() throws {
        // The wall reflection happens first; the cell straight above holds a brick, which breaks.
        var game = try board(ball: (4, 9), velocity: (-1, 1), bricks: Breakout.fullWall)
        let step = try game.play(.noop)
        #expect(step.reward == 1 && game.bricks & BoardMasks.cell(3, 9) == 0 && game.bricks & BoardMasks.cell(3, 8) != 0)
        #expect(game.ball == (4, 9) && game.velocity == (1, -1))
        // Without a brick straight above, the ball moves up the wall; the brick diagonally ahead is not checked.
        var beside = try board(ball: (5, 9), velocity: (-1, 1), bricks: BoardMasks.cell(3, 8))
        #expect(try beside.play(.noop).reward == 0)
        #expect(beside.ball == (4, 9) && beside.velocity == (-1, -1))
    }
}
