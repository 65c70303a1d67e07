import Testing
@testable import TensorCore

/// Bit planes expanded into 0s and 1s on every kernel, against the bits read one by one.
extension KernelTests {
    @Test(arguments: [1, 15, 16, 17, 63, 64, 65, 100, 128])
    func unpackedBitPlanesAreTheirBits(bits: Int) {
        var generator = SeededGenerator(seed: UInt64(bits))
        let planes = 3, wordsPerPlane = 2
        let words = (0..<planes * wordsPerPlane).map { _ in generator.next() }
        let expected: [Float] = (0..<planes).flatMap { plane in
            (0..<bits).map { i in Float((words[plane * wordsPerPlane + i / 64] >> UInt64(i % 64)) & 1) }
        }
        let sentinel: Float = -7
        forEachKernel { name in
            var out = [Float](repeating: sentinel, count: planes * bits + 16)
            words.withUnsafeBufferPointer { words in
                out.withUnsafeMutableBufferPointer { out in
                    BitPlanes.unpack(words, planes: planes, bits: bits, wordsPerPlane: wordsPerPlane, into: out)
                }
            }
            #expect(Array(out[..<(planes * bits)]) == expected, "kernel \(name): \(bits) bits")
            #expect(out[(planes * bits)...].allSatisfy { $0 == sentinel }, "kernel \(name): wrote past the planes")
        }
    }
}
