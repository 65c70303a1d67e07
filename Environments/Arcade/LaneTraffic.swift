import Gym

/// Objects that cross the board horizontally, at most one per lane (row): Asterix's enemies and treasure,
/// Seaquest's enemies and divers.
///
/// An object enters at the left or right edge, moves one cell every `moveInterval` frames, remembers its previous
/// cell (the trail channel) and leaves when it passes the far edge.
public struct LaneTraffic: Sendable {
    /// One object in a lane.
    public struct Mover: Equatable, Sendable {
        /// Whether the lane holds an object.
        public var isActive = false
        /// The object's column.
        public var column = 0
        /// +1 moving right, −1 moving left.
        public var direction = 1
        /// The column before the last move (may lie off the board right after entering).
        public var trailColumn = 0
        /// A game-specific kind (treasure or enemy, fish or submarine).
        public var kind = 0
        /// A game-specific countdown (a submarine's next shot).
        public var timer = 0

        /// Creates a mover (an empty lane by default).
        public init(isActive: Bool = false, column: Int = 0, direction: Int = 1, trailColumn: Int = 0, kind: Int = 0,
                    timer: Int = 0) {
            self.isActive = isActive
            self.column = column
            self.direction = direction
            self.trailColumn = trailColumn
            self.kind = kind
            self.timer = timer
        }
    }

    /// The row of lane 0.
    public let firstRow: Int
    /// The objects, one slot per lane.
    public var lanes: [Mover]
    /// Frames between moves.
    public var moveInterval: Int
    /// Frames until the next move.
    public var moveTimer: Int

    /// Creates empty lanes on rows `firstRow ..< firstRow + laneCount`.
    public init(firstRow: Int, laneCount: Int, moveInterval: Int) {
        self.firstRow = firstRow
        lanes = Array(repeating: Mover(), count: laneCount)
        self.moveInterval = moveInterval
        moveTimer = moveInterval
    }

    /// Empties every lane and sets a new move interval (a new episode, without reallocating).
    public mutating func clear(moveInterval: Int) {
        for lane in lanes.indices { lanes[lane].isActive = false }
        self.moveInterval = moveInterval
        moveTimer = moveInterval
    }

    /// The number of lanes without an object.
    public var freeLaneCount: Int {
        var count = 0
        for lane in lanes where !lane.isActive { count += 1 }
        return count
    }

    /// Puts an object of `kind` at the edge of the `index`-th free lane, entering from the left when
    /// `fromLeft`, else from the right.
    public mutating func spawn(freeLane index: Int, fromLeft: Bool, kind: Int, timer: Int = 0) {
        var remaining = index
        for lane in lanes.indices where !lanes[lane].isActive {
            if remaining == 0 {
                let direction = fromLeft ? 1 : -1
                let column = fromLeft ? 0 : arcadeBoardSize - 1
                lanes[lane] = Mover(isActive: true, column: column, direction: direction,
                                    trailColumn: column - direction, kind: kind, timer: timer)
                return
            }
            remaining -= 1
        }
    }

    /// Counts a frame and, when the move timer runs out, moves every object one cell, removing those that leave.
    /// Returns whether they moved.
    @discardableResult
    public mutating func advance() -> Bool {
        moveTimer -= 1
        guard moveTimer <= 0 else { return false }
        moveTimer = moveInterval
        for lane in lanes.indices where lanes[lane].isActive {
            lanes[lane].trailColumn = lanes[lane].column
            lanes[lane].column += lanes[lane].direction
            if lanes[lane].column < 0 || lanes[lane].column >= arcadeBoardSize {
                lanes[lane].isActive = false
            }
        }
        return true
    }

    /// The lane whose object occupies (`row`, `column`), if any.
    @inlinable
    public func lane(atRow row: Int, column: Int) -> Int? {
        let lane = row - firstRow
        guard lane >= 0, lane < lanes.count, lanes[lane].isActive, lanes[lane].column == column else { return nil }
        return lane
    }

    /// Empties `lane`.
    public mutating func remove(_ lane: Int) {
        lanes[lane].isActive = false
    }

    /// Draws each object into `channel(kind)` and its trail (when on the board) into `trailChannel`.
    @inlinable @inline(__always)
    public func draw(into grid: inout ChannelGrid, channel: (Int) -> Int, trailChannel: Int) {
        for lane in lanes.indices where lanes[lane].isActive {
            let mover = lanes[lane]
            grid.set(channel(mover.kind), row: firstRow + lane, column: mover.column)
            if mover.trailColumn >= 0 && mover.trailColumn < arcadeBoardSize {
                grid.set(trailChannel, row: firstRow + lane, column: mover.trailColumn)
            }
        }
    }
}
