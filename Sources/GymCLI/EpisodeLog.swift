import Foundation
import Agents
import Gym

/// `--log FILE`: one JSON object per episode (and, for neural agents, per N updates), one per line, with
/// snake_case keys.
final class EpisodeLog {
    /// One line of the log.
    struct Line: Encodable {
        var phase: String
        var episode: Int
        var `return`: Double
        var length: Int
        var terminated: Bool?
        var success: Bool?
        var epsilon: Double?
        var totalSteps: Int?
        var loss: Double?
        var meanQ: Double?
        var valueLoss: Double?
        var entropy: Double?
    }

    /// A line written every N gradient updates of a neural agent.
    struct UpdateLine: Encodable {
        var phase = "update"
        var updates: Int
        var totalSteps: Int
        var episodes: Int
        var loss: Double?
        var meanQ: Double?
        var epsilon: Double?
        var valueLoss: Double?
        var entropy: Double?
    }

    private let handle: FileHandle
    private let encoder = JSONEncoder()
    private var buffer = Data()

    /// Creates (or truncates) the file at `path`.
    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw GymError("cannot write the log file '\(path)': check that its directory exists and is writable")
        }
        self.handle = handle
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase   // totalSteps → total_steps, meanQ → mean_q, …
    }

    /// Appends one line.
    func write(_ line: some Encodable) throws {
        buffer.append(try encoder.encode(line))
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Appends one line per evaluation episode and flushes.
    func writeEvaluation(_ evaluation: Evaluation) throws {
        for (index, (episodeReturn, length)) in zip(evaluation.episodeReturns, evaluation.episodeLengths).enumerated() {
            try write(Line(phase: "eval", episode: index + 1, return: episodeReturn, length: length))
        }
        flush()
    }

    /// Writes buffered lines to the file.
    func flush() {
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    deinit {
        flush()
        try? handle.close()
    }
}
