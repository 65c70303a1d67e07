/// Every ``PlanarImage`` of one shape (Gymnasium's `Box(0, 255, shape, uint8)` for pixel observations).
///
/// An image may be a stack of the last few frames of a stream, oldest first, each frame `channels / stackedFrames`
/// planes (``FrameStack``'s observations, Gymnasium's stacked observation shape): successive observations then share
/// all but one frame, which lets a replay buffer store each frame once.
public struct ImageSpace: Space, Equatable, Hashable, Sendable {
    /// The number of planes (of all stacked frames together).
    public let channels: Int
    /// Rows.
    public let height: Int
    /// Columns.
    public let width: Int
    /// How many frames of a stream each image stacks along its channels (1 for a single image).
    public let stackedFrames: Int

    /// Creates the space of `channels` x `height` x `width` images, each a stack of `stackedFrames` equal-sized frames.
    public init(channels: Int, height: Int, width: Int, stackedFrames: Int = 1) {
        precondition(channels > 0 && height > 0 && width > 0, "ImageSpace needs a positive shape, got \(channels)x\(height)x\(width)")
        precondition(stackedFrames > 0 && channels % stackedFrames == 0,
                     "an image of \(channels) channels cannot hold a stack of \(stackedFrames) equal frames")
        self.channels = channels
        self.height = height
        self.width = width
        self.stackedFrames = stackedFrames
    }

    /// An image with uniformly random bytes.
    public func sample(using generator: inout RandomGenerator) -> PlanarImage {
        var image = PlanarImage(channels: channels, height: height, width: width)
        for index in image.pixels.indices {
            image.pixels[index] = UInt8(truncatingIfNeeded: generator.next() >> 56)
        }
        return image
    }

    public func contains(_ element: PlanarImage) -> Bool {
        element.channels == channels && element.height == height && element.width == width
            && element.pixels.count == channels * height * width
    }

    public var description: String { "Image(\(channels)x\(height)x\(width), uint8)" }
}
