import Gym

/// Writes a channel grid as one byte (0 or 1) per cell and channel, `[height, width, channels]`, as MinAtar's
/// `state()` lays it out.
struct ChannelGridBytePacker: ObservationPacker {
    let channels: Int
    let height: Int
    let width: Int

    init(_ space: ChannelGridSpace) {
        channels = space.channels
        height = space.height
        width = space.width
    }

    var storedWidth: Int { channels * height * width }

    func store(_ observation: ChannelGrid, into destination: UnsafeMutableBufferPointer<UInt8>) {
        destination.update(repeating: 0)
        // Only the set cells are written: a board is mostly empty.
        for channel in 0..<channels {
            let plane = observation.planes[channel]
            for (half, offset) in [(UInt64(truncatingIfNeeded: plane), 0), (UInt64(truncatingIfNeeded: plane >> 64), 64)] {
                var bits = half
                while bits != 0 {
                    let cell = offset + bits.trailingZeroBitCount
                    destination[cell * channels + channel] = 1
                    bits &= bits - 1
                }
            }
        }
    }
}
