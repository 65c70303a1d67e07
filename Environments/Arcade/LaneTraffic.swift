import Gym

/// Objects that cross the board horizontally, at most one per lane (row): Asterix's enemies and treasure,
/// Seaquest's enemies and divers.
///
/// An object enters at the left or right edge, moves one cell every `moveInterval` frames, remembers its previous
/// cell (the trail channel) and leaves when it passes the far edge. Besides the lanes, the traffic keeps bit planes
/// of its objects and their trails, updated whenever the lanes change, so drawing and collision tests each frame
/// are a few bit operations instead of a pass over the lanes.
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
        /// A game-specific kind, 0 or 1 (treasure or enemy, fish or submarine).
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
    /// The objects, one slot per lane. Setting a lane by hand (to build a board) updates the planes too.
    public var lanes: [Mover] {
        get { movers }
        set {
            movers = newValue
            updatePlanes()
        }
    }
    /// Frames between moves.
    public var moveInterval: Int
    /// Frames left before the frame on which the objects move (0: they move this frame).
    public var moveTimer: Int
    /// The cells of the objects of kind 0 (bit `row * 10 + column`).
    public private(set) var kindZeroCells: UInt128 = 0
    /// The cells of the objects of kind 1.
    public private(set) var kindOneCells: UInt128 = 0
    /// The objects' trails that lie on the board.
    public private(set) var trailCells: UInt128 = 0

    /// The storage behind `lanes`; the game's own changes go through it, then update the planes.
    private var movers: [Mover]

    /// Creates empty lanes on rows `firstRow ..< firstRow + laneCount`.
    public init(firstRow: Int, laneCount: Int, moveInterval: Int) {
        self.firstRow = firstRow
        movers = Array(repeating: Mover(), count: laneCount)
        self.moveInterval = moveInterval
        moveTimer = moveInterval
    }

    /// The cells holding an object.
    @inlinable
    public var occupiedCells: UInt128 { kindZeroCells | kindOneCells }

    /// Empties every lane and sets a new move interval (a new episode, without reallocating).
    public mutating func clear(moveInterval: Int) {
        for lane in movers.indices { movers[lane].isActive = false }
        self.moveInterval = moveInterval
        moveTimer = moveInterval
        clearPlanes()
    }

    /// The number of lanes without an object.
    public var freeLaneCount: Int {
        var count = 0
        for lane in movers where !lane.isActive { count += 1 }
        return count
    }

    /// Puts an object of `kind` at the edge of the `index`-th free lane, entering from the left when
    /// `fromLeft`, else from the right.
    public mutating func spawn(freeLane index: Int, fromLeft: Bool, kind: Int, timer: Int = 0) {
        var remaining = index
        for lane in movers.indices where !movers[lane].isActive {
            if remaining == 0 {
                let direction = fromLeft ? 1 : -1
                let column = fromLeft ? 0 : arcadeBoardSize - 1
                movers[lane] = Mover(isActive: true, column: column, direction: direction,
                                     trailColumn: column - direction, kind: kind, timer: timer)
                addToPlanes(lane)
                return
            }
            remaining -= 1
        }
    }

    /// Plays a frame of the move timer, as MinAtar counts it: when the timer has run down to 0, every object moves
    /// one cell (those that leave are removed) and the timer restarts at `moveInterval`; then it counts the frame.
    /// Returns whether the objects moved.
    @discardableResult @inline(__always)
    public mutating func advance() -> Bool {
        guard moveTimer <= 0 else {
            moveTimer -= 1
            return false
        }
        moveTimer = moveInterval - 1
        moveObjects()
        return true
    }

    /// Moves every object one cell, removing those that leave, and redraws the planes.
    private mutating func moveObjects() {
        clearPlanes()
        for lane in movers.indices where movers[lane].isActive {
            movers[lane].trailColumn = movers[lane].column
            movers[lane].column += movers[lane].direction
            if movers[lane].column < 0 || movers[lane].column >= arcadeBoardSize {
                movers[lane].isActive = false
            } else {
                addToPlanes(lane)
            }
        }
    }

    /// Lets `body` change the timer of each object, given its lane and the object.
    public mutating func updateTimers(_ body: (_ lane: Int, _ mover: Mover, _ timer: inout Int) -> Void) {
        for lane in movers.indices where movers[lane].isActive {
            body(lane, movers[lane], &movers[lane].timer)
        }
    }

    /// The lane whose object occupies (`row`, `column`), if any (always inlined: out of line, it would get a copy
    /// of the traffic).
    @inlinable @inline(__always)
    public func lane(atRow row: Int, column: Int) -> Int? {
        guard column >= 0, column < arcadeBoardSize, row >= firstRow,
              occupiedCells & BoardMasks.cell(row, column) != 0 else { return nil }
        return row - firstRow
    }

    /// Empties `lane`.
    public mutating func remove(_ lane: Int) {
        movers[lane].isActive = false
        let row = ~BoardMasks.row(firstRow + lane)
        kindZeroCells &= row
        kindOneCells &= row
        trailCells &= row
    }

    /// Empties the lanes whose objects occupy any of `cells`.
    public mutating func remove(at cells: UInt128) {
        for lane in movers.indices where cells & BoardMasks.row(firstRow + lane) & occupiedCells != 0 {
            remove(lane)
        }
    }

    /// Draws the objects of kind 0 into `channel(0)`, those of kind 1 into `channel(1)`, and the trails on the
    /// board into `trailChannel`.
    @inlinable @inline(__always)
    public func draw(into grid: inout ChannelGrid, channel: (Int) -> Int, trailChannel: Int) {
        grid.planes[channel(0)] |= kindZeroCells
        grid.planes[channel(1)] |= kindOneCells
        grid.planes[trailChannel] |= trailCells
    }

    /// Recomputes the planes from the lanes.
    private mutating func updatePlanes() {
        clearPlanes()
        for lane in movers.indices where movers[lane].isActive { addToPlanes(lane) }
    }

    /// Empties the planes.
    private mutating func clearPlanes() {
        kindZeroCells = 0
        kindOneCells = 0
        trailCells = 0
    }

    /// Adds the object of `lane` (active) and its trail, when on the board, to the planes.
    private mutating func addToPlanes(_ lane: Int) {
        let mover = movers[lane]
        let row = firstRow + lane
        if mover.kind == 0 {
            kindZeroCells |= BoardMasks.cell(row, mover.column)
        } else {
            kindOneCells |= BoardMasks.cell(row, mover.column)
        }
        if mover.trailColumn >= 0 && mover.trailColumn < arcadeBoardSize {
            trailCells |= BoardMasks.cell(row, mover.trailColumn)
        }
    }
}
