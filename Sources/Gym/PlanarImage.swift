/// An 8-bit image stored channels-first (`[channels][height][width]`): the observation of the pixel wrappers.
///
/// One plane per channel keeps the layout a convolutional network reads, so grayscale, resizing, max-pooling and
/// frame stacking work plane by plane, and a stack of `k` grayscale frames is simply a `k`-channel image.
public struct PlanarImage: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The number of planes (3 for RGB, 1 for grayscale, `k` for a stack of `k` grayscale frames).
    public let channels: Int
    /// Rows.
    public let height: Int
    /// Columns.
    public let width: Int
    /// `channels * height * width` bytes, plane after plane, rows from the top.
    public var pixels: [UInt8]

    /// Creates an image filled with `value`.
    public init(channels: Int, height: Int, width: Int, value: UInt8 = 0) {
        precondition(channels > 0 && height > 0 && width > 0, "an image needs a positive shape, got \(channels)x\(height)x\(width)")
        self.channels = channels
        self.height = height
        self.width = width
        pixels = [UInt8](repeating: value, count: channels * height * width)
    }

    /// Creates an image from planar bytes; `pixels.count` must be `channels * height * width`.
    public init(channels: Int, height: Int, width: Int, pixels: [UInt8]) {
        precondition(channels > 0 && height > 0 && width > 0 && pixels.count == channels * height * width,
                     "an image of \(channels)x\(height)x\(width) needs \(channels * height * width) bytes, got \(pixels.count)")
        self.channels = channels
        self.height = height
        self.width = width
        self.pixels = pixels
    }

    /// The three planes (red, green, blue) of an RGB ``Frame``.
    public init(_ frame: Frame) {
        let planeSize = frame.width * frame.height
        self.init(channels: 3, height: frame.height, width: frame.width)
        frame.pixels.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { target in
                for index in 0..<planeSize {
                    target[index] = source[3 * index]
                    target[planeSize + index] = source[3 * index + 1]
                    target[2 * planeSize + index] = source[3 * index + 2]
                }
            }
        }
    }

    /// The value of `channel` at (`row`, `column`).
    public subscript(channel: Int, row: Int, column: Int) -> UInt8 {
        get { pixels[(channel * height + row) * width + column] }
        set { pixels[(channel * height + row) * width + column] = newValue }
    }

    public var description: String { "PlanarImage(\(channels)x\(height)x\(width), uint8)" }
}

extension PlanarImage: PlanarObservation {
    /// Writes every byte divided by 255, channels-first.
    public func writeFloats(into buffer: UnsafeMutableBufferPointer<Float>) {
        precondition(buffer.count >= pixels.count, "the buffer holds \(buffer.count) floats, the image needs \(pixels.count)")
        pixels.withUnsafeBufferPointer { source in
            for index in source.indices {
                buffer[index] = Float(source[index]) * (1 / 255)
            }
        }
    }
}
