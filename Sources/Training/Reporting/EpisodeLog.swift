import Agents
import Foundation
import Gym

/// `--log FILE`: one JSON object per training episode, per evaluation episode and (for neural agents) per
/// ``updateInterval`` gradient updates, one per line, with snake_case keys.
public final class EpisodeLog: TrainingObserver {
    /// One line: an episode (training or evaluation) or an update; absent figures are left out.
    private struct Line: Encodable {
        var phase: String
        var episode: Int?
        var `return`: Double?
        var length: Int?
        var terminated: Bool?
        var success: Bool?
        var totalSteps: Int?
        var episodes: Int?
        var updates: Int?
        var epsilon: Double?
        var loss: Double?
        var meanQ: Double?
        var valueLoss: Double?
        var entropy: Double?

        init(phase: String, episode: Int? = nil, return: Double? = nil, length: Int? = nil, terminated: Bool? = nil,
             success: Bool? = nil, totalSteps: Int? = nil, episodes: Int? = nil, figures: LearningFigures? = nil) {
            self.phase = phase
            self.episode = episode
            self.return = `return`
            self.length = length
            self.terminated = terminated
            self.success = success
            self.totalSteps = totalSteps
            self.episodes = episodes
            updates = figures?.updates
            epsilon = figures?.epsilon
            loss = figures?.loss
            meanQ = figures?.meanQ
            valueLoss = figures?.valueLoss
            entropy = figures?.entropy
        }
    }

    /// Gradient updates between update lines when none is given.
    public static let defaultUpdateInterval = 1_000

    /// Gradient updates between update lines.
    public let updateInterval: Int
    /// The file.
    public let path: String
    private let handle: FileHandle
    private let encoder = JSONEncoder()
    private var buffer = Data()
    /// The first write that failed; later lines are dropped and the failure is reported when training or the
    /// evaluation ends.
    private var failure: GymError?

    /// Creates (or truncates) the file at `path`; an update line is written every `updateInterval` updates.
    public init(path: String, updateInterval: Int = EpisodeLog.defaultUpdateInterval) throws {
        guard updateInterval > 0 else {
            throw GymError("the log's update interval must be a positive number of updates, got \(updateInterval)")
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw GymError("cannot write the log file '\(path)': check that its directory exists and is writable")
        }
        self.handle = handle
        self.path = path
        self.updateInterval = updateInterval
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase   // totalSteps → total_steps, meanQ → mean_q, …
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf",
                                                                      nan: "nan")
    }

    public func episodeFinished(_ event: EpisodeEvent) throws {
        let episode = event.episode
        var figures = event.figures
        if figures.epsilon != nil { figures.epsilon = episode.epsilon }   // the ε the episode was played with
        try write(Line(phase: "train", episode: episode.index, return: episode.totalReward, length: episode.length,
                       terminated: episode.terminated, success: event.success, totalSteps: episode.totalSteps,
                       figures: figures))
    }

    public func updateFinished(_ event: UpdateEvent) throws {
        guard let updates = event.figures.updates, updates % updateInterval == 0 else { return }
        try write(Line(phase: "update", totalSteps: event.totalSteps, episodes: event.episodes, figures: event.figures))
    }

    public func trainingFinished(_ result: TrainingResult) throws {
        try flushReportingFailure()
    }

    public func evaluationFinished(_ evaluation: Evaluation) throws {
        for (index, (episodeReturn, length)) in zip(evaluation.episodeReturns, evaluation.episodeLengths).enumerated() {
            try write(Line(phase: "eval", episode: index + 1, return: episodeReturn, length: length))
        }
        try flushReportingFailure()
    }

    private func write(_ line: Line) throws {
        buffer.append(try encoder.encode(line))
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes buffered lines to the file (none after a failure).
    private func flush() {
        if failure == nil {
            do {
                try handle.write(contentsOf: buffer)
            } catch {
                failure = GymError("the log '\(path)' could not be written: \(error.localizedDescription)")
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes buffered lines, then throws the first failure, if any.
    private func flushReportingFailure() throws {
        flush()
        if let failure { throw failure }
    }

    deinit {
        flush()
        try? handle.close()
    }
}
