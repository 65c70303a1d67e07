import Agents
import Foundation
import Gym

/// Receives a ``Trainer``'s events: the progress line, the JSON-lines log, the learning curve and the live display
/// are observers, and so can be a program's own. Every method has an empty default.
///
/// An observer that throws stops the run with its error (a log that cannot be written, a window that fails).
public protocol TrainingObserver: AnyObject {
    /// Training is about to begin.
    func trainingStarted(_ start: TrainingStart) throws
    /// A training episode ended.
    func episodeFinished(_ event: EpisodeEvent) throws
    /// A gradient update ended (neural agents).
    func updateFinished(_ event: UpdateEvent) throws
    /// A planner finished a sweep (value iteration) or an improvement step (policy iteration).
    func sweepFinished(_ sweep: PlanningSweep) throws
    /// Training ended: its budget was spent, a stop was requested, or it diverged.
    func trainingFinished(_ result: TrainingResult) throws
    /// A checkpoint was written (at the end, or with the last good networks after a divergence).
    func checkpointSaved(to url: URL, lastGood: Bool) throws
    /// A greedy evaluation is about to begin.
    func evaluationStarted() throws
    /// A greedy evaluation ended.
    func evaluationFinished(_ evaluation: Evaluation) throws
    /// Whether episode events should carry the learner's value table (it costs a pass over the table).
    var wantsValueTable: Bool { get }
}

extension TrainingObserver {
    public func trainingStarted(_ start: TrainingStart) throws {}
    public func episodeFinished(_ event: EpisodeEvent) throws {}
    public func updateFinished(_ event: UpdateEvent) throws {}
    public func sweepFinished(_ sweep: PlanningSweep) throws {}
    public func trainingFinished(_ result: TrainingResult) throws {}
    public func checkpointSaved(to url: URL, lastGood: Bool) throws {}
    public func evaluationStarted() throws {}
    public func evaluationFinished(_ evaluation: Evaluation) throws {}
    public var wantsValueTable: Bool { false }
}

/// What a training is about to do.
public struct TrainingStart: Sendable {
    /// The learner's budget.
    public var budget: TrainingBudget
    /// The learner's figures before the first episode (which of them are present tells what it reports).
    public var figures: LearningFigures

    public init(budget: TrainingBudget, figures: LearningFigures) {
        self.budget = budget
        self.figures = figures
    }
}

/// One finished training episode, with the trainer's running figures.
public struct EpisodeEvent {
    /// The episode as the learner reports it.
    public var episode: TrainingEpisode
    /// Whether the episode ended at the goal, for environments that report goals.
    public var success: Bool?
    /// The mean return of the latest ``Trainer/movingAverageWindow`` episodes, once there are that many.
    public var movingAverage: Double?
    /// The learner's figures after the episode.
    public var figures: LearningFigures
    /// The learner's values and greedy policy, for tabular learners, when an observer asked for them
    /// (``TrainingObserver/wantsValueTable``).
    public var valueTable: ValueTable?

    public init(episode: TrainingEpisode, success: Bool?, movingAverage: Double?, figures: LearningFigures,
                valueTable: ValueTable?) {
        self.episode = episode
        self.success = success
        self.movingAverage = movingAverage
        self.figures = figures
        self.valueTable = valueTable
    }
}

/// How a training ended.
public struct TrainingResult: Sendable {
    /// Training episodes finished.
    public var episodes: Int
    /// Environment steps taken in training.
    public var steps: Int
    /// The learner's figures at the end (updates, final loss, ε).
    public var figures: LearningFigures
    /// Whether a stop request ended training before its budget.
    public var interrupted: Bool
    /// The best mean return over ``Trainer/movingAverageWindow`` consecutive episodes.
    public var bestMovingAverage: Double?
    /// The mean return of the last ``Trainer/movingAverageWindow`` episodes (the moving average where training ended).
    public var finalMovingAverage: Double?
    /// The episode at which the moving average first reached the reward threshold.
    public var solvedAtEpisode: Int?
    /// Wall-clock seconds of training.
    public var seconds: Double
    /// The divergence that stopped training, if one did (the learner keeps its last good state).
    public var divergence: TrainingDiverged?

    public init(episodes: Int, steps: Int, figures: LearningFigures, interrupted: Bool, bestMovingAverage: Double? = nil,
                solvedAtEpisode: Int? = nil, seconds: Double, divergence: TrainingDiverged? = nil) {
        self.episodes = episodes
        self.steps = steps
        self.figures = figures
        self.interrupted = interrupted
        self.bestMovingAverage = bestMovingAverage
        self.solvedAtEpisode = solvedAtEpisode
        self.seconds = seconds
        self.divergence = divergence
    }
}
