/// Every ``ChannelGrid`` with a given number of channels and board size: MinAtar's `10x10xC` boolean observations.
public struct ChannelGridSpace: Space, Equatable, Hashable, Sendable {
    /// The number of channels.
    public let channels: Int
    /// Rows of the board.
    public let height: Int
    /// Columns of the board.
    public let width: Int

    /// Creates the space of `channels`-channel grids on a `height` x `width` board.
    public init(channels: Int, height: Int = 10, width: Int = 10) {
        precondition(channels > 0 && channels <= ChannelGrid.maximumChannels && height * width <= 128 && height > 0 && width > 0,
                     "ChannelGridSpace needs 1...10 channels and at most 128 cells, got \(channels)x\(height)x\(width)")
        self.channels = channels
        self.height = height
        self.width = width
    }

    /// A grid with every cell of every channel set with probability 1/2.
    public func sample(using generator: inout RandomGenerator) -> ChannelGrid {
        var grid = ChannelGrid(channels: channels, height: height, width: width)
        let mask = cellMask
        for channel in 0..<channels {
            let low = UInt128(generator.next())
            let high = UInt128(generator.next()) << 64
            grid.planes[channel] = (low | high) & mask
        }
        return grid
    }

    /// Whether `element` has this shape and no bit outside the board or beyond its channels.
    public func contains(_ element: ChannelGrid) -> Bool {
        guard element.channels == channels, element.height == height, element.width == width else { return false }
        let outside = ~cellMask
        for channel in 0..<ChannelGrid.maximumChannels {
            let allowed = channel < channels ? outside : UInt128.max
            if element.planes[channel] & allowed != 0 { return false }
        }
        return true
    }

    /// The bits of the board's cells.
    private var cellMask: UInt128 {
        height * width == 128 ? .max : (UInt128(1) << UInt128(height * width)) - 1
    }

    public var description: String { "ChannelGrid(\(channels)x\(height)x\(width), bool)" }
}
