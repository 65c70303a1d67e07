import Environments
import Gym
import Testing

/// Freeway's "Rules as implemented", on roads set up by hand.
@Suite struct FreewayTests {
    /// A game whose cars all sit at column 0 driving left once every 5 frames (so none reaches the chicken's
    /// column 4 for a while), with the chicken at `chicken`.
    private func quietRoad(chicken: Int = 9) throws -> Freeway {
        var game = try Freeway.deterministic()
        for lane in game.cars.indices {
            game.cars[lane] = Freeway.Car(column: 0, interval: 5, direction: -1, timer: 5, trailColumn: 1)
        }
        game.chicken = chicken
        return game
    }

    @Test func startingStateMatchesTheDocumentation() throws {
        for seed in 0..<10 {
            let game = try Freeway.deterministic(seed: UInt64(seed))
            let observation = game.observation()
            #expect(game.chicken == 9 && observation[0, 9, Freeway.chickenColumn] && observation.count(0) == 1)
            #expect(game.cars.count == 8 && observation.count(1) == 8)
            for (lane, car) in game.cars.enumerated() {
                #expect((1...5).contains(car.interval) && abs(car.direction) == 1 && car.timer == car.interval)
                #expect(observation[1, lane + 1, car.column])
                // The trail sits behind the car, in the channel of its speed.
                #expect(observation[1 + car.interval, lane + 1, (car.column - car.direction + 10) % 10])
            }
        }
    }

    @Test func theChickenMovesOnceEveryThreeFrames() throws {
        var game = try quietRoad()
        var rows: [Int] = []
        for _ in 0..<7 {
            try game.play(.up)
            rows.append(game.chicken)
        }
        #expect(rows == [8, 8, 8, 7, 7, 7, 6])
        try game.play(.down)
        try game.play(.down)
        #expect(game.chicken == 6)
        try game.play(.down)
        #expect(game.chicken == 7)
        // Left, right and fire do nothing.
        var still = try quietRoad(chicken: 5)
        for action in [ArcadeAction.left, .right, .fire, .noop] {
            try still.play(action)
            #expect(still.chicken == 5)
        }
    }

    @Test func aCarOnTheChickensCellSendsItBackDown() throws {
        // The chicken walks into a lane where a car sits on its column.
        var walking = try quietRoad(chicken: 6)
        walking.cars[4].column = Freeway.chickenColumn
        let step = try walking.play(.up)
        #expect(walking.chicken == 9 && step.observation[0, 9, Freeway.chickenColumn])
        #expect(step.reward == 0 && !step.terminated)
        // A car drives onto the waiting chicken.
        var waiting = try quietRoad(chicken: 3)
        waiting.cars[2] = Freeway.Car(column: 3, interval: 2, direction: 1, timer: 1, trailColumn: 2)
        try waiting.play(.noop)
        #expect(waiting.cars[2].column == 4 && waiting.chicken == 9)
        // A car in another lane does nothing.
        var safe = try quietRoad(chicken: 3)
        safe.cars[3].column = Freeway.chickenColumn
        try safe.play(.noop)
        #expect(safe.chicken == 3)
    }

    @Test func carsMoveAtTheirSpeedAndWrapAround() throws {
        var game = try quietRoad()
        game.cars[0] = Freeway.Car(column: 9, interval: 1, direction: 1, timer: 1, trailColumn: 8)
        game.cars[1] = Freeway.Car(column: 0, interval: 3, direction: -1, timer: 3, trailColumn: 1)
        var right: [Int] = [], left: [Int] = []
        for _ in 0..<6 {
            let step = try game.play(.noop)
            right.append(game.cars[0].column)
            left.append(game.cars[1].column)
            #expect(step.observation[2, 1, game.cars[0].trailColumn] && step.observation[4, 2, game.cars[1].trailColumn])
        }
        #expect(right == [0, 1, 2, 3, 4, 5])
        #expect(left == [0, 0, 9, 9, 9, 8])
    }

    @Test func reachingTheTopPaysOneAndRestartsAtTheBottom() throws {
        var game = try quietRoad(chicken: 1)
        let before = game.cars
        let step = try game.play(.up)
        #expect(step.reward == 1 && !step.terminated)
        #expect(game.chicken == 9 && step.observation[0, 9, Freeway.chickenColumn] && step.observation.count(0) == 1)
        // The cars get new speeds, drawn before the cars move in the same frame.
        #expect(game.cars.allSatisfy { (1...5).contains($0.interval) && (1...$0.interval).contains($0.timer) })
        #expect(game.cars.map(\.interval) != before.map(\.interval) || game.cars.map(\.direction) != before.map(\.direction))
    }

    @Test func episodesEndAfter2500Frames() throws {
        var game = try quietRoad()
        #expect(Freeway.episodeFrames == 2500)
        for frame in 1..<2500 {
            let step = try game.play(.noop)
            #expect(!step.terminated && !step.truncated, "frame \(frame)")
            if step.terminated { return }
        }
        let last = try game.play(.noop)
        #expect(last.terminated && !last.truncated)
        #expect(game.machine.frame == 2500)
        // Crossings along the way do not change the clock.
        var crossing = try quietRoad()
        var total = 0.0
        var frames = 0
        while true {
            crossing.cars = crossing.cars.map { car in
                var car = car
                car.column = 0
                return car
            }
            let step = try crossing.play(.up)
            total += step.reward
            frames += 1
            if step.terminated { break }
        }
        #expect(frames == 2500 && total == Double(2500 / 27))
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
            #expect(frames == 2500)
        }
    }
}
