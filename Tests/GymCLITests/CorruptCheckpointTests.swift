import Foundation
import Testing

/// Checkpoints are untrusted input: crafted variants of a real one (truncated, overlapping, duplicated, overflowing,
/// non-finite, out of range) are refused with a message before anything is built, and the interpreter of the file
/// never dies of a signal.
@Suite(.enabled(if: CommandRunner.releaseGym != nil, "needs the release gym: swift build -c release --product gym"))
struct CorruptCheckpointTests {
    /// A safetensors file taken apart: its header as a JSON object and its data bytes.
    struct Parts {
        var header: [String: Any]
        var payload: Data

        init(_ data: Data) throws {
            let length = Int(data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
            header = try #require(try JSONSerialization.jsonObject(with: data.subdata(in: 8..<(8 + length))) as? [String: Any])
            payload = data.subdata(in: (8 + length)..<data.count)
        }

        /// The file with `headerText` as its header.
        func file(headerText: String) -> Data {
            let bytes = Data(headerText.utf8)
            var data = Data((0..<8).map { UInt8(truncatingIfNeeded: UInt64(bytes.count) >> (8 * UInt64($0))) })
            data.append(bytes)
            data.append(payload)
            return data
        }

        var headerText: String {
            get throws { String(decoding: try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]), as: UTF8.self) }
        }

        var file: Data { get throws { file(headerText: try headerText) } }

        /// The byte range of tensor `name`.
        func range(of name: String) throws -> Range<Int> {
            let offsets = try #require((header[name] as? [String: Any])?["data_offsets"] as? [Int])
            return offsets[0]..<offsets[1]
        }

        /// The tensor whose data starts first, and another one.
        func twoTensors() throws -> (first: String, second: String) {
            let names = try header.keys.filter { $0 != "__metadata__" }.sorted { try range(of: $0).lowerBound < range(of: $1).lowerBound }
            return (names[0], names[1])
        }

        /// Sets a field of the configuration saved in the metadata.
        mutating func setConfiguration(_ key: String, to value: Any) throws {
            var metadata = try #require(header["__metadata__"] as? [String: String])
            let saved = try #require(metadata["configuration"])
            var configuration = try #require(try JSONSerialization.jsonObject(with: Data(saved.utf8)) as? [String: Any])
            configuration[key] = value
            metadata["configuration"] = String(decoding: try JSONSerialization.data(withJSONObject: configuration), as: UTF8.self)
            header["__metadata__"] = metadata
        }
    }

    /// Each variant: what it does to the file, and a piece of the message.
    static let variants: [(String, @Sendable (Data) throws -> Data, String)] = [
        ("truncated", { $0.prefix($0.count - 100) }, "truncated"),
        ("header length overflowing", { data in Data(repeating: 0xFF, count: 8) + data.dropFirst(8) }, "not a safetensors file"),
        ("overlapping offsets", { data in
            var parts = try Parts(data)
            let (first, second) = try parts.twoTensors()
            var entry = try #require(parts.header[second] as? [String: Any])
            let length = try parts.range(of: second).count
            entry["data_offsets"] = [try parts.range(of: first).lowerBound, try parts.range(of: first).lowerBound + length]
            parts.header[second] = entry
            return try parts.file
        }, "overlaps"),
        ("duplicate names", { data in
            let parts = try Parts(data)
            let name = try parts.twoTensors().first
            let text = try parts.headerText
            let entry = try #require(text.range(of: "\"\(name)\":\\{[^}]*\\}", options: .regularExpression))
            let duplicated = String(text[entry]) + "," + String(text[entry])
            return parts.file(headerText: text.replacingCharacters(in: entry, with: duplicated))
        }, "appears twice"),
        ("overflowing shape", { data in
            var parts = try Parts(data)
            let name = try parts.twoTensors().first
            var entry = try #require(parts.header[name] as? [String: Any])
            entry["shape"] = [4_611_686_018_427_387_904, 4]
            parts.header[name] = entry
            return try parts.file
        }, "holds more elements"),
        ("NaN weight", { data in
            var parts = try Parts(data)
            let start = try parts.range(of: parts.twoTensors().first).lowerBound
            parts.payload.replaceSubrange(start..<(start + 4), with: [0x00, 0x00, 0xC0, 0x7F])
            return try parts.file
        }, "holds NaN or infinite values"),
        ("NaN optimizer step", { data in
            var parts = try Parts(data)
            let start = try parts.range(of: "optimizer.step").lowerBound
            parts.payload.replaceSubrange(start..<(start + 4), with: [0x00, 0x00, 0xC0, 0x7F])
            return try parts.file
        }, "'optimizer.step' holds NaN"),
        ("a 2^63-slot replay buffer", { data in
            var parts = try Parts(data)
            try parts.setConfiguration("bufferSize", to: Int.max)
            return try parts.file
        }, "buffer-size must be an integer"),
        ("a learning rate out of range", { data in
            var parts = try Parts(data)
            try parts.setConfiguration("learningRate", to: 1e300)
            return try parts.file
        }, "learning-rate must be a number"),
        ("a negative counter", { data in
            var parts = try Parts(data)
            var metadata = try #require(parts.header["__metadata__"] as? [String: String])
            metadata["steps_taken"] = "-5"
            parts.header["__metadata__"] = metadata
            return try parts.file
        }, "steps_taken"),
    ]

    static let directory: URL = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gym-corrupt-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }()

    /// A real DQN checkpoint of the gridworld, trained once.
    static let real: Result<Data, any Error> = Result {
        let binary = try #require(CommandRunner.releaseGym)
        let trained = try CommandRunner.run(["run", "dqn", "gridworld", "--steps", "300", "--learning-starts", "100",
                                             "--eval-episodes", "1", "--save", "real.safetensors"],
                                            binary: binary, in: CorruptCheckpointTests.directory)
        try #require(trained.status == 0, "\(trained.stderr)")
        return try Data(contentsOf: CorruptCheckpointTests.directory.appendingPathComponent("real.safetensors"))
    }

    @Test func aReencodedCopyLoads() throws {
        let copy = Self.directory.appendingPathComponent("copy.safetensors")
        try Parts(Self.real.get()).file.write(to: copy)
        let binary = try #require(CommandRunner.releaseGym)
        let output = try CommandRunner.run(["eval", "dqn", "gridworld", "--load", copy.path, "--episodes", "1"],
                                           binary: binary, timeLimit: 60)
        #expect(output.status == 0, "\(output.stderr)")
    }

    @Test(arguments: variants.indices)
    func aCorruptCheckpointIsRefused(index: Int) throws {
        let (name, corrupt, message) = Self.variants[index]
        let file = Self.directory.appendingPathComponent("variant-\(index).safetensors")
        try corrupt(Self.real.get()).write(to: file)
        let binary = try #require(CommandRunner.releaseGym)
        for command in ["eval", "watch"] {
            let output = try CommandRunner.run([command, "dqn", "gridworld", "--load", file.path, "--render", "ansi"],
                                               binary: binary, timeLimit: 60)
            #expect(!output.signaled && !output.timedOut, "\(name): gym \(command) died: \(output.stderr)")
            #expect(output.status != 0, "\(name): gym \(command) accepted it")
            #expect(output.stderr.contains(message), "\(name): \(output.stderr)")
        }
    }
}
