import Agents
import Environments
import Foundation
import Gym
import Testing
import Training

/// Records every event a trainer sends.
final class EventRecorder: TrainingObserver {
    var starts = 0
    var episodes: [EpisodeEvent] = []
    var updates: [UpdateEvent] = []
    var sweeps: [PlanningSweep] = []
    var results: [TrainingResult] = []
    var checkpoints: [(url: URL, lastGood: Bool)] = []
    var evaluations: [Evaluation] = []
    /// Called after each episode event (to request a stop, say).
    var afterEpisode: (EpisodeEvent) -> Void = { _ in }

    func trainingStarted(_ start: TrainingStart) { starts += 1 }
    func episodeFinished(_ event: EpisodeEvent) {
        episodes.append(event)
        afterEpisode(event)
    }
    func updateFinished(_ event: UpdateEvent) { updates.append(event) }
    func sweepFinished(_ sweep: PlanningSweep) { sweeps.append(sweep) }
    func trainingFinished(_ result: TrainingResult) { results.append(result) }
    func checkpointSaved(to url: URL, lastGood: Bool) { checkpoints.append((url, lastGood)) }
    func evaluationFinished(_ evaluation: Evaluation) { evaluations.append(evaluation) }
}

@Suite struct TrainerTests {
    /// FrozenLake 4x4 without slipping: 16 states, the goal six moves away, reward 1 there.
    static func smallMaze() throws -> TimeLimit<GridWorld> {
        TimeLimit(try GridWorld.frozenLake(slippery: false), maxEpisodeSteps: 100)
    }

    static func learner(episodes: Int) throws -> QLearning {
        var configuration = QLearning.Configuration()
        configuration.budget = .episodes(episodes)
        configuration.learningRate = 0.5
        return try QLearning(stateCount: 16, actionCount: 4, configuration: configuration)
    }

    @Test func movingAverageAndSolvedAtFollowTheReturns() throws {
        var maze = try Self.smallMaze()
        var learner = try Self.learner(episodes: 300)
        let trainer = Trainer(rewardThreshold: 0.9, stop: StopRequest())
        let recorder = EventRecorder()
        trainer.observe(recorder)
        let result = try trainer.train(&learner, in: &maze)

        #expect(recorder.starts == 1 && recorder.results.count == 1)
        #expect(recorder.episodes.map(\.episode.index) == Array(1...300))
        #expect(result.episodes == 300 && !result.interrupted)
        // The moving averages, computed here from the returns alone.
        let returns = recorder.episodes.map(\.episode.totalReward)
        let window = Trainer.movingAverageWindow
        let averages = (window...returns.count).map { end in
            returns[(end - window)..<end].reduce(0, +) / Double(window)
        }
        #expect(abs((result.bestMovingAverage ?? .nan) - (averages.max() ?? .nan)) < 1e-9)
        #expect(abs((result.finalMovingAverage ?? .nan) - (averages.last ?? .nan)) < 1e-9)
        let solved = averages.firstIndex { $0 >= 0.9 }.map { $0 + window }
        #expect(solved != nil)
        #expect(result.solvedAtEpisode == solved)
        #expect(recorder.episodes[window - 2].movingAverage == nil && recorder.episodes[window - 1].movingAverage != nil)
        #expect(recorder.episodes.allSatisfy { $0.success != nil })
    }

    @Test func aStopRequestEndsTrainingButNotTheEvaluationAfterIt() throws {
        var maze = try Self.smallMaze()
        var learner = try Self.learner(episodes: 1_000)
        let stop = StopRequest()
        let trainer = Trainer(stop: stop)
        let recorder = EventRecorder()
        recorder.afterEpisode = { event in if event.episode.index == 7 { stop.request() } }
        trainer.observe(recorder)
        let result = try trainer.train(&learner, in: &maze)
        #expect(result.interrupted && result.episodes == 7 && recorder.episodes.count == 7)

        // The stop came before the evaluation, so the evaluation runs all its episodes.
        let evaluation = try trainer.evaluate(in: &maze, episodes: 20, seed: 1, policy: learner.greedyAction)
        #expect(evaluation.episodes == 20 && recorder.evaluations.count == 1)
    }

    @Test func aStopDuringTheEvaluationEndsItAfterTheCurrentEpisode() throws {
        var maze = try Self.smallMaze()
        let stop = StopRequest()
        let trainer = Trainer(stop: stop)
        var played = 0
        let evaluation = try trainer.evaluate(in: &maze, episodes: 50, seed: 1) { _ in
            played += 1
            if played == 30 { stop.request() }
            return 0
        }
        #expect(evaluation.episodes < 50 && evaluation.episodes >= 1)
    }

