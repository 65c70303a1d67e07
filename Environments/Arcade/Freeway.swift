import Gym

/// MinAtar's Freeway: walk a chicken up across eight lanes of traffic as many times as possible.
///
/// ## Action Space
/// With the full action set, `Discrete(6)` numbered as ``ArcadeAction`` (left, right and fire do nothing); with
/// the minimal set, `Discrete(3)`: 0 noop, 1 up, 2 down.
///
/// ## Observation Space
/// ``ChannelGrid`` of 7 channels: 0 `chicken`, 1 `car`, and 2–6 `speed1` … `speed5`: each car's previous cell
/// (its direction) in the channel of its speed, `speedN` for a car that moves once every N frames.
///
/// ## Starting State
/// The chicken in the bottom row at column 4; one car per lane on rows 1–8 at a random column, each with a random
/// speed (once every 1–5 frames) and a random direction.
///
/// ## Rewards
/// +1 each time the chicken reaches the top row; it then starts again from the bottom and the car speeds are
/// drawn anew.
///
/// ## Episode End
/// Terminated after ``episodeFrames`` (2,500) frames (MinAtar's time limit of 2,500; its episodes end one frame later,
/// at 2,501). A car hit is not an ending: it sends the chicken back to the bottom row.
///
/// ## Arguments
/// ``ArcadeSettings``: sticky action probability (default 0.1) and the action set. Freeway has no difficulty
/// ramping.
///
/// ## Rules as implemented
/// The chicken moves at most once every ``chickenMoveInterval`` (3) frames. Each frame it moves first, then every
/// car whose countdown runs out moves one cell and wraps around at the edge. A car on the chicken's cell, before
/// or after the cars move, sends the chicken back to the bottom.
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
    public static let episodeFrames = 2500
    /// Frames between two moves of the chicken.
    public static let chickenMoveInterval = 3
    /// The chicken's column.
    public static let chickenColumn = 4

    /// One car.
    public struct Car: Equatable, Sendable {
        /// The car's column.
        public var column: Int
        /// Frames between moves (1–5).
        public var interval: Int
        /// +1 driving right, −1 driving left.
        public var direction: Int
        /// Frames until the next move.
        public var timer: Int
        /// The column before the last move.
        public var trailColumn: Int

        /// Creates a car (to set up a road by hand).
        public init(column: Int, interval: Int, direction: Int, timer: Int, trailColumn: Int) {
            self.column = column
            self.interval = interval
            self.direction = direction
            self.timer = timer
            self.trailColumn = trailColumn
        }
    }

    public var machine: ArcadeMachine
    /// The chicken's row.
    public var chicken = arcadeBoardSize - 1
    /// Frames until the chicken may move again.
    public var chickenTimer = 0
    /// The cars of lanes 1–8 (index 0 is row 1).
    public var cars: [Car] = []

    /// Creates the game; call `reset(seed:)` to start an episode.
    public init(settings: ArcadeSettings = .standard) {
        machine = ArcadeMachine(settings: settings, minimalActions: Self.minimalActions)
    }

    public mutating func startEpisode() {
        chicken = arcadeBoardSize - 1
        chickenTimer = 0
        cars.removeAll(keepingCapacity: true)
        for _ in 1...8 {
            let column = machine.random(below: arcadeBoardSize)
            cars.append(Car(column: column, interval: 1, direction: 1, timer: 1, trailColumn: column))
        }
        randomizeSpeeds()
    }

    /// Draws a new speed and direction for every car.
    private mutating func randomizeSpeeds() {
        for lane in cars.indices {
            let interval = 1 + machine.random(below: 5)
            let direction = machine.random(below: 2) == 0 ? -1 : 1
            cars[lane].interval = interval
            cars[lane].direction = direction
            cars[lane].timer = interval
            cars[lane].trailColumn = (cars[lane].column - direction + arcadeBoardSize) % arcadeBoardSize
        }
    }

    public mutating func advance(_ action: ArcadeAction) -> Double {
        var reward = 0.0
        if chickenTimer > 0 { chickenTimer -= 1 }
        if chickenTimer == 0 && (action == .up || action == .down) {
            chicken = min(arcadeBoardSize - 1, chicken + (action == .up ? -1 : 1))
            chickenTimer = Self.chickenMoveInterval
        }
        if chicken == 0 {
            reward = 1
            chicken = arcadeBoardSize - 1
            randomizeSpeeds()
        }
        checkCollision()
        for lane in cars.indices {
            cars[lane].timer -= 1
            if cars[lane].timer <= 0 {
                cars[lane].timer = cars[lane].interval
                cars[lane].trailColumn = cars[lane].column
                cars[lane].column = (cars[lane].column + cars[lane].direction + arcadeBoardSize) % arcadeBoardSize
            }
        }
        checkCollision()
        if machine.frame >= Self.episodeFrames { machine.terminated = true }
        return reward
    }

    /// Sends the chicken back to the bottom when a car shares its cell.
    private mutating func checkCollision() {
        guard chicken >= 1 && chicken <= 8 else { return }
        if cars[chicken - 1].column == Self.chickenColumn { chicken = arcadeBoardSize - 1 }
    }

    public func observation() -> ChannelGrid {
        var grid = Self.emptyGrid()
        grid.set(0, row: chicken, column: Self.chickenColumn)
        for lane in cars.indices {
            let car = cars[lane]
            grid.set(1, row: lane + 1, column: car.column)
            grid.set(1 + car.interval, row: lane + 1, column: car.trailColumn)
        }
        return grid
    }
}
