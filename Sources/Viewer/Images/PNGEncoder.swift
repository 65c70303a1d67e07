import Foundation
import Gym

/// Writes frames as PNG files: 8-bit RGB, no interlacing, the pixels in zlib stored (uncompressed) deflate blocks.
///
/// Stored blocks keep the encoder a few dozen lines and every PNG reader opens the result; the files are about as
/// large as the raw pixels.
public enum PNGEncoder {
    /// The PNG file's bytes for `frame`.
    public static func encode(_ frame: Frame) -> [UInt8] {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(frame.width))
        header.appendBigEndian(UInt32(frame.height))
        header += [8, 2, 0, 0, 0]   // bit depth 8, colour type 2 (RGB), deflate, filter method 0, no interlace
        appendChunk("IHDR", header, to: &bytes)
        appendChunk("IDAT", zlibStored(scanlines(of: frame)), to: &bytes)
        appendChunk("IEND", [], to: &bytes)
        return bytes
    }

    /// Writes `frame` to `path` as a PNG file; the error names the path.
    public static func write(_ frame: Frame, to path: String) throws {
        do {
            try Data(encode(frame)).write(to: URL(fileURLWithPath: path))
        } catch {
            throw GymError("cannot write the PNG file '\(path)': \(error.localizedDescription)")
        }
    }

    /// Each row preceded by its filter type, 0 (none).
    private static func scanlines(of frame: Frame) -> [UInt8] {
        let rowBytes = frame.width * 3
        var data: [UInt8] = []
        data.reserveCapacity((rowBytes + 1) * frame.height)
        for row in 0..<frame.height {
            data.append(0)
            data += frame.pixels[(row * rowBytes)..<((row + 1) * rowBytes)]
        }
        return data
    }

    /// A zlib stream (RFC 1950) holding `data` in stored deflate blocks (RFC 1951, BTYPE 00) of at most 65,535 bytes.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var stream: [UInt8] = [0x78, 0x01]   // deflate with a 32 KiB window, no dictionary, fastest level
        var start = 0
        repeat {
            let end = min(start + 65_535, data.count)
            stream.append(end == data.count ? 1 : 0)   // BFINAL on the last block; BTYPE 00
            let length = UInt16(end - start)
            stream.appendLittleEndian(length)
            stream.appendLittleEndian(~length)
            stream += data[start..<end]
            start = end
        } while start < data.count
        stream.appendBigEndian(Checksums.adler32(data))
        return stream
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to bytes: inout [UInt8]) {
        bytes.appendBigEndian(UInt32(data.count))
        let typed = Array(type.utf8) + data
        bytes += typed
        bytes.appendBigEndian(Checksums.crc32(typed))
    }
}