    @Test func aDivergenceKeepsTheLastGoodCheckpoint() throws {
        var configuration = DQNConfiguration.discreteStates
        configuration.totalSteps = 5_000
        configuration.learningStarts = 10
        configuration.trainFrequency = 1
        configuration.batchSize = 16
        configuration.hiddenLayers = [16]
        configuration.learningRate = 1e9
        var agent = try DQN(encoder: OneHotEncoder(count: 16), actionCount: 4, configuration: configuration)
        var maze = try Self.smallMaze()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("diverged-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        let trainer = Trainer(checkpoint: url, checkpointMetadata: ["env": "maze"], stop: StopRequest())
        let recorder = EventRecorder()
        trainer.observe(recorder)

        #expect(throws: TrainingDiverged.self) { try trainer.train(&agent, in: &maze) }
        #expect(recorder.checkpoints.count == 1 && recorder.checkpoints.first?.lastGood == true)
        #expect(recorder.results.first?.divergence != nil)
        #expect(!recorder.updates.isEmpty)
        let saved = try DQN<OneHotEncoder>.load(from: url, encoder: OneHotEncoder(count: 16), actionCount: 4)
        #expect(saved.updates == agent.updates)
        #expect(saved.network.parameters.flatMap { $0.value.scalars }.allSatisfy { $0.isFinite })
    }

    static func smallPPO() throws -> PPO<OneHotEncoder> {
        var configuration = OnPolicyConfiguration.ppoDiscreteStates
        configuration.totalSteps = 320
        configuration.environmentCount = 4
        configuration.rolloutSteps = 8
        configuration.minibatchSize = 16
        configuration.hiddenLayers = [16]
        return try PPO(encoder: OneHotEncoder(count: 16), actionCount: 4, configuration: configuration)
    }

    /// Counts the steps it is shown.
    final class StepCounter: EpisodeWatcher {
        var steps = 0
        func episodeStarted<E: Environment>(_ environment: E) {}
        func stepped<E: Environment>(_ environment: E, reward: Double) { steps += 1 }
    }

    @Test func rolloutLearnersReportEveryEpisodeOfEveryCopyAndShowCopyZero() throws {
        var agent = try Self.smallPPO()
        var maze = try Self.smallMaze()
        let trainer = Trainer(stop: StopRequest())
        let recorder = EventRecorder(), counter = StepCounter()
        trainer.observe(recorder)
        trainer.watch(with: counter)
        let result = try trainer.train(&agent, in: &maze)
        #expect(result.steps == 320 && result.episodes == agent.episodesCompleted && result.episodes > 0)
        #expect(recorder.episodes.map(\.episode.index) == Array(1...result.episodes))
        #expect(recorder.episodes.allSatisfy { $0.success != nil })
        #expect(recorder.updates.count == agent.updates && agent.updates == 10 * 4 * 2)
        #expect(counter.steps == 320 / 4)
    }

    /// One-step episodes whose reward overflows any squared error.
    struct Overflowing: DiscreteEnvironment {
        var observationSpace: Discrete { Discrete(16) }
        var actionSpace: Discrete { Discrete(4) }
        mutating func reset(seed: UInt64?) -> Int { 0 }
        mutating func step(_ action: Int) -> Step<Int> { Step(observation: 0, reward: 1e38, terminated: true) }
    }

    @Test func aRolloutLearnersDivergenceKeepsTheLastGoodCheckpoint() throws {
        var agent = try Self.smallPPO()
        var environment = Overflowing()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("diverged-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        let trainer = Trainer(checkpoint: url, checkpointMetadata: ["env": "overflowing"], stop: StopRequest())
        let recorder = EventRecorder()
        trainer.observe(recorder)
        #expect(throws: TrainingDiverged.self) { try trainer.train(&agent, in: &environment) }
        #expect(recorder.checkpoints.count == 1 && recorder.checkpoints.first?.lastGood == true)
        #expect(agent.updates == 0 && agent.stepsTaken == 32)
        let saved = try PPO<OneHotEncoder>.load(from: url, encoder: OneHotEncoder(count: 16), actionCount: 4)
        #expect(saved.network.parameters.flatMap { $0.value.scalars } == agent.network.parameters.flatMap { $0.value.scalars })
    }

    @Test func plannersReportEverySweep() throws {
        let maze = try Self.smallMaze()
        let trainer = Trainer(stop: StopRequest())
        let recorder = EventRecorder()
        trainer.observe(recorder)
        let solution = try trainer.plan(ValueIteration(), model: maze.base, showingOn: maze)
        #expect(recorder.sweeps.count == solution.iterations)
        #expect(recorder.sweeps.map(\.iteration) == Array(1...solution.iterations))
        #expect(recorder.sweeps.last?.values == solution.values)
        #expect(recorder.sweeps.last?.policy == solution.policy)
        #expect(recorder.sweeps.last?.residual == solution.residual)
    }
}

@Suite struct LearnedStatisticsCheckpointTests {
    @Test func theCheckpointHoldsTheNormalizationStatisticsOfTheTrainedEnvironment() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stats-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        var configuration = SACConfiguration()
        configuration.totalSteps = 60
        configuration.learningStarts = 30
        configuration.batchSize = 8
        configuration.bufferSize = 100
        configuration.hiddenLayers = [8]
        var agent = try SAC(encoder: VectorEncoder(size: 3), actionCount: 1, configuration: configuration)
        var environment = try RescaleAction(NormalizeObservation(TimeLimit(Pendulum(), maxEpisodeSteps: 20)))
        let trainer = Trainer(checkpoint: url, checkpointMetadata: ["env": "pendulum"], stop: StopRequest())
        try trainer.train(&agent, in: &environment)
        let metadata = try CheckpointFile.read(url).metadata
        #expect(metadata["env"] == "pendulum")
        let saved = try RunningMeanVariance<Float>.saved(under: "normalize_observation", in: metadata, size: 3)
        #expect(saved == environment.base.statistics)
        #expect(saved?.count == 60 + 3 + 1e-4)   // 60 steps and 3 resets
    }
}
