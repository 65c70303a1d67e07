import Environments
import Gym
import Testing

/// Freeway's "Rules as implemented", on roads set up by hand. The expected rows, columns and timers are what
/// `minatar` 1.0.15 does from the same states.
@Suite struct FreewayTests {
    /// A game whose cars all sit at column 0 driving left at speed 5 with timer 5 (so none reaches the chicken's
    /// column 4 for a while), with the chicken at `chicken` and its cooldown at `cooldown`.
    private func quietRoad(chicken: Int = 9, cooldown: Int = 0) throws -> Freeway {
        var game = try Freeway.deterministic()
        for lane in game.cars.indices {
            game.cars[lane] = Freeway.Car(column: 0, speed: 5, direction: -1, timer: 5)
        }
        game.chicken = chicken
        game.chickenCooldown = cooldown
        return game
    }

    @Test func startingStateMatchesTheDocumentation() throws {
        for seed in 0..<10 {
            let game = try Freeway.deterministic(seed: UInt64(seed))
            let observation = game.observation()
            #expect(game.chicken == 9 && observation[0, 9, Freeway.chickenColumn] && observation.count(0) == 1)
            #expect(game.chickenCooldown == 3)
            #expect(game.cars.count == 8 && observation.count(1) == 8)
            for (lane, car) in game.cars.enumerated() {
                #expect(car.column == 0 && (1...5).contains(car.speed) && abs(car.direction) == 1 && car.timer == car.speed)
                #expect(observation[1, lane + 1, 0])
                // The cell behind the car, in the channel of its speed: column 1 driving left, 9 driving right.
                #expect(observation[1 + car.speed, lane + 1, car.direction < 0 ? 1 : 9])
            }
        }
    }

    @Test func theChickenMovesOnceEveryThreeFramesAfterWaitingThree() throws {
        var game = try quietRoad(cooldown: Freeway.chickenMoveInterval)
        var rows: [Int] = [], cooldowns: [Int] = []
        for _ in 0..<7 {
            try game.play(.up)
            rows.append(game.chicken)
            cooldowns.append(game.chickenCooldown)
        }
        #expect(rows == [9, 9, 9, 8, 8, 8, 7])
        #expect(cooldowns == [2, 1, 0, 2, 1, 0, 2])
        // Down works the same way; the bottom row holds the chicken, but the move still starts a cooldown.
        var down = try quietRoad(chicken: 8)
        try down.play(.down)
        #expect(down.chicken == 9 && down.chickenCooldown == 2)
        var bottom = try quietRoad()
        try bottom.play(.down)
        #expect(bottom.chicken == 9 && bottom.chickenCooldown == 2)
        // Left, right, fire and noop neither move the chicken nor start a cooldown.
        var still = try quietRoad(chicken: 5)
        for action in [ArcadeAction.left, .right, .fire, .noop] {
            try still.play(action)
            #expect(still.chicken == 5 && still.chickenCooldown == 0)
        }
    }

    @Test func aCarOfSpeedNMovesOnceEveryNPlusOneFrames() throws {
        var game = try quietRoad()
        game.cars[0] = Freeway.Car(column: 0, speed: 1, direction: -1, timer: 1)
        game.cars[1] = Freeway.Car(column: 0, speed: 2, direction: 1, timer: 2)
        game.cars[2] = Freeway.Car(column: 0, speed: 4, direction: -1, timer: 4)
        var columns: [[Int]] = [[], [], []], timers: [[Int]] = [[], [], []]
        for _ in 0..<6 {
            let step = try game.play(.noop)
            for lane in 0..<3 {
                columns[lane].append(game.cars[lane].column)
                timers[lane].append(game.cars[lane].timer)
                // The speed channel shows the cell behind the car.
                let car = game.cars[lane]
                #expect(step.observation[1 + car.speed, lane + 1, (car.column - car.direction + 10) % 10])
            }
        }
        #expect(columns[0] == [0, 9, 9, 8, 8, 7] && timers[0] == [0, 1, 0, 1, 0, 1])
        #expect(columns[1] == [0, 0, 1, 1, 1, 2] && timers[1] == [1, 0, 2, 1, 0, 2])
        #expect(columns[2] == [0, 0, 0, 0, 9, 9] && timers[2] == [3, 2, 1, 0, 4, 3])
    }

