import Agents
import Foundation
import Gym

/// Runs any ``Learner`` (tabular, REINFORCE, actor-critic, SAC, and DQN, PPO and A2C on N copies) and any planner, and
/// owns what every run shares: stop requests, the moving average and the episode that reached the reward threshold,
/// the checkpoint (written at the end, and with the last good networks when training diverges; with the statistics
/// of normalization wrappers, ``LearnedStatistics``, in its metadata), the events its
/// observers receive, and the greedy evaluation.
///
/// A program gets everything `gym run` shows in a few lines:
///
///     let trainer = Trainer(rewardThreshold: 475, checkpoint: URL(fileURLWithPath: "cartpole.safetensors"))
///     trainer.observe(ProgressLine())
///     let result = try trainer.train(&agent, in: &environment)
///     let evaluation = try trainer.evaluate(in: &environment, episodes: 100, seed: 1, policy: agent.greedyAction)
public final class Trainer {
    /// Episodes in the moving average of training returns (and in ``TrainingResult/bestMovingAverage``).
    public static let movingAverageWindow = 100
    /// Evaluation episodes longer than this are cut when the environment has no time limit of its own.
    public static let evaluationStepCap = 10_000

    /// The mean return over ``movingAverageWindow`` episodes at which a task counts as solved, if it has one.
    public let rewardThreshold: Double?
    /// Where the learner is saved at the end of training (and after a divergence), if anywhere.
    public let checkpoint: URL?
    /// Entries added to the checkpoint's metadata (such as the environment's name).
    public let checkpointMetadata: [String: String]
    /// Asked between episodes; a request ends training after the current episode.
    public let stop: StopRequest
    /// Who receives the events.
    public private(set) var observers: [any TrainingObserver] = []
    /// Who follows every step.
    public private(set) var watchers: [any EpisodeWatcher] = []
    /// Outputs that failed at the end of training or evaluation (the checkpoint, a plot, a log), each with the
    /// reason: a failed write at the end does not lose the run's results.
    public private(set) var unwrittenOutputs: [String] = []

    /// A trainer; by default it obeys the process's signal handlers (``StopRequest/process``).
    public init(rewardThreshold: Double? = nil, checkpoint: URL? = nil, checkpointMetadata: [String: String] = [:],
                stop: StopRequest = .process) {
        self.rewardThreshold = rewardThreshold
        self.checkpoint = checkpoint
        self.checkpointMetadata = checkpointMetadata
        self.stop = stop
    }

    /// Sends the events to `observer` too.
    public func observe(_ observer: any TrainingObserver) {
        observers.append(observer)
    }

    /// Shows every step to `watcher` too; a watcher that is also an observer receives the events.
    public func watch(with watcher: any EpisodeWatcher) {
        watchers.append(watcher)
        if let observer = watcher as? any TrainingObserver { observe(observer) }
    }

    // MARK: - Training

    /// Trains `learner` on `environment` an episode at a time until its budget is spent or a stop is requested,
    /// then saves it to ``checkpoint``. A ``TrainingDiverged`` error is rethrown after the last good learner is saved
    /// and the observers have heard of it.
    @discardableResult
    public func train<L: EpisodeLearner, E: Environment>(_ learner: inout L, in environment: inout E) throws -> TrainingResult
    where E.Observation == L.Observation, E.Action == L.Action {
        var watched = Watched(environment, watchers: watchers)
        defer { environment = watched.base }
        // Whether the environment reports goals is a fact of its type: look for it once, and per episode only then.
        let reportsGoals = watched.base.capability(GoalReporting.self) != nil
        return try run(&learner, showing: { watched.base }) { learner in
            var episode = try learner.trainEpisode(in: &watched)
            if reportsGoals { episode.success = episode.success ?? watched.base.capability(GoalReporting.self)?.isAtGoal }
            return [episode]
        }
    }

    /// Trains `learner` on ``RolloutLearner/environmentCount`` copies of `environment` a rollout at a time, with the
    /// same stops, events, checkpoint and divergence handling as the episode loop above. The watchers follow copy 0
    /// (which the batch steps on this thread), and `environment` ends as copy 0 is.
    @discardableResult
    public func train<L: RolloutLearner, E: Environment>(_ learner: inout L, in environment: inout E) throws -> TrainingResult
    where E.Observation == L.Observation, E.Action == L.Action {
        let copies = [Watched(environment, watchers: watchers)]
            + Array(repeating: Watched(environment, watchers: []), count: learner.environmentCount - 1)
        let batch = try learner.makeBatch(of: copies)
        defer { environment = batch.environment(at: 0).base }
        return try run(&learner, showing: { batch.environment(at: 0).base }) { try $0.trainRollout(in: batch) }
    }

