import Agents
import Foundation
import Gym

/// `--tensorboard DIR`: a ``Trainer`` observer that writes the run to TensorBoard event files: every training
/// episode's return and length, ε, the moving average and steps/s; every ``updateInterval`` gradient updates the loss,
/// mean Q, value loss and entropy; the evaluation's results; the hyperparameters as a text table; and, when the run
/// records one, the GIF of its episodes as an image (TensorBoard plays it). The x axis is environment steps.
public final class TensorBoardLog: TrainingObserver {
    /// Gradient updates between loss points when none is given.
    public static let defaultUpdateInterval = 100

    /// The event file's writer.
    public let writer: TensorBoardWriter
    /// Gradient updates between loss points.
    public let updateInterval: Int
    /// The settings written as a table when training starts.
    public var hyperparameters: [String: String]
    private let clock = ContinuousClock()
    private var start: ContinuousClock.Instant
    private var steps = 0

    /// A log in `directory` (created when needed), with `hyperparameters` written as a table when training starts.
    public init(directory: String, hyperparameters: [String: String] = [:],
                updateInterval: Int = TensorBoardLog.defaultUpdateInterval) throws {
        guard updateInterval > 0 else {
            throw GymError("the TensorBoard update interval must be a positive number of updates, got \(updateInterval)")
        }
        writer = try TensorBoardWriter(directory: directory)
        self.hyperparameters = hyperparameters
        self.updateInterval = updateInterval
        start = clock.now
    }

    public func trainingStarted(_ start: TrainingStart) {
        self.start = clock.now
        guard !hyperparameters.isEmpty else { return }
        let rows = hyperparameters.sorted { $0.key < $1.key }.map { "|\($0.key)|\($0.value)|" }
        writer.text("hyperparameters", "|setting|value|\n|-|-|\n" + rows.joined(separator: "\n"), step: 0)
    }

    public func episodeFinished(_ event: EpisodeEvent) {
        let episode = event.episode
        steps = episode.totalSteps
        writer.scalar("charts/episodic_return", episode.totalReward, step: steps)
        writer.scalar("charts/episodic_length", Double(episode.length), step: steps)
        if let average = event.movingAverage { writer.scalar("charts/moving_average_return", average, step: steps) }
        if event.figures.epsilon != nil { writer.scalar("charts/epsilon", episode.epsilon, step: steps) }
        let elapsed = seconds(clock.now - start)
        if elapsed > 0 { writer.scalar("charts/steps_per_second", Double(steps) / elapsed, step: steps) }
    }

    public func updateFinished(_ event: UpdateEvent) {
        guard let updates = event.figures.updates, updates % updateInterval == 0 else { return }
        let figures = event.figures
        for (tag, value) in [("losses/loss", figures.loss), ("losses/mean_q", figures.meanQ),
                             ("losses/value_loss", figures.valueLoss), ("losses/entropy", figures.entropy)] {
            if let value { writer.scalar(tag, value, step: event.totalSteps) }
        }
    }

    public func trainingFinished(_ result: TrainingResult) throws {
        steps = result.steps
        try writer.flush()
    }

    public func evaluationFinished(_ evaluation: Evaluation) throws {
        writer.scalar("eval/mean_return", evaluation.meanReturn, step: steps)
        writer.scalar("eval/return_std", evaluation.returnStandardDeviation, step: steps)
        writer.scalar("eval/mean_length", evaluation.meanLength, step: steps)
        if let rate = evaluation.successRate { writer.scalar("eval/success_rate", rate, step: steps) }
        try writer.flush()
    }

    /// Adds the GIF recorded at `path` as the image `episodes/recording`.
    public func addRecording(at path: String) throws {
        let data = try InputFile.read(path, role: "recording")
        // A GIF's logical screen width and height follow its 6-byte signature, little-endian.
        guard data.count >= 10 else { throw GymError("'\(path)' is not a GIF file") }
        let width = Int(data[data.startIndex + 6]) | Int(data[data.startIndex + 7]) << 8
        let height = Int(data[data.startIndex + 8]) | Int(data[data.startIndex + 9]) << 8
        writer.image("episodes/recording", encoded: data, width: width, height: height, step: steps)
        try writer.flush()
    }
}
