import Foundation
import Gym

/// Everything one run is asked to do, already parsed: `gym run` and `gym eval` fill it from flags, a program fills it
/// in code, and ``TrainingSession`` carries it out.
public struct RunPlan: Sendable {
    /// The agent.
    public var agent: AgentKind
    /// The environment's name as given (a registered name or alias).
    public var environmentName: String
    /// The environment's specification.
    public var spec: EnvironmentSpec
    /// Seed of the agent and the first reset; the evaluation uses `seed + 1`.
    public var seed: UInt64 = 0
    /// Settings that override the tuned preset (or a loaded checkpoint's configuration).
    public var settings: [SettingValue] = []
    /// Greedy evaluation episodes (in ``evaluationEpisodeRange``).
    public var evaluationEpisodes = 1_000
    /// Whether training shows the progress line on standard error.
    public var showsProgress = true
    /// Where the trained agent is saved (neural agents).
    public var save: URL?
    /// A checkpoint to start from (training) or to evaluate.
    public var load: URL?
    /// Extra entries for the checkpoint's metadata (such as the pixel size the environment was observed at).
    public var checkpointMetadata: [String: String] = [:]
    /// Normalize observations by their running mean and variance (``NormalizeObservation``) in continuous-control
    /// runs; the statistics are saved in the checkpoint and frozen for the evaluation.
    public var normalizeObservations = false
    /// Paint values and the greedy policy over the environment (tabular agents).
    public var showValues = false
    /// What to show and record; `nil` shows nothing.
    public var display: DisplayRequest?
    /// The JSON-lines log file.
    public var log: String?
    /// Gradient updates between the log's update lines.
    public var logUpdateInterval = EpisodeLog.defaultUpdateInterval
    /// The learning-curve SVG file.
    public var plot: String?
    /// A directory for TensorBoard event files.
    public var tensorboard: String?

    /// A plan for `agent` on the environment `environmentName` registered as `spec`, with the defaults.
    public init(agent: AgentKind, environmentName: String, spec: EnvironmentSpec) {
        self.agent = agent
        self.environmentName = environmentName
        self.spec = spec
    }

    /// The valid numbers of evaluation episodes (each episode's figures are kept in memory).
    public static let evaluationEpisodeRange = 1...10_000_000

    /// The files this plan writes, by role, for ``OutputFiles/check(_:)``.
    public var outputs: [(role: String, path: String)] {
        [("the checkpoint", save?.path), ("the log", log), ("the plot", plot), ("the recording", display?.record)]
            .compactMap { role, path in path.map { (role, $0) } }
    }

    /// The title of windows and plots.
    public var title: String { "\(agent.rawValue) on \(environmentName)" }

    /// The metadata a checkpoint records, so that loading it on another environment fails clearly.
    var fullCheckpointMetadata: [String: String] {
        checkpointMetadata.merging(["env": spec.canonicalName]) { _, new in new }
    }

    /// The per-episode cut for evaluation: none when the environment has a time limit of its own.
    var evaluationStepLimit: Int? {
        spec.maxEpisodeSteps == nil ? Trainer.evaluationStepCap : nil
    }
}
