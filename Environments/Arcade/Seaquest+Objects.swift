/// A Seaquest object on the board: a ``Seaquest/Swimmer`` or a ``Seaquest/Bullet``.
public protocol SeaquestObject {
    /// The row.
    var row: Int { get }
    /// The column.
    var column: Int { get }
}

extension SeaquestObject {
    /// Its cell (bit `row * 10 + column`).
    @inlinable
    public var cell: UInt128 { BoardMasks.cell(row, column) }
}

/// The moving objects of ``Seaquest``: fish, enemy submarines and divers swim along their rows, bullets fly.
extension Seaquest {
    /// A fish, an enemy submarine or a diver: it swims one cell along its row each time its move timer has run
    /// down, and leaves at the far side. A row may hold several of them.
    public struct Swimmer: SeaquestObject, Equatable, Sendable {
        /// The row (1–8).
        public var row: Int
        /// The column.
        public var column: Int
        /// +1 swimming right, −1 swimming left.
        public var direction: Int
        /// Frames left before the frame on which it moves (0: it moves this frame).
        public var moveTimer: Int
        /// An enemy submarine's frames left before the frame on which it fires (unused by fish and divers).
        public var shotTimer: Int

        /// Creates a swimmer.
        public init(row: Int, column: Int, direction: Int, moveTimer: Int, shotTimer: Int = 0) {
            self.row = row
            self.column = column
            self.direction = direction
            self.moveTimer = moveTimer
            self.shotTimer = shotTimer
        }

        /// The cell behind it (the trail channel), when that lies on the board.
        @inlinable
        public var trailCell: UInt128 {
            let behind = column - direction
            return behind >= 0 && behind < arcadeBoardSize ? BoardMasks.cell(row, behind) : 0
        }

        /// Plays a frame of its move timer: when it has run down to 0 the swimmer moves one cell and the timer
        /// restarts at `interval`, else the timer counts the frame. Returns whether it moved.
        @inlinable
        public mutating func swim(interval: Int) -> Bool {
            guard moveTimer == 0 else {
                moveTimer -= 1
                return false
            }
            moveTimer = interval
            column += direction
            return true
        }

        /// Whether it has left the board.
        @inlinable
        public var isOffBoard: Bool { column < 0 || column >= arcadeBoardSize }
    }

    /// A bullet flying one cell a frame along its row.
    public struct Bullet: SeaquestObject, Equatable, Sendable {
        /// The row.
        public var row: Int
        /// The column.
        public var column: Int
        /// +1 flying right, −1 flying left.
        public var direction: Int

        /// Creates a bullet.
        public init(row: Int, column: Int, direction: Int) {
            self.row = row
            self.column = column
            self.direction = direction
        }
    }
}

extension Array where Element: SeaquestObject {
    /// The index of the first object on (`row`, `column`) (always inlined: the rules look every frame).
    @inlinable @inline(__always)
    func firstIndex(row: Int, column: Int) -> Int? {
        firstIndex { $0.row == row && $0.column == column }
    }

    /// Their cells, as one plane (always inlined: the observation reads it every frame).
    @inlinable @inline(__always)
    var cells: UInt128 {
        var plane: UInt128 = 0
        for object in self { plane |= object.cell }
        return plane
    }
}

extension Array where Element == Seaquest.Swimmer {
    /// Their cells and the cells behind them, as two planes in one pass (always inlined, as ``cells``).
    @inlinable @inline(__always)
    var cellsAndTrails: (cells: UInt128, trails: UInt128) {
        var cells: UInt128 = 0, trails: UInt128 = 0
        for swimmer in self {
            cells |= swimmer.cell
            trails |= swimmer.trailCell
        }
        return (cells, trails)
    }
}