    @Test func aCarOnTheChickensCellSendsItBackDown() throws {
        // The chicken walks into a lane where a car sits on its column.
        var parked = try quietRoad(chicken: 6)
        parked.cars[4].column = Freeway.chickenColumn
        let step = try parked.play(.up)
        #expect(parked.chicken == 9 && step.observation[0, 9, Freeway.chickenColumn] && parked.chickenCooldown == 2)
        #expect(step.reward == 0 && !step.terminated)
        // ... even when that car drives on in the same frame (the check comes before the cars move).
        var leaving = try quietRoad(chicken: 6)
        leaving.cars[4] = Freeway.Car(column: 4, speed: 1, direction: 1, timer: 0)
        try leaving.play(.up)
        #expect(leaving.cars[4].column == 5 && leaving.chicken == 9)
        // The chicken walks into a lane as a car drives onto its column (the check comes again after they move).
        var arriving = try quietRoad(chicken: 6)
        arriving.cars[4] = Freeway.Car(column: 3, speed: 1, direction: 1, timer: 0)
        try arriving.play(.up)
        #expect(arriving.cars[4].column == 4 && arriving.chicken == 9)
        // A car drives onto the waiting chicken; the chicken's cooldown keeps counting down.
        var waiting = try quietRoad(chicken: 3, cooldown: 2)
        waiting.cars[2] = Freeway.Car(column: 3, speed: 2, direction: 1, timer: 0)
        try waiting.play(.noop)
        #expect(waiting.cars[2].column == 4 && waiting.chicken == 9 && waiting.chickenCooldown == 1)
        // Stepping out of a lane whose car is on the chicken's column is safe, and so is a car in another lane.
        var escaping = try quietRoad(chicken: 3)
        escaping.cars[2].column = Freeway.chickenColumn
        try escaping.play(.up)
        #expect(escaping.chicken == 2)
        var safe = try quietRoad(chicken: 3)
        safe.cars[3].column = Freeway.chickenColumn
        try safe.play(.noop)
        #expect(safe.chicken == 3)
    }

    @Test func reachingTheTopPaysOneAndRedrawsTheSpeeds() throws {
        var game = try quietRoad(chicken: 1)
        for lane in game.cars.indices { game.cars[lane].column = lane }
        // A car on the chicken's column in row 1 does not catch a chicken that has just scored.
        game.cars[0].column = Freeway.chickenColumn
        let columns = game.cars.map(\.column)
        let step = try game.play(.up)
        #expect(step.reward == 1 && !step.terminated)
        #expect(game.chicken == 9 && game.chickenCooldown == 2)
        #expect(step.observation[0, 9, Freeway.chickenColumn] && step.observation.count(0) == 1)
        // The cars keep their columns (none was due to move); their timers restart at the new speeds and count
        // down in the same frame.
        #expect(game.cars.map(\.column) == columns)
        #expect(game.cars.allSatisfy { (1...5).contains($0.speed) && $0.timer == $0.speed - 1 })
        #expect(game.cars.contains { $0.speed != 5 || $0.direction != -1 })
    }

    @Test func episodesLast2501Frames() throws {
        var game = try quietRoad()
        #expect(Freeway.episodeFrames == 2501)
        for frame in 1..<2501 {
            let step = try game.play(.noop)
            #expect(!step.terminated && !step.truncated, "frame \(frame)")
            if step.terminated { return }
        }
        // The last frame is played in full: a crossing on it still pays.
        game.chicken = 1
        let last = try game.play(.up)
        #expect(last.terminated && !last.truncated && last.reward == 1)
        #expect(game.machine.frame == 2501)
        // After the end the board stays as it is.
        let cars = game.cars
        let after = try game.play(.up)
        #expect(after.terminated && after.reward == 0 && game.cars == cars && game.chicken == 9)
    }

    @Test func randomPlayNeverLeavesTheChickenUnderACar() throws {
        for seed in 0..<10 {
            var game = try Freeway.deterministic(seed: UInt64(seed))
            var generator = RandomGenerator(seed: UInt64(seed))
            var frames = 0
            while true {
                let step = try game.step(generator.nextInt(below: 6))
                frames += 1
                let row = game.chicken
                #expect(!(1...8).contains(row) || !step.observation[1, row, Freeway.chickenColumn], "seed \(seed)")
                #expect(step.reward == 0 || step.reward == 1)
                if step.terminated { break }
            }
            #expect(frames == 2501)
        }
    }
}
