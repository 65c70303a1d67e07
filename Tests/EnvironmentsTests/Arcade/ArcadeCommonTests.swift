import Environments
import Gym
import Testing

/// Properties every arcade game shares: seeding, the checker, channels, action sets and sticky actions.
@Suite struct ArcadeCommonTests {
    /// One game of each kind with the given settings, type-erased for parameterized tests.
    static func makeAll(_ settings: ArcadeSettings) -> [any DeterministicArcade] {
        [Breakout(settings: settings), SpaceInvaders(settings: settings), Freeway(settings: settings),
         Asterix(settings: settings), Seaquest(settings: settings)]
    }

    static let names = ["breakout", "space-invaders", "freeway", "asterix", "seaquest"]

    @Test(arguments: 0..<5)
    func sameSeedAndActionsGiveTheSameGame(index: Int) throws {
        try sameGame(Self.makeAll(.standard)[index])
    }

    private func sameGame<G: ArcadeGame>(_ prototype: G) throws {
        var first = prototype
        var second = prototype
        var firstActions = RandomGenerator(seed: 99)
        var secondActions = RandomGenerator(seed: 99)
        #expect(first.reset(seed: 1234) == second.reset(seed: 1234))
        var episodes = 0, total = 0.0
        for index in 0..<1000 {
            let a = try first.step(first.actionSpace.sample(using: &firstActions))
            let b = try second.step(second.actionSpace.sample(using: &secondActions))
            #expect(a.observation == b.observation, "\(G.self) step \(index)")
            #expect(a.reward == b.reward && a.terminated == b.terminated && a.truncated == b.truncated, "\(G.self) step \(index)")
            guard a.observation == b.observation, a.reward == b.reward, a.terminated == b.terminated else { return }
            total += a.reward
            if a.isDone {
                episodes += 1
                #expect(first.reset(seed: nil) == second.reset(seed: nil))
            }
        }
        // A different seed gives a different game somewhere in the same 1000 steps.
        var third = prototype
        var thirdActions = RandomGenerator(seed: 99)
        var replay = prototype
        var replayActions = RandomGenerator(seed: 99)
        _ = third.reset(seed: 4321)
        _ = replay.reset(seed: 1234)
        var differs = false
        for _ in 0..<1000 where !differs {
            let a = try third.step(third.actionSpace.sample(using: &thirdActions))
            let b = try replay.step(replay.actionSpace.sample(using: &replayActions))
            differs = a.observation != b.observation
            if a.isDone { _ = third.reset(seed: nil) }
            if b.isDone { _ = replay.reset(seed: nil) }
        }
        #expect(differs, "\(G.self): seeds 1234 and 4321 played identically for 1000 steps")
    }

    @Test(arguments: 0..<5)
    func everyGamePassesTheChecker(index: Int) throws {
        let minimal = try ArcadeSettings(stickyActionProbability: 0.1, actionSet: .minimal)
        for settings in [ArcadeSettings.standard, .deterministic, minimal] {
            let results = check(Self.makeAll(settings)[index])
            #expect(results.allSatisfy { $0.passed }, "\(Self.names[index]): \(results.filter { !$0.passed })")
        }
    }

    private func check<G: ArcadeGame>(_ game: G) -> [CheckResult] {
        EnvironmentChecker.check(game, seed: 3, steps: 3000)
    }

    @Test func registeredGamesPassTheChecker() throws {
        for name in Self.names {
            let game = try Registry.standard.make(name)
            let failures = EnvironmentChecker.check(game, seed: 11, steps: 1000).filter { !$0.passed }
            #expect(failures.isEmpty, "\(name): \(failures)")
        }
    }

    @Test func observationChannelCounts() {
        let expected = [4, 6, 7, 4, 10]
        for (index, var game) in Self.makeAll(.standard).enumerated() {
            #expect(game.observationSpace.channels == expected[index], "\(Self.names[index])")
            #expect(type(of: game).channels.count == expected[index], "\(Self.names[index])")
            let observation = game.reset(seed: 0)
            #expect(observation.channels == expected[index] && observation.height == 10 && observation.width == 10)
            #expect(game.observationSpace.contains(observation))
        }
    }

