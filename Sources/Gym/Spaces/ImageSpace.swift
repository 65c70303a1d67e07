/// Every ``PlanarImage`` of one shape (Gymnasium's `Box(0, 255, shape, uint8)` for pixel observations).
public struct ImageSpace: Space, Equatable, Hashable, Sendable {
    /// The number of planes.
    public let channels: Int
    /// Rows.
    public let height: Int
    /// Columns.
    public let width: Int

    /// Creates the space of `channels` x `height` x `width` images.
    public init(channels: Int, height: Int, width: Int) {
        precondition(channels > 0 && height > 0 && width > 0, "ImageSpace needs a positive shape, got \(channels)x\(height)x\(width)")
        self.channels = channels
        self.height = height
        self.width = width
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
