import Environments
import Foundation
import Gym
import Testing
@testable import Viewer

/// PNG and GIF files: their structure byte by byte, and what an independent decoder (Pillow) reads back.
@Suite struct ImageEncoderTests {
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("viewer-\(UUID().uuidString)-\(name)").path
    }

    /// A 5x3 frame with a distinct colour in every pixel.
    static var gradient: Frame {
        var frame = Frame(width: 5, height: 3)
        for y in 0..<3 { for x in 0..<5 { frame[x, y] = RGB(UInt8(x * 50), UInt8(y * 100), UInt8(x * 10 + y)) } }
        return frame
    }

    /// A 32x32 frame with 1,024 distinct colours, more than a GIF palette holds.
    static var manyColors: Frame {
        var frame = Frame(width: 32, height: 32)
        for y in 0..<32 { for x in 0..<32 { frame[x, y] = RGB(UInt8(x * 8), UInt8(y * 8), 128) } }
        return frame
    }

    @Test func checksumsMatchKnownValues() {
        #expect(Checksums.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(Checksums.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
    }

    @Test func pngHasValidChunksAndStoredZlibStream() throws {
        let bytes = PNGEncoder.encode(Self.gradient)
        #expect(Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // Walk the chunks: length, type, data, CRC over type and data.
        var offset = 8
        var types: [String] = []
        var idat: [UInt8] = []
        while offset < bytes.count {
            let length = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            let typed = Array(bytes[(offset + 4)..<(offset + 8 + length)])
            let crc = bytes[(offset + 8 + length)..<(offset + 12 + length)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            #expect(crc == Checksums.crc32(typed))
            let type = String(decoding: typed[0..<4], as: UTF8.self)
            types.append(type)
            if type == "IHDR" { #expect(Array(typed[4...]) == [0, 0, 0, 5, 0, 0, 0, 3, 8, 2, 0, 0, 0]) }
            if type == "IDAT" { idat = Array(typed[4...]) }
            offset += 12 + length
        }
        #expect(types == ["IHDR", "IDAT", "IEND"])
        // zlib header, one final stored block of 3 rows x (1 filter byte + 15 pixel bytes), Adler-32.
        #expect(Array(idat[0..<3]) == [0x78, 0x01, 0x01])
        #expect(Array(idat[3..<7]) == [48, 0, ~48 & 0xFF, 0xFF])
        #expect(idat.count == 2 + 5 + 48 + 4)
    }

    @Test func largePngSpansSeveralStoredBlocks() {
        let data = [UInt8](repeating: 7, count: 150_000)
        let stream = PNGEncoder.zlibStored(data)
        // Three blocks of 65,535, 65,535 and 18,930 bytes, 5 header bytes each.
        #expect(stream.count == 2 + 150_000 + 3 * 5 + 4)
        #expect(stream[2] == 0 && stream[2 + 5 + 65_535] == 0 && stream[2 + 2 * (5 + 65_535)] == 1)
    }

    @Test func pngDecodesToTheSamePixels() throws {
        if let reason = PythonImaging.unavailableReason {
            print("skipping the Pillow check of PNG files: \(reason)")
            return
        }
        let path = Self.temporaryPath("gradient.png")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try PNGEncoder.write(Self.gradient, to: path)
        let decoded = try PythonImaging.decode(path)
        #expect(decoded.width == 5 && decoded.height == 3)
        #expect(decoded.frames == [Self.gradient.pixels])
    }

    @Test func gifBlocksAreWellFormed() throws {
        let path = Self.temporaryPath("blocks.gif")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try GIFWriter(path: path, width: 5, height: 3, framesPerSecond: 10)
        var moved = Self.gradient
        moved[4, 2] = RGB(255, 255, 255)
        for frame in [Self.gradient, moved, moved] { try writer.append(frame) }
        try writer.finish()
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.count == writer.byteCount)
        #expect(Array(bytes[0..<6]) == Array("GIF89a".utf8))
        #expect(bytes[6] == 5 && bytes[8] == 3 && bytes.last == 0x3B)
        // Walk the blocks after the 13-byte header: extensions and images, each made of sub-blocks.
        var offset = 13
        var images: [(x: Int, y: Int, width: Int, height: Int)] = []
        var delays: [Int] = []
        var sawLoop = false
        func skipSubBlocks() {
            while bytes[offset] != 0 { offset += Int(bytes[offset]) + 1 }
            offset += 1
        }
        while bytes[offset] != 0x3B {
            if bytes[offset] == 0x21 {
                if bytes[offset + 1] == 0xFF { sawLoop = String(decoding: bytes[(offset + 3)..<(offset + 14)], as: UTF8.self) == "NETSCAPE2.0" }
                if bytes[offset + 1] == 0xF9 { delays.append(Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8) }
                offset += 2
                skipSubBlocks()
            } else {
                #expect(bytes[offset] == 0x2C)
                func field(_ index: Int) -> Int { Int(bytes[offset + 1 + 2 * index]) | Int(bytes[offset + 2 + 2 * index]) << 8 }
                images.append((field(0), field(1), field(2), field(3)))
                let packed = bytes[offset + 9]
                #expect(packed & 0x80 != 0)
                offset += 10 + 3 * (1 << (Int(packed & 7) + 1)) + 1
                skipSubBlocks()
            }
        }
        #expect(sawLoop && delays == [10, 10, 10])
        // The whole first frame, then only the changed pixel, then a 1-pixel no-op.
        #expect(images.map { [$0.x, $0.y, $0.width, $0.height] } == [[0, 0, 5, 3], [4, 2, 1, 1], [0, 0, 1, 1]])
        #expect(offset == bytes.count - 1)
    }

    @Test func gifDecodesToTheSameFrames() throws {
        if let reason = PythonImaging.unavailableReason {
            print("skipping the Pillow check of GIF files: \(reason)")
            return
        }
        // A gridworld episode: the agent walks right across the top row.
        var world = try GridWorld(map: GridMap(parsing: "S.G\n#HC"))
        _ = world.reset(seed: 0)
        var frames = [world.frame()]
        for _ in 0..<2 {
            _ = try world.step(2)
            frames.append(world.frame())
        }
        let path = Self.temporaryPath("episode.gif")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try GIFWriter(path: path, width: frames[0].width, height: frames[0].height, framesPerSecond: 4)
        for frame in frames { try writer.append(frame) }
        try writer.finish()
        let decoded = try PythonImaging.decode(path)
        #expect(decoded.width == frames[0].width && decoded.height == frames[0].height)
        #expect(decoded.loop == 0)
        #expect(decoded.frames == frames.map(\.pixels))
        #expect(writer.quantizedFrameCount == 0)
        // Three 97x65 RGB frames are 57 KB raw; the file is a small fraction of that.
        #expect(writer.byteCount < 3_000, "GIF size \(writer.byteCount)")
    }

    @Test func gifCodeTableFillsAndClearsOnNoisyFrames() throws {
        if let reason = PythonImaging.unavailableReason {
            print("skipping the Pillow check of a noisy GIF: \(reason)")
            return
        }
        // 200 colours in a seeded random pattern: tens of thousands of codes, so the 4,096-entry table fills many times.
        var generator = RandomGenerator(seed: 3)
        var frame = Frame(width: 160, height: 120)
        for y in 0..<120 { for x in 0..<160 { frame[x, y] = RGB(UInt8(generator.nextInt(below: 200)), 40, 90) } }
        let path = Self.temporaryPath("noise.gif")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try GIFWriter(path: path, width: 160, height: 120, framesPerSecond: 30)
        try writer.append(frame)
        try writer.finish()
        #expect(try PythonImaging.decode(path).frames == [frame.pixels])
    }

    @Test func gifQuantizesFramesWithMoreThan256Colors() throws {
        let path = Self.temporaryPath("quantized.gif")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try GIFWriter(path: path, width: 32, height: 32, framesPerSecond: 10)
        try writer.append(Self.manyColors)
        try writer.finish()
        #expect(writer.quantizedFrameCount == 1)
        if let reason = PythonImaging.unavailableReason {
            print("skipping the Pillow check of the quantized GIF: \(reason)")
            return
        }
        let decoded = try PythonImaging.decode(path).frames[0]
        // Each channel stays within a few levels of the original (1,024 colours in 256 boxes of about 4).
        let largestError = zip(decoded, Self.manyColors.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(largestError <= 12, "largest channel error \(largestError)")
    }

    @Test func gifRejectsFramesOfAnotherSizeAndBadPaths() throws {
        let path = Self.temporaryPath("size.gif")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try GIFWriter(path: path, width: 5, height: 3, framesPerSecond: 10)
        #expect(throws: GymError.self) { try writer.append(Frame(width: 4, height: 3)) }
        #expect(throws: GymError.self) {
            try GIFWriter(path: "/nonexistent-directory/x.gif", width: 5, height: 3, framesPerSecond: 10)
        }
    }

    @Test func gifWithoutFramesLeavesNoFile() throws {
        let path = Self.temporaryPath("empty.gif")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try GIFWriter(path: path, width: 5, height: 3, framesPerSecond: 10)
        #expect(FileManager.default.fileExists(atPath: path))
        try writer.finish()
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
