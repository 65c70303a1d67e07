/// GIF's variable-width LZW compression (codes of up to 12 bits, least significant bit first, a clear code when the
/// table is full), packed into the sub-blocks of at most 255 bytes an image's data is stored in.
struct LZWEncoder {
    private static let maximumCodes = 4096
    /// The code of the string `prefix` + `byte` at `prefix * 256 + byte`; 0 when absent (no string gets code 0,
    /// which is a single-colour root).
    private var children = [UInt16](repeating: 0, count: LZWEncoder.maximumCodes * 256)
    /// The slots of `children` in use, to empty them on a clear code.
    private var used: [Int] = []

    /// The image data for `indices`: the minimum code size byte, the sub-blocks and the zero-length terminator.
    ///
    /// `minimumCodeSize` is the number of bits of a palette index (at least 2, as GIF requires).
    mutating func encode(_ indices: [UInt8], minimumCodeSize: Int) -> [UInt8] {
        let clearCode = 1 << minimumCodeSize
        let endCode = clearCode + 1
        var writer = BitWriter()
        var codeSize = minimumCodeSize + 1
        var nextCode = endCode + 1
        writer.write(clearCode, bits: codeSize)
        if var prefix = indices.first.map(Int.init) {
            for byte in indices.dropFirst() {
                let slot = prefix * 256 + Int(byte)
                let child = Int(children[slot])
                if child != 0 {
                    prefix = child
                    continue
                }
                writer.write(prefix, bits: codeSize)
                if nextCode < Self.maximumCodes {
                    children[slot] = UInt16(nextCode)
                    used.append(slot)
                    nextCode += 1
                    // The decoder adds its entries one code later, so it widens once it has this many.
                    if nextCode > 1 << codeSize && codeSize < 12 { codeSize += 1 }
                } else {
                    writer.write(clearCode, bits: codeSize)
                    clear()
                    codeSize = minimumCodeSize + 1
                    nextCode = endCode + 1
                }
                prefix = Int(byte)
            }
            writer.write(prefix, bits: codeSize)
        }
        writer.write(endCode, bits: codeSize)
        clear()
        var data: [UInt8] = [UInt8(minimumCodeSize)]
        let bytes = writer.finish()
        var start = 0
        while start < bytes.count {
            let end = min(start + 255, bytes.count)
            data.append(UInt8(end - start))
            data += bytes[start..<end]
            start = end
        }
        data.append(0)
        return data
    }

    private mutating func clear() {
        for slot in used { children[slot] = 0 }
        used.removeAll(keepingCapacity: true)
    }
}

/// Packs codes into bytes, least significant bit first.
private struct BitWriter {
    private var bytes: [UInt8] = []
    private var buffer: UInt32 = 0
    private var count = 0

    mutating func write(_ code: Int, bits: Int) {
        buffer |= UInt32(code) << UInt32(count)
        count += bits
        while count >= 8 {
            bytes.append(UInt8(buffer & 0xFF))
            buffer >>= 8
            count -= 8
        }
    }

    mutating func finish() -> [UInt8] {
        if count > 0 { bytes.append(UInt8(buffer & 0xFF)) }
        return bytes
    }
}
