import Gym

/// MinAtar's Freeway: walk a chicken up across eight lanes of traffic as many times as possible.
///
/// ## Action Space
/// With the full action set, `Discrete(6)` numbered as ``ArcadeAction`` (left, right and fire do nothing); with
/// the minimal set, `Discrete(3)`: 0 noop, 1 up, 2 down.
///
/// ## Observation Space
/// ``ChannelGrid`` of 7 channels: 0 `chicken`, 1 `car`, and 2–6 `speed1` … `speed5`: the cell behind each car
/// (one column against its direction, wrapping around) in the channel of its speed.
///
/// ## Starting State
/// The chicken in the bottom row at column 4, which may first move on the fourth frame; one car per lane on rows
/// 1–8, all at column 0, each with a random speed (1–5) and a random direction.
///
/// ## Rewards
/// +1 each time the chicken reaches the top row; it then starts again from the bottom and every car gets a new
/// speed and direction.
///
/// ## Episode End
/// Terminated after ``episodeFrames`` (2,501) frames: MinAtar's time limit of 2,500 counts down past zero, so its
/// episodes last 2,501 frames. A car hit is not an ending: it sends the chicken back to the bottom row.
///
/// ## Arguments
/// ``ArcadeSettings``: sticky action probability (default 0.1) and the action set. Freeway has no difficulty
/// ramping.
///
/// ## Rules as implemented
/// Each frame, in this order:
/// 1. The chicken: while its cooldown is positive it counts down and the chicken stays; otherwise up or down moves
///    it one row (the bottom row holds it) and starts a cooldown of 2, so it moves at most once every
///    ``chickenMoveInterval`` (3) frames. An episode starts with a cooldown of 3.
/// 2. A chicken in the top row scores 1 and goes back to the bottom; every car gets a new random speed and
///    direction and its timer restarts at its speed; cars keep their columns.
/// 3. A car on the chicken's cell sends the chicken back to the bottom row (the cooldown is unchanged).
/// 4. Each car whose timer is positive counts down; a car whose timer is 0 moves one cell in its direction,
///    wrapping around the board, and its timer restarts at its speed: a car of speed N moves once every N + 1
///    frames.
/// 5. A car on the chicken's cell sends it back to the bottom, as in 3.
///
/// These rules, the timers included, follow MinAtar's behaviour, checked state by state against the `minatar`
/// package (1.0.15).
public struct Freeway: ArcadeGame {
    public static let channels = [
        ArcadeChannel("chicken", color: RGB(hex: 0xF2D024), symbol: "C"),
        ArcadeChannel("car", color: RGB(hex: 0xE24A4A), symbol: "X"),
        ArcadeChannel("speed1", color: RGB(hex: 0x2E7D32), symbol: "1", isBackground: true),
        ArcadeChannel("speed2", color: RGB(hex: 0x1565C0), symbol: "2", isBackground: true),
        ArcadeChannel("speed3", color: RGB(hex: 0x6A1B9A), symbol: "3", isBackground: true),
        ArcadeChannel("speed4", color: RGB(hex: 0x00838F), symbol: "4", isBackground: true),
        ArcadeChannel("speed5", color: RGB(hex: 0x8D6E63), symbol: "5", isBackground: true),
    ]
    public static let minimalActions: [ArcadeAction] = [.noop, .up, .down]
    /// The episode's length in frames.
    public static let episodeFrames = 2501
    /// The fewest frames from one move of the chicken to the next.
    public static let chickenMoveInterval = 3
    /// The chicken's column.
    public static let chickenColumn = 4
    /// The number of lanes (rows 1–8).
    public static let laneCount = 8

    /// One car.
    public struct Car: Equatable, Sendable {
        /// The car's column.
        public var column: Int
        /// The speed (1–5): the car moves once every `speed + 1` frames.
        public var speed: Int
        /// +1 driving right, −1 driving left.
        public var direction: Int
        /// Frames left before the car moves; it moves on a frame that starts with the timer at 0.
        public var timer: Int

        /// Creates a car (to set up a road by hand).
        public init(column: Int, speed: Int, direction: Int, timer: Int) {
            self.column = column
            self.speed = speed
            self.direction = direction
            self.timer = timer
        }

        /// The cell behind the car, shown in its speed channel.
        @inlinable
        public var trailColumn: Int {
            (column - direction + arcadeBoardSize) % arcadeBoardSize
        }
    }

    public var machine: ArcadeMachine
    /// The chicken's row.
    public var chicken = arcadeBoardSize - 1
    /// Frames the chicken must still wait before it may move.
    public var chickenCooldown = Freeway.chickenMoveInterval
    /// The cars of lanes 1–8 (index 0 is row 1).
    public var cars: [Car] = []

    /// Creates the game; call `reset(seed:)` to start an episode.
    public init(settings: ArcadeSettings = .standard) {
        machine = ArcadeMachine(settings: settings, minimalActions: Self.minimalActions)
    }

    public mutating func startEpisode() {
        chicken = arcadeBoardSize - 1
        chickenCooldown = Self.chickenMoveInterval
        cars.removeAll(keepingCapacity: true)
        for _ in 0..<Self.laneCount {
            cars.append(Car(column: 0, speed: 1, direction: 1, timer: 0))
        }
        randomizeSpeeds()
    }

    /// Draws a new speed and direction for every car and restarts its timer.
    private mutating func randomizeSpeeds() {
        for lane in cars.indices {
            let speed = 1 + machine.random(below: 5)
            cars[lane].speed = speed
            cars[lane].direction = machine.random(below: 2) == 0 ? -1 : 1
            cars[lane].timer = speed
        }
    }

    public mutating func advance(_ action: ArcadeAction) -> Double {
        var reward = 0.0
        if chickenCooldown > 0 {
            chickenCooldown -= 1
        } else if action == .up || action == .down {
            chicken = min(arcadeBoardSize - 1, chicken + (action == .up ? -1 : 1))
            chickenCooldown = Self.chickenMoveInterval - 1
        }
        if chicken == 0 {
            reward = 1
            chicken = arcadeBoardSize - 1
            randomizeSpeeds()
        }
        checkCollision()
        for lane in cars.indices {
            if cars[lane].timer > 0 {
                cars[lane].timer -= 1
            } else {
                cars[lane].timer = cars[lane].speed
                cars[lane].column = (cars[lane].column + cars[lane].direction + arcadeBoardSize) % arcadeBoardSize
            }
        }
        checkCollision()
        if machine.frame >= Self.episodeFrames { machine.terminated = true }
        return reward
    }

    /// Sends the chicken back to the bottom when a car shares its cell.
    private mutating func checkCollision() {
        guard chicken >= 1 && chicken <= Self.laneCount else { return }
        if cars[chicken - 1].column == Self.chickenColumn { chicken = arcadeBoardSize - 1 }
    }

    @inlinable @inline(__always)
    public func observation() -> ChannelGrid {
        var grid = Self.emptyGrid()
        grid.set(0, row: chicken, column: Self.chickenColumn)
        for lane in cars.indices {
            let car = cars[lane]
            grid.set(1, row: lane + 1, column: car.column)
            grid.set(1 + car.speed, row: lane + 1, column: car.trailColumn)
        }
        return grid
    }
}
