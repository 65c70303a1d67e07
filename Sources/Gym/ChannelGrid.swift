/// A stack of boolean planes on a small board, one bit per cell: the observation of the arcade games.
///
/// Each channel is a `UInt128` whose bit `row * columns + column` is set when that channel's object occupies the
/// cell, so a 10x10x10 Seaquest observation is 160 bytes with no heap allocation. Channels are channels-first, as
/// a convolutional network reads them (see ``PlanarObservation``). Creating a grid and setting cells always inline,
/// so an environment builds its observation in registers, with no call and no copy of the grid.
public struct ChannelGrid: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The most channels a grid holds (Seaquest's 10).
    public static let maximumChannels = 10
    /// The number of channels in use.
    public let channels: Int
    /// Rows of the board.
    public let height: Int
    /// Columns of the board.
    public let width: Int
    /// The bit planes; planes at and beyond ``channels`` are zero.
    public var planes: InlineArray<10, UInt128>

    /// Creates an empty grid; `height * width` must be at most 128 and `channels` at most ``maximumChannels``.
    @inlinable @inline(__always)
    public init(channels: Int, height: Int = 10, width: Int = 10) {
        precondition(channels > 0 && channels <= Self.maximumChannels, "a ChannelGrid holds 1...10 channels, got \(channels)")
        precondition(height > 0 && width > 0 && height * width <= 128, "a ChannelGrid board has at most 128 cells, got \(height)x\(width)")
        self.channels = channels
        self.height = height
        self.width = width
        // A literal is zeroed in place; `InlineArray(repeating:)` stays an out-of-line call that builds a copy.
        planes = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    }

    /// The bit of cell (`row`, `column`) in a plane.
    @inlinable @inline(__always)
    public func bit(row: Int, column: Int) -> UInt128 {
        UInt128(1) << UInt128(row * width + column)
    }

    /// Whether `channel` is set at (`row`, `column`).
    @inlinable @inline(__always)
    public subscript(channel: Int, row: Int, column: Int) -> Bool {
        get { planes[channel] & bit(row: row, column: column) != 0 }
        set {
            if newValue {
                planes[channel] |= bit(row: row, column: column)
            } else {
                planes[channel] &= ~bit(row: row, column: column)
            }
        }
    }

    /// Sets `channel` at (`row`, `column`).
    @inlinable @inline(__always)
    public mutating func set(_ channel: Int, row: Int, column: Int) {
        planes[channel] |= bit(row: row, column: column)
    }

    /// The number of set cells in `channel`.
    public func count(_ channel: Int) -> Int {
        planes[channel].nonzeroBitCount
    }

    /// All planes as bytes (0 or 1), channels-first: `channels * height * width` values.
    public var bytes: [UInt8] {
        var result = [UInt8](repeating: 0, count: channels * height * width)
        let cells = height * width
        for channel in 0..<channels {
            let plane = planes[channel]
            for cell in 0..<cells where plane & (UInt128(1) << UInt128(cell)) != 0 {
                result[channel * cells + cell] = 1
            }
        }
        return result
    }

    public static func == (lhs: ChannelGrid, rhs: ChannelGrid) -> Bool {
        guard lhs.channels == rhs.channels, lhs.height == rhs.height, lhs.width == rhs.width else { return false }
        for channel in 0..<lhs.channels where lhs.planes[channel] != rhs.planes[channel] {
            return false
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(channels)
        hasher.combine(height)
        hasher.combine(width)
        for channel in 0..<channels { hasher.combine(planes[channel]) }
    }

    public var description: String {
        "ChannelGrid(\(channels)x\(height)x\(width), set cells per channel: \((0..<channels).map { count($0) }))"
    }
}

extension ChannelGrid: PlanarObservation {
    /// Writes 1 for a set cell and 0 otherwise, channels-first.
    public func writeFloats(into buffer: UnsafeMutableBufferPointer<Float>) {
        let cells = height * width
        precondition(buffer.count >= channels * cells, "the buffer holds \(buffer.count) floats, the grid needs \(channels * cells)")
        for channel in 0..<channels {
            let plane = planes[channel]
            for cell in 0..<cells {
                buffer[channel * cells + cell] = plane & (UInt128(1) << UInt128(cell)) != 0 ? 1 : 0
            }
        }
    }
}
