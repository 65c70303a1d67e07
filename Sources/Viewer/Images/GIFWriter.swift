import Foundation
import Gym

/// Writes frames into an animated GIF file that loops forever, as they come.
///
/// Each image has its own colour table (exact up to 256 colours, median cut beyond) and holds only the rectangle
/// that changed since the previous frame, left in place on top of it, with the unchanged pixels inside that
/// rectangle transparent, so an agent moving on a still background costs a few hundred bytes a frame. Call ``finish()`` to write the trailer; a file without it is not a valid GIF.
public final class GIFWriter {
    /// The file being written.
    public let path: String
    /// The animation's width in pixels (every frame must have it).
    public let width: Int
    /// The animation's height in pixels.
    public let height: Int
    /// Frames written so far.
    public private(set) var frameCount = 0
    /// Frames whose colours were reduced to 256.
    public private(set) var quantizedFrameCount = 0
    /// Bytes written so far.
    public private(set) var byteCount = 0
    private let delay: UInt16
    private let handle: FileHandle
    private var encoder = LZWEncoder()
    private var previous: Frame?
    private var isFinished = false

    /// Creates (or truncates) the file at `path` for a `width` x `height` animation shown at `framesPerSecond`.
    ///
    /// GIF delays are whole hundredths of a second and most viewers treat less than 2 as 10, so the rate is capped
    /// at 50 frames per second.
    public init(path: String, width: Int, height: Int, framesPerSecond: Double) throws {
        guard (1...65_535).contains(width), (1...65_535).contains(height) else {
            throw GymError("a GIF holds 1 to 65535 pixels a side, got \(width)x\(height)")
        }
        guard framesPerSecond > 0, framesPerSecond.isFinite else {
            throw GymError("a GIF needs a positive frame rate, got \(framesPerSecond)")
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw GymError("cannot create the GIF file '\(path)': check that its directory exists and is writable")
        }
        self.path = path
        self.width = width
        self.height = height
        self.handle = handle
        delay = UInt16(max(2, min(65_535, (100 / framesPerSecond).rounded())))
        var header = Array("GIF89a".utf8)
        header.appendLittleEndian(UInt16(width))
        header.appendLittleEndian(UInt16(height))
        header += [0, 0, 0]   // no global colour table, background 0, square pixels
        // The NETSCAPE2.0 application extension: loop forever.
        header += [0x21, 0xFF, 0x0B] + Array("NETSCAPE2.0".utf8) + [0x03, 0x01, 0x00, 0x00, 0x00]
        try write(header)
    }

    deinit {
        try? handle.close()
    }

    /// Adds `frame`, which must have the animation's size.
    public func append(_ frame: Frame) throws {
        guard !isFinished else { throw GymError("the GIF '\(path)' is already finished") }
        guard frame.width == width, frame.height == height else {
            throw GymError("every frame of the GIF '\(path)' must be \(width)x\(height), got \(frame.width)x\(frame.height)")
        }
        let region = previous.map { changedRegion(from: $0, to: frame) } ?? (x: 0, y: 0, width: width, height: height)
        let image = IndexedImage(frame, x: region.x, y: region.y, width: region.width, height: region.height,
                                 previous: previous)
        previous = frame
        if image.isQuantized { quantizedFrameCount += 1 }
        // Graphic control extension: leave the image in place (disposal 1), the frame delay, and the transparent
        // index of unchanged pixels when there is one.
        var bytes: [UInt8] = [0x21, 0xF9, 0x04, image.transparentIndex == nil ? 0x04 : 0x05]
        bytes.appendLittleEndian(delay)
        bytes += [image.transparentIndex ?? 0, 0x00]
        // Image descriptor with a local colour table.
        bytes.append(0x2C)
        for value in [region.x, region.y, region.width, region.height] { bytes.appendLittleEndian(UInt16(value)) }
        bytes.append(0x80 | image.tableSizeField)
        for color in image.palette { bytes += [color.red, color.green, color.blue] }
        bytes += encoder.encode(image.indices, minimumCodeSize: max(2, Int(image.tableSizeField) + 1))
        try write(bytes)
        frameCount += 1
    }

    /// Writes the trailer and closes the file; without any frame the file is removed instead, since a GIF without an
    /// image is not a picture that viewers open.
    public func finish() throws {
        guard !isFinished else { return }
        isFinished = true
        guard frameCount > 0 else {
            try handle.close()
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        try write([0x3B])
        try handle.close()
    }

    private func write(_ bytes: [UInt8]) throws {
        do {
            try handle.write(contentsOf: Data(bytes))
        } catch {
            throw GymError("cannot write the GIF file '\(path)': \(error.localizedDescription)")
        }
        byteCount += bytes.count
    }

    /// The smallest rectangle holding every pixel that differs between the frames (one pixel when none does).
    private func changedRegion(from old: Frame, to new: Frame) -> (x: Int, y: Int, width: Int, height: Int) {
        var top = height, bottom = -1, left = width, right = -1
        let rowBytes = width * 3
        old.pixels.withUnsafeBufferPointer { before in
            new.pixels.withUnsafeBufferPointer { after in
                for row in 0..<height {
                    let start = row * rowBytes
                    // Most rows are unchanged: compare them whole first.
                    guard memcmp(before.baseAddress! + start, after.baseAddress! + start, rowBytes) != 0 else { continue }
                    var first = -1, last = -1
                    for column in 0..<width {
                        let offset = start + column * 3
                        if before[offset] != after[offset] || before[offset + 1] != after[offset + 1]
                            || before[offset + 2] != after[offset + 2] {
                            if first < 0 { first = column }
                            last = column
                        }
                    }
                    top = min(top, row)
                    bottom = row
                    left = min(left, first)
                    right = max(right, last)
                }
            }
        }
        guard bottom >= 0 else { return (0, 0, 1, 1) }
        return (left, top, right - left + 1, bottom - top + 1)
    }
}