    /// The training loop both kinds of learner share: `round` trains one episode or rollout and returns the episodes
    /// that ended in it; `showing` is the environment a greedy demonstration starts from.
    private func run<L: Learner, E: Environment>(
        _ learner: inout L, showing environment: () -> E, round: (inout L) throws -> [TrainingEpisode]
    ) throws -> TrainingResult where E.Observation == L.Observation, E.Action == L.Action {
        let clock = ContinuousClock()
        let start = clock.now
        try notify { try $0.trainingStarted(TrainingStart(budget: learner.budget, figures: learner.figures)) }
        var updateError: (any Error)?
        if !observers.isEmpty {
            let observers = observers
            learner.onUpdate { event in
                do {
                    for observer in observers { try observer.updateFinished(event) }
                } catch {
                    updateError = updateError ?? error
                }
            }
        }
        let stop = stop
        learner.checkStops { stop.isRequested }
        defer {
            learner.onUpdate(nil)
            learner.checkStops(with: nil)
        }
        var movingAverage = MovingAverage(window: Self.movingAverageWindow)
        let wantsValueTable = observers.contains { $0.wantsValueTable }
        var result = TrainingResult(episodes: 0, steps: 0, figures: learner.figures, interrupted: false, seconds: 0)
        while !learner.isFinished {
            if stop.isRequested {
                result.interrupted = true
                break
            }
            let episodes: [TrainingEpisode]
            do {
                episodes = try round(&learner)
            } catch let divergence as TrainingDiverged {
                result.divergence = divergence
                try finish(&result, learner: learner, seconds: seconds(clock.now - start),
                           statistics: learnedStatistics(of: environment()))
                throw divergence
            }
            if let updateError { throw updateError }
            for episode in episodes {
                let average = movingAverage.add(episode.totalReward)
                if let average {
                    result.bestMovingAverage = max(result.bestMovingAverage ?? -.infinity, average)
                    result.finalMovingAverage = average
                    if let rewardThreshold, average >= rewardThreshold, result.solvedAtEpisode == nil {
                        result.solvedAtEpisode = episode.index
                    }
                }
                let event = EpisodeEvent(episode: episode, success: episode.success, movingAverage: average,
                                         figures: learner.figures,
                                         valueTable: wantsValueTable ? learner.valueTable : nil)
                try notify { try $0.episodeFinished(event) }
                for watcher in watchers {
                    guard let demonstration = watcher.demonstration(after: event) else { continue }
                    try demonstration.renderer.playEpisode(environment(), caption: demonstration.caption,
                                                           maxSteps: Demonstration.maxSteps, policy: learner.greedyAction)
                }
            }
        }
        try finish(&result, learner: learner, seconds: seconds(clock.now - start),
                   statistics: learnedStatistics(of: environment()))
        return result
    }

    /// The statistics the environment's wrappers learned (``LearnedStatistics``), for the checkpoint's metadata.
    private func learnedStatistics(of environment: some Environment) -> [String: String] {
        environment.capability(LearnedStatistics.self)?.statisticsEntries ?? [:]
    }

    /// Fills in the final counters, saves the learner (with `statistics` added to its metadata) and tells the
    /// observers.
    private func finish<L: Learner>(_ result: inout TrainingResult, learner: L, seconds: Double,
                                    statistics: [String: String]) throws {
        result.episodes = learner.episodesCompleted
        result.steps = learner.stepsTaken
        result.figures = learner.figures
        result.seconds = seconds
        if let checkpoint, learner.savesCheckpoints {
            do {
                try learner.save(to: checkpoint, metadata: checkpointMetadata.merging(statistics) { _, learned in learned })
                try notify { try $0.checkpointSaved(to: checkpoint, lastGood: result.divergence != nil) }
            } catch {
                unwrittenOutputs.append("the checkpoint: \(error)")
            }
        }
        let finished = result
        notifyRecordingFailures { try $0.trainingFinished(finished) }
    }

    // MARK: - Planning

    /// Solves `model` with `planner`, telling the observers (and the watchers, over `environment`) of every sweep.
    public func plan<E: Environment>(_ planner: some TabularPlanner, model: some TabularModel,
                                     showingOn environment: E) throws -> TabularSolution {
        let watchers = watchers
        let observers = observers
        let onSweep: ((PlanningSweep) throws -> Void)? = watchers.isEmpty && observers.isEmpty ? nil : { sweep in
            for observer in observers { try observer.sweepFinished(sweep) }
            for watcher in watchers { try watcher.sweepFinished(sweep, environment: environment) }
        }
        return try planner.solve(model, onSweep: onSweep)
    }

    // MARK: - Evaluation

    /// Runs `policy` greedily for `episodes` episodes, the first reset seeded with `seed`; a stop requested during
    /// the evaluation (not before it) ends it after the current episode.
    ///
    /// - Parameter maxSteps: cuts episodes of environments without a time limit of their own.
    public func evaluate<E: Environment>(in environment: inout E, episodes: Int, seed: UInt64, maxSteps: Int? = nil,
                                         policy: (E.Observation) -> E.Action) throws -> Evaluation {
        try notify { try $0.evaluationStarted() }
        var watched = Watched(environment, watchers: watchers)
        defer { environment = watched.base }
        let evaluation = try Evaluation(&watched, episodes: episodes, seed: seed, maxSteps: maxSteps, policy: policy,
                                        shouldStop: stop.laterRequest())
        notifyRecordingFailures { try $0.evaluationFinished(evaluation) }
        return evaluation
    }

    // MARK: - Plumbing

    private func notify(_ event: (any TrainingObserver) throws -> Void) throws {
        for observer in observers { try event(observer) }
    }

    /// Tells every observer of a final event; an observer that fails (a file it cannot write) is listed in
    /// ``unwrittenOutputs`` and the others still hear of it.
    private func notifyRecordingFailures(_ event: (any TrainingObserver) throws -> Void) {
        for observer in observers {
            do {
                try event(observer)
            } catch {
                unwrittenOutputs.append("\(error)")
            }
        }
    }

}
