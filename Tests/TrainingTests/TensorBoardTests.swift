import Foundation
import Testing
@testable import Training

/// TensorBoard event files written natively: the checksum against its published check value, the framing read back
/// here, and the values read back by TensorBoard's own `EventAccumulator` (skipped, with a message, where Python's
/// `tensorboard` package is absent; CI installs it).
@Suite struct TensorBoardTests {
    static let pythonHasTensorBoard: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import tensorboard"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test func crc32cMatchesItsCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    }

    /// A directory with one event file holding known scalars, a text and an image.
    static func writeEvents() throws -> (directory: URL, file: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gym-tb-\(UUID().uuidString)")
        let writer = try TensorBoardWriter(directory: directory.path)
        for step in 0..<5 { writer.scalar("charts/episodic_return", Double(step) * 1.5 - 2, step: step * 100) }
        writer.text("hyperparameters", "|setting|value|\n|-|-|\n|batch_size|64|", step: 0)
        writer.image("episodes/recording", encoded: Data([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 3, 0, 2, 0]), width: 3,
                     height: 2, step: 400)
        try writer.flush()
        return (directory, writer.url)
    }

    @Test func recordsAreFramedWithMaskedChecksums() throws {
        let (directory, file) = try Self.writeEvents()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = [UInt8](try Data(contentsOf: file))
        var offset = 0
        var records = 0
        func word<T: FixedWidthInteger>(_ type: T.Type, at position: Int) -> T {
            data[position..<(position + MemoryLayout<T>.size)].reversed().reduce(T(0)) { $0 << 8 | T($1) }
        }
        while offset < data.count {
            let lengthBytes = Array(data[offset..<(offset + 8)])
            let length = Int(word(UInt64.self, at: offset))
            #expect(word(UInt32.self, at: offset + 8) == CRC32C.masked(lengthBytes))
            let record = Array(data[(offset + 12)..<(offset + 12 + length)])
            #expect(word(UInt32.self, at: offset + 12 + length) == CRC32C.masked(record))
            offset += 16 + length
            records += 1
        }
        #expect(offset == data.count && records == 8)   // the version event, 5 scalars, a text, an image
    }

    @Test(.enabled(if: pythonHasTensorBoard, "Python's tensorboard package is not installed (pip install tensorboard)"))
    func tensorBoardReadsBackTheValues() throws {
        let (directory, _) = try Self.writeEvents()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = """
            import json, sys
            from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
            run = EventAccumulator(sys.argv[1], size_guidance={"scalars": 0, "images": 0, "tensors": 0})
            run.Reload()
            image = run.Images("episodes/recording")[0]
            print(json.dumps({
                "scalars": [[event.step, event.value] for event in run.Scalars("charts/episodic_return")],
                "text": run.Tensors("hyperparameters")[0].tensor_proto.string_val[0].decode(),
                "image": [image.step, image.width, image.height, len(image.encoded_image_string)],
            }))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, directory.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let read = try #require(try JSONSerialization.jsonObject(with: printed) as? [String: Any])
        let scalars = try #require(read["scalars"] as? [[Double]])
        let expected: [[Double]] = (0..<5).map { step in [Double(step * 100), Double(step) * 1.5 - 2] }
        #expect(scalars == expected)
        #expect(read["text"] as? String == "|setting|value|\n|-|-|\n|batch_size|64|")
        #expect(read["image"] as? [Int] == [400, 3, 2, 10])
    }
}
