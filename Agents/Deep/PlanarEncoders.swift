import Gym
import TensorCore

/// The arcade games' boolean channel grids as `[channels, height, width]` network inputs of 0s and 1s.
///
/// A grid is stored as its bit planes, two `UInt64` words per channel, so 100k Breakout transitions (observation
/// and next observation) take 12.8 MB.
public struct ChannelGridEncoder: ObservationEncoder {
    /// Channels of the grid.
    public let channels: Int
    /// Rows of the board.
    public let height: Int
    /// Columns of the board.
    public let width: Int

    /// An encoder for the grids of `space`.
    public init(space: ChannelGridSpace) {
        channels = space.channels
        height = space.height
        width = space.width
    }

    public var inputShape: [Int] { [channels, height, width] }
    public var storedWidth: Int { Self.wordsPerChannel * channels }

    /// Words a channel's bit plane takes (a board has at most 128 cells).
    static let wordsPerChannel = 2

    public func store(_ observation: ChannelGrid, into destination: UnsafeMutableBufferPointer<UInt64>) {
        precondition(observation.channels == channels && observation.height == height && observation.width == width,
                     "expected a \(channels)x\(height)x\(width) grid, got \(observation.channels)x\(observation.height)x\(observation.width)")
        for channel in 0..<channels {
            let plane = observation.planes[channel]
            destination[Self.wordsPerChannel * channel] = UInt64(truncatingIfNeeded: plane)
            destination[Self.wordsPerChannel * channel + 1] = UInt64(truncatingIfNeeded: plane >> 64)
        }
    }

    public func decode(_ stored: UnsafeBufferPointer<UInt64>, into destination: UnsafeMutableBufferPointer<Float>) {
        BitPlanes.unpack(stored, planes: channels, bits: height * width, wordsPerPlane: Self.wordsPerChannel, into: destination)
    }
}

/// An encoder whose observations are the last `stackedFrames` frames of a stream, oldest first, with equal-sized
/// frames back to back in storage — what ``FrameStackReplayBuffer`` needs to keep each frame once.
public protocol FrameStackEncoder: ObservationEncoder {
    /// Frames per observation (`storedWidth` is a multiple of it).
    var stackedFrames: Int { get }
}

/// 8-bit planar images (``PlanarImage``, such as the `[4, 84, 84]` stacks of `--pixels 84`) as floats in [0, 1].
///
/// Images are stored as bytes, never floats. When the space says the image is a stack of frames (``FrameStack``
/// with reset padding), the replay memory is a ``FrameStackReplayBuffer`` that stores every frame once: a million
/// 84x84 Nature-DQN transitions take 7.1 GB instead of 56 GB.
public struct ImageEncoder: FrameStackEncoder {
    public typealias Memory = FrameStackReplayBuffer<ImageEncoder>

    /// Channels of the image (all stacked frames together).
    public let channels: Int
    /// Rows.
    public let height: Int
    /// Columns.
    public let width: Int
    /// Frames per observation.
    public let stackedFrames: Int

    /// An encoder for the images of `space`, each a stack of `space.stackedFrames` frames along the channel axis.
    public init(space: ImageSpace) {
        channels = space.channels
        height = space.height
        width = space.width
        stackedFrames = space.stackedFrames
    }

    public var inputShape: [Int] { [channels, height, width] }
    public var storedWidth: Int { channels * height * width }

    public func store(_ observation: PlanarImage, into destination: UnsafeMutableBufferPointer<UInt8>) {
        precondition(observation.pixels.count == storedWidth,
                     "expected a \(channels)x\(height)x\(width) image, got \(observation.channels)x\(observation.height)x\(observation.width)")
        _ = destination.initialize(from: observation.pixels)
    }

    public func decode(_ stored: UnsafeBufferPointer<UInt8>, into destination: UnsafeMutableBufferPointer<Float>) {
        for index in 0..<storedWidth {
            destination[index] = Float(stored[index]) * (1 / 255)
        }
    }
}
