import Agents
import Environments
import Gym
import Testing

/// DQN on N copies of the environment (``DQN/trainRollout(in:)``): one copy trains exactly as a single environment
/// does, the schedule counts steps over all copies, threads change nothing, and a truncated episode's transition keeps
/// its true final observation.
@Suite struct BatchedDQNTests {
    /// A DQN of `configuration` on the small maze, trained through batched steps of `copies` copies on `threads`.
    static func trainBatched(_ configuration: DQNConfiguration, copies: Int, threads: Int) throws -> DQN<OneHotEncoder> {
        var configuration = configuration
        configuration.environmentCount = copies
        configuration.threads = threads
        let agent = try DQN(encoder: OneHotEncoder(count: 12), actionCount: 4, configuration: configuration)
        let batch = try agent.makeBatch(of: Array(repeating: try DQNTests.smallMaze(), count: copies))
        while !agent.isFinished { try agent.trainRollout(in: batch) }
        return agent
    }

    static func parameters(of agent: DQN<OneHotEncoder>) -> [Float] {
        (agent.network.parameters + agent.targetNetwork.parameters).flatMap { $0.value.scalars }
    }

    @Test func oneCopyTrainsBitForBitAsASingleEnvironment() throws {
        var configuration = DQNTests.smallConfiguration(seed: 7)
        configuration.totalSteps = 1_000
        var maze = try DQNTests.smallMaze()
        let single = try DQN(encoder: OneHotEncoder(count: 12), actionCount: 4, configuration: configuration)
        try single.train(in: &maze)
        let batched = try Self.trainBatched(configuration, copies: 1, threads: 1)
        #expect(batched.updates == single.updates && batched.stepsTaken == single.stepsTaken)
        #expect(Self.parameters(of: batched) == Self.parameters(of: single))
    }

    @Test func theResultIsTheSameOnOneAndTwoThreads() throws {
        var configuration = DQNTests.smallConfiguration(seed: 2)
        configuration.totalSteps = 800
        let one = try Self.trainBatched(configuration, copies: 4, threads: 1)
        let two = try Self.trainBatched(configuration, copies: 4, threads: 2)
        #expect(Self.parameters(of: one) == Self.parameters(of: two))
        #expect(Self.parameters(of: one) != Self.parameters(of: try Self.trainBatched(configuration, copies: 2, threads: 2)))
    }

    @Test func fourCopiesSolveTheMazeOnTheSameSchedule() throws {
        // (Seeds 0 to 4 all solve it with these settings, on 1, 4 and 8 copies.)
        var configuration = DQNTests.smallConfiguration(seed: 1)
        configuration.totalSteps = 6_000
        configuration.bufferSize = 6_000
        configuration.explorationFraction = 0.3
        let agent = try Self.trainBatched(configuration, copies: 4, threads: 2)
        // Budget, learning-starts and train-frequency count steps over all copies: the updates of one copy.
        #expect(agent.stepsTaken == 6_000 && agent.updates == (6_000 - 200) / 4)
        #expect(agent.buffer.streams.count == 4 && agent.buffer.count == 6_000)   // 1,500 slots a copy, all full
        var maze = try DQNTests.smallMaze()
        let evaluation = try Evaluation(&maze, episodes: 20, seed: 1) { agent.greedyAction($0) }
        #expect(evaluation.successRate == 1, "success rate \(evaluation.successRate ?? 0)")
    }

    @Test func aTruncatedEpisodeKeepsItsFinalObservationAndATerminatedOneStopsBootstrapping() throws {
        var configuration = DQNConfiguration()
        configuration.environmentCount = 2
        configuration.learningStarts = 1_000
        configuration.bufferSize = 20
        configuration.hiddenLayers = [4]
        let agent = try DQN(encoder: VectorEncoder(size: 1), actionCount: 2, configuration: configuration)
        // Copy 0 is cut by its time limit after 2 steps; copy 1 terminates after 3.
        let batch = try agent.makeBatch(of: [CountingSteps(terminatesAfter: 9, limit: 2), CountingSteps(terminatesAfter: 3, limit: 9)])
        for _ in 0..<3 { try agent.trainRollout(in: batch) }
        let cut = agent.buffer.streams[0].batch(at: [0, 1, 2])
        #expect(cut.observations == [0, 1, 0] && cut.nextObservations == [1, 2, 1])   // 2 is the final observation
        #expect(cut.terminated == [0, 0, 0])                                            // so it is bootstrapped
        let ended = agent.buffer.streams[1].batch(at: [0, 1, 2])
        #expect(ended.observations == [0, 1, 2] && ended.nextObservations == [1, 2, 3])
        #expect(ended.terminated == [0, 0, 1])
        #expect(batch.observation(of: 0)[0] == 1 && batch.observation(of: 1)[0] == 0)  // both reset
    }

    @Test func stackedFramesReplayAStreamPerCopy() throws {
        let environment = try NatureDQNPreprocessing(size: 36, maximumNoops: 3).apply(to: Breakout())
        var configuration = PixelDQNTests.smokeConfiguration(.natureAtari)
        configuration.totalSteps = 160
        configuration.hiddenLayers = [32]
        configuration.environmentCount = 2
        let agent = try DQN(encoder: ImageEncoder(space: environment.observationSpace), actionCount: 6,
                            configuration: configuration)
        let batch = try agent.makeBatch(of: [environment, environment])
        while !agent.isFinished { try agent.trainRollout(in: batch) }
        // Each copy's frames form a stream of their own (interleaved, they would not stack), 80 transitions each.
        #expect(agent.buffer.streams.map(\.count) == [80, 80])
        #expect(agent.updates == 15 && agent.lastLoss?.isFinite == true)
    }

    @Test func aBufferTooSmallToShareSaysSo() {
        var configuration = DQNConfiguration()
        configuration.environmentCount = 8
        configuration.bufferSize = 4
        #expect(throws: GymError("buffer-size 4 over 8 copies leaves 0 slots a copy: the replay buffer needs a positive capacity, got 0")) {
            try DQN(encoder: VectorEncoder(size: 1), actionCount: 2, configuration: configuration)
        }
    }
}

/// Counts up from 0 a step, terminating at `terminatesAfter`, cut by a time limit at `limit` steps.
struct CountingSteps: Environment {
    let terminatesAfter: Int
    let limit: Int
    var count = 0

    init(terminatesAfter: Int, limit: Int) {
        self.terminatesAfter = terminatesAfter
        self.limit = limit
    }

    var observationSpace: Box<Float> { Box(low: 0, high: 100, shape: [1]) }
    var actionSpace: Discrete { Discrete(2) }

    mutating func reset(seed: UInt64?) -> [Float] {
        count = 0
        return [0]
    }

    mutating func step(_ action: Int) -> Step<[Float]> {
        count += 1
        let terminated = count == terminatesAfter
        return Step(observation: [Float(count)], reward: 1, terminated: terminated, truncated: !terminated && count == limit)
    }
}
