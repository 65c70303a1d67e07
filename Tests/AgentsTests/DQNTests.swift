import Agents
import Environments
import Gym
import NeuralNetwork
import TensorCore
import Testing

@Suite struct DQNTests {
    /// A 3x4 maze: start top-left, a pit, a wall, the goal bottom-right; −0.01 a step.
    static func smallMaze() throws -> TimeLimit<GridWorld> {
        let map = try GridMap(parsing: """
            S..#
            .#.H
            ...G
            """)
        let world = try GridWorld(map: map, configuration: .init(rewards: .init(step: -0.01, goal: 1, hole: -1, cliff: -1)))
        return TimeLimit(world, maxEpisodeSteps: 50)
    }

    static func smallConfiguration(seed: UInt64 = 0) -> DQNConfiguration {
        var configuration = DQNConfiguration.discreteStates
        configuration.totalSteps = 3_000
        configuration.learningStarts = 200
        configuration.bufferSize = 3_000
        configuration.batchSize = 32
        configuration.targetUpdateInterval = 100
        configuration.learningRate = 3e-3
        configuration.hiddenLayers = [32]
        configuration.seed = seed
        return configuration
    }

    @Test func solvesASmallMaze() throws {
        var maze = try Self.smallMaze()
        let agent = try DQN(encoder: OneHotEncoder(count: 12), actionCount: 4, configuration: Self.smallConfiguration())
        try agent.train(in: &maze)
        let evaluation = try Evaluation(&maze, episodes: 20, seed: 1) { agent.greedyAction($0) }
        #expect(evaluation.successRate == 1, "success rate \(evaluation.successRate ?? 0)")
        // The shortest path is 5 moves: 4 steps at −0.01, then +1.
        #expect(abs(evaluation.meanReturn - 0.96) < 1e-9)
        #expect(agent.updates == (3_000 - 200) / 4)
    }

    @Test func sameSeedGivesTheSameNetworkBitForBit() throws {
        func train(seed: UInt64) throws -> [Float] {
            var maze = try Self.smallMaze()
            var configuration = Self.smallConfiguration(seed: seed)
            configuration.totalSteps = 600
            let agent = try DQN(encoder: OneHotEncoder(count: 12), actionCount: 4, configuration: configuration)
            try agent.train(in: &maze)
            return agent.network.parameters.flatMap { $0.value.scalars }
        }
        let first = try train(seed: 3)
        #expect(first == (try train(seed: 3)))
        #expect(first != (try train(seed: 4)))
    }

    @Test func terminationStopsBootstrappingButTruncationDoesNot() throws {
        var configuration = Self.smallConfiguration()
        configuration.discount = 0.5
        configuration.loss = .meanSquaredError
        let agent = try DQN(encoder: OneHotEncoder(count: 3), actionCount: 2, configuration: configuration)
        // The same transition twice (state 0, action 1, reward 1, next state 2): once terminated, once truncated.
        var buffer = try ReplayBuffer(capacity: 4, encoder: OneHotEncoder(count: 3))
        buffer.append(observation: 0, action: 1, reward: 1, nextObservation: 2, terminated: true, truncated: false)
        buffer.append(observation: 0, action: 1, reward: 1, nextObservation: 2, terminated: false, truncated: true)
        let batch = buffer.batch(at: [0, 1])
        #expect(batch.terminated == [1, 0])
        let predicted = agent.actionValues(0)[1]
        let nextBest = try #require(agent.actionValues(2).max())   // target network == online network at start
        // MSE over the two rows: ((Q − 1)² + (Q − (1 + γ max Q′))²) / 2.
        let expected = ((predicted - 1) * (predicted - 1) + (predicted - 1 - 0.5 * nextBest) * (predicted - 1 - 0.5 * nextBest)) / 2
        #expect(abs(agent.tdLoss(batch).item - expected) < 1e-6)
    }

    @Test func replayBufferIsARingThatKeepsTheNewest() throws {
        var buffer = try ReplayBuffer(capacity: 3, encoder: OneHotEncoder(count: 10))
        for state in 0..<5 {
            buffer.append(observation: state, action: state % 2, reward: Double(state), nextObservation: state + 1,
                          terminated: false, truncated: state == 4)
        }
        #expect(buffer.count == 3)
        // Slots hold states 3, 4, 2 (slot 0 and 1 were overwritten by the 4th and 5th transitions).
        let batch = buffer.batch(at: [0, 1, 2])
        #expect(batch.rewards == [3, 4, 2])
        #expect(batch.actions == [1, 0, 0])
        #expect(Array(batch.observations[0..<10]) == (0..<10).map { $0 == 3 ? 1 : 0 })
        #expect(Array(batch.nextObservations[10..<20]) == (0..<10).map { $0 == 5 ? 1 : 0 })
        #expect(batch.terminated == [0, 0, 0])   // truncation is not termination
        // Compact: one Int32 per discrete observation, not a one-hot vector.
        #expect(buffer.storageBytes == 3 * (2 * 4 + 4 + 4 + 1))
        #expect(throws: GymError.self) { try ReplayBuffer(capacity: 0, encoder: OneHotEncoder(count: 2)) }
    }

    @Test func invalidConfigurationsSayWhatIsWrong() {
        var configuration = DQNConfiguration()
        configuration.batchSize = 0
        #expect(throws: GymError("batch-size must be an integer from 1 to 65536, got 0")) {
            try DQN(encoder: VectorEncoder(size: 4), actionCount: 2, configuration: configuration)
        }
        configuration = DQNConfiguration()
        configuration.targetUpdateRate = 1.5
        #expect(throws: GymError.self) { try DQN(encoder: VectorEncoder(size: 4), actionCount: 2, configuration: configuration) }
    }

    @Test func aDivergingLossStopsTrainingAndKeepsAFiniteNetwork() throws {
        var configuration = Self.smallConfiguration()
        configuration.learningStarts = 10
        configuration.trainFrequency = 1
        configuration.learningRate = 1e9
        configuration.totalSteps = 5_000
        var maze = try Self.smallMaze()
        let agent = try DQN(encoder: OneHotEncoder(count: 12), actionCount: 4, configuration: configuration)
        #expect(throws: TrainingDiverged.self) { try agent.train(in: &maze) }
        let parameters = agent.network.parameters.flatMap { $0.value.scalars }
        #expect(parameters.allSatisfy { $0.isFinite })
    }
}
