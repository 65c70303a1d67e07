import Environments
import Gym
import Testing

@Suite struct ArcadeGameTests {
    @Test func channelCountsAndActionSetsMatchMinAtar() throws {
        #expect(Breakout.channels.count == 4)
        #expect(SpaceInvaders.channels.count == 6)
        #expect(Freeway.channels.count == 7)
        #expect(Asterix.channels.count == 4)
        #expect(Seaquest.channels.count == 10)
        #expect(Breakout().actionSpace.count == 6)
        let minimal = try ArcadeSettings(stickyActionProbability: 0.1, difficultyRamping: true, actionSet: .minimal)
        #expect(Breakout(settings: minimal).actionSpace.count == 3)
        #expect(Seaquest(settings: minimal).actionSpace.count == 6)
    }

    @Test func theSameSeedReplaysTheSameGame() throws {
        func play(seed: UInt64) throws -> [ChannelGrid] {
            var game = SpaceInvaders()
            var generator = RandomGenerator(seed: 99)
            var frames = [game.reset(seed: seed)]
            for _ in 0..<1_000 {
                let step = try game.step(generator.nextInt(below: 6))
                frames.append(step.observation)
                if step.terminated { frames.append(game.reset(seed: nil)) }
            }
            return frames
        }
        let first = try play(seed: 7)
        #expect(first == (try play(seed: 7)))
        #expect(first != (try play(seed: 8)))
    }

    @Test func breakoutBallBreaksABrickAndBouncesBack() throws {
        var game = Breakout(settings: try ArcadeSettings(stickyActionProbability: 0, difficultyRamping: false, actionSet: .full))
        _ = game.reset(seed: 0)
        game.ball = (row: 5, column: 4)
        game.velocity = (row: -1, column: 1)
        game.bricks = Breakout.fullWall
        // Row 4 has no bricks: the ball moves to (4, 5); the next frame it would enter the brick at (3, 6).
        #expect(try game.step(0).reward == 0)
        #expect(game.ball == (4, 5))
        let step = try game.step(0)
        #expect(step.reward == 1)
        #expect(game.velocity.row == 1)
        #expect(game.bricks & (UInt128(1) << UInt128(3 * 10 + 6)) == 0)
    }

    @Test func breakoutEndsWhenTheBallMissesThePaddle() throws {
        var game = Breakout(settings: try ArcadeSettings(stickyActionProbability: 0, difficultyRamping: false, actionSet: .full))
        _ = game.reset(seed: 0)
        game.ball = (row: 8, column: 2)
        game.velocity = (row: 1, column: 1)
        game.paddle = 3
        let caught = try game.step(0)
        #expect(!caught.terminated)
        #expect(game.velocity.row == -1)
        game.ball = (row: 8, column: 2)
        game.velocity = (row: 1, column: 1)
        game.paddle = 7
        #expect(try game.step(0).terminated)
    }
}
