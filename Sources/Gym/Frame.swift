/// A colour with 8-bit red, green and blue channels.
public struct RGB: Equatable, Hashable, Sendable {
    /// The red channel.
    public var red: UInt8
    /// The green channel.
    public var green: UInt8
    /// The blue channel.
    public var blue: UInt8

    /// Creates a colour from its channels.
    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Creates a colour from a 0xRRGGBB literal.
    public init(hex: UInt32) {
        self.init(UInt8((hex >> 16) & 0xFF), UInt8((hex >> 8) & 0xFF), UInt8(hex & 0xFF))
    }
}

/// An RGB image in row-major order, three bytes per pixel: the picture every renderer shares.
public struct Frame: Equatable, Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// `width * height * 3` bytes: red, green, blue for each pixel, rows from the top.
    public private(set) var pixels: [UInt8]

    /// Creates a frame filled with one colour.
    public init(width: Int, height: Int, fill: RGB = RGB(0, 0, 0)) {
        precondition(width > 0 && height > 0, "a frame needs a positive size, got \(width)x\(height)")
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 0, count: width * height * 3)
        fillRectangle(x: 0, y: 0, width: width, height: height, color: fill)
    }

    /// Creates a frame from `width * height * 3` bytes: red, green, blue for each pixel, rows from the top.
    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width > 0 && height > 0, "a frame needs a positive size, got \(width)x\(height)")
        precondition(pixels.count == width * height * 3,
                     "a \(width)x\(height) frame needs \(width * height * 3) bytes, got \(pixels.count)")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The colour at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> RGB {
        get {
            let offset = (y * width + x) * 3
            return RGB(pixels[offset], pixels[offset + 1], pixels[offset + 2])
        }
        set {
            let offset = (y * width + x) * 3
            pixels[offset] = newValue.red
            pixels[offset + 1] = newValue.green
            pixels[offset + 2] = newValue.blue
        }
    }

    /// Paints a rectangle, clipped to the frame.
    public mutating func fillRectangle(x: Int, y: Int, width: Int, height: Int, color: RGB) {
        let left = max(0, x), right = min(self.width, x + width)
        let top = max(0, y), bottom = min(self.height, y + height)
        guard left < right, top < bottom else { return }
        pixels.withUnsafeMutableBufferPointer { buffer in
            // The first row pixel by pixel, the others copied from it.
            let first = (top * self.width + left) * 3
            var offset = first
            for _ in left..<right {
                buffer[offset] = color.red
                buffer[offset + 1] = color.green
                buffer[offset + 2] = color.blue
                offset += 3
            }
            let base = UnsafeMutableRawPointer(buffer.baseAddress!)
            for row in (top + 1)..<max(top + 1, bottom) {
                (base + (row * self.width + left) * 3).copyMemory(from: base + first, byteCount: (right - left) * 3)
            }
        }
    }

    /// Copies `other` into this frame with its top-left corner at (`x`, `y`), clipped to the frame.
    public mutating func draw(_ other: Frame, x: Int, y: Int) {
        let left = max(0, x), right = min(width, x + other.width)
        let top = max(0, y), bottom = min(height, y + other.height)
        guard left < right, top < bottom else { return }
        let rowBytes = (right - left) * 3
        other.pixels.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { target in
                for row in top..<bottom {
                    let from = ((row - y) * other.width + (left - x)) * 3
                    let to = (row * width + left) * 3
                    UnsafeMutableRawPointer(target.baseAddress! + to)
                        .copyMemory(from: source.baseAddress! + from, byteCount: rowBytes)
                }
            }
        }
    }
}