    @Test func channelNamesFollowMinAtar() {
        #expect(Breakout.channels.map(\.name) == ["paddle", "ball", "trail", "brick"])
        #expect(SpaceInvaders.channels.map(\.name) == ["cannon", "alien", "alien_left", "alien_right", "friendly_bullet", "enemy_bullet"])
        #expect(Freeway.channels.map(\.name) == ["chicken", "car", "speed1", "speed2", "speed3", "speed4", "speed5"])
        #expect(Asterix.channels.map(\.name) == ["player", "enemy", "trail", "gold"])
        #expect(Seaquest.channels.map(\.name) == ["sub_front", "sub_back", "friendly_bullet", "trail", "enemy_bullet",
                                                  "enemy_fish", "enemy_sub", "oxygen_guage", "diver_guage", "diver"])
    }

    @Test func minimalAndFullActionSets() throws {
        let minimal = try ArcadeSettings(stickyActionProbability: 0, actionSet: .minimal)
        let full = try ArcadeSettings(stickyActionProbability: 0, actionSet: .full)
        let minimalSizes = [3, 4, 3, 5, 6]
        for (index, game) in Self.makeAll(minimal).enumerated() {
            #expect(game.actionSpace == Discrete(minimalSizes[index]), "\(Self.names[index])")
        }
        for game in Self.makeAll(full) {
            #expect(game.actionSpace == Discrete(6))
            #expect(game.machine.actions == ArcadeAction.allCases)
        }
        #expect(Breakout.minimalActions == [.noop, .left, .right])
        #expect(SpaceInvaders.minimalActions == [.noop, .left, .right, .fire])
        #expect(Freeway.minimalActions == [.noop, .up, .down])
        #expect(Asterix.minimalActions == [.noop, .left, .up, .right, .down])
        #expect(Seaquest.minimalActions == ArcadeAction.allCases)
        #expect(ArcadeSettings.standard.actionSet == .full)

        // Minimal action numbers map onto the game's own actions: Breakout's 2 is right, Freeway's 1 is up.
        var breakout = Breakout(settings: minimal)
        _ = breakout.reset(seed: 0)
        _ = try breakout.step(2)
        #expect(breakout.paddle == 5)
        #expect(throws: GymError.self) { try breakout.step(3) }
        var freeway = Freeway(settings: minimal)
        _ = freeway.reset(seed: 0)
        freeway.cars = freeway.cars.map { car in
            var car = car
            car.column = 0
            car.timer = 5
            return car
        }
        freeway.chickenCooldown = 0
        _ = try freeway.step(1)
        #expect(freeway.chicken == 8)
    }

    @Test func stickyProbabilityOneAlwaysRepeatsThePreviousAction() throws {
        var game = Breakout(settings: try ArcadeSettings(stickyActionProbability: 1))
        _ = game.reset(seed: 0)
        game.bricks = 0
        game.ball = (5, 5)
        game.trail = (4, 4)
        game.velocity = (-1, 1)
        // The episode starts with the previous action noop, so "right" never gets through.
        for _ in 0..<3 {
            try game.play(.right)
            #expect(game.paddle == 4)
            #expect(game.machine.lastAction == .noop)
        }
        // Once the previous action is left, every step moves left whatever is asked.
        game.machine.lastAction = .left
        for expected in [3, 2, 1] {
            try game.play(.right)
            #expect(game.paddle == expected)
        }
        // A new episode forgets the previous action.
        _ = game.reset(seed: 1)
        #expect(game.machine.lastAction == .noop)
    }

    @Test func stickyProbabilityZeroNeverRepeats() throws {
        var game = Breakout(settings: .deterministic)
        _ = game.reset(seed: 0)
        game.bricks = 0
        var generator = RandomGenerator(seed: 5)
        for _ in 0..<200 {
            let action = [ArcadeAction.left, .right, .noop][generator.nextInt(below: 3)]
            let before = game.paddle
            game.ball = (5, 5)
            game.velocity = (-1, 1)
            try game.play(action)
            #expect(game.machine.lastAction == action)
            let expected = action == .left ? max(0, before - 1) : action == .right ? min(9, before + 1) : before
            #expect(game.paddle == expected)
        }
    }

    @Test func stickyProbabilityInBetweenRepeatsAboutThatOften() throws {
        var machine = ArcadeMachine(settings: try ArcadeSettings(stickyActionProbability: 0.25), minimalActions: [])
        machine.restart(seed: 8)
        var repeats = 0
        for _ in 0..<20_000 {
            // The previous action is always left and the request right, so every repeat shows.
            machine.lastAction = .left
            let played = machine.resolve(ArcadeAction.right.rawValue)
            #expect(played == .right || played == .left)
            if played == .left { repeats += 1 }
            #expect(machine.lastAction == played)
        }
        // 0.25 * 20_000 = 5000, standard deviation about 61.
        #expect(abs(repeats - 5000) < 300, "\(repeats) sticky repeats in 20000 steps")
        #expect(throws: GymError.self) { try ArcadeSettings(stickyActionProbability: 1.5) }
    }

    @Test(arguments: 0..<5)
    func stepsAfterTheEndRepeatTheTerminalObservation(index: Int) throws {
        try afterTheEnd(Self.makeAll(.deterministic)[index])
    }

    private func afterTheEnd<G: ArcadeGame>(_ prototype: G) throws {
        var game = prototype
        _ = game.reset(seed: 2)
        var generator = RandomGenerator(seed: 2)
        var last: Step<ChannelGrid>?
        for _ in 0..<20_000 {
            last = try game.step(game.actionSpace.sample(using: &generator))
            if last!.terminated { break }
        }
        let final = try #require(last)
        #expect(final.terminated, "\(G.self) did not end in 20000 random steps")
        let again = try game.step(0)
        #expect(again.terminated && again.reward == 0 && again.observation == final.observation)
    }

    @Test(arguments: 0..<5)
    func framesDrawTheObservation(index: Int) {
        var game = Self.makeAll(.standard)[index]
        _ = game.reset(seed: 0)
        let matches = frameMatches(game)
        #expect(matches)
    }

    private func frameMatches<G: ArcadeGame>(_ game: G) -> Bool {
        let frame = game.frame()
        let grid = game.observation()
        guard frame.width == 160 && frame.height == 160 else { return false }
        for row in 0..<10 {
            for column in 0..<10 {
                let occupied = (0..<G.channels.count).contains { grid[$0, row, column] }
                let pixel = frame[column * 16 + 8, row * 16 + 8]
                if occupied != (pixel != RGB(0, 0, 0)) { return false }
            }
        }
        return true
    }
}

/// The Nature DQN pixel chain on a real game.
@Suite struct ArcadePixelChainTests {
    @Test func natureChainTurnsAGameIntoStackedGrayscaleImages() throws {
        let chain = try NatureDQNPreprocessing(maximumNoops: 5).apply(to: Breakout(settings: .standard))
        #expect(chain.observationSpace == ImageSpace(channels: 4, height: 84, width: 84, stackedFrames: 4))
        #expect(chain.actionSpace == Discrete(6))
        var copy = chain
        let first = copy.reset(seed: 1)
        // Reset padding: four copies of the first image.
        let plane = 84 * 84
        #expect((1..<4).allSatisfy { Array(first.pixels[$0 * plane ..< ($0 + 1) * plane]) == Array(first.pixels[0 ..< plane]) })
        #expect(first.pixels.contains { $0 > 0 })
        let results = EnvironmentChecker.check(chain, seed: 2, steps: 60)
        #expect(results.allSatisfy { $0.passed }, "\(results.filter { !$0.passed })")
    }
}
