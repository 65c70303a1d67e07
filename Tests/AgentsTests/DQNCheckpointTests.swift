import Agents
import Foundation
import Gym
import TensorCore
import Testing

@Suite struct DQNCheckpointTests {
    static func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("dqn-\(UUID().uuidString).safetensors")
    }

    static func trainedAgent(optimizer: DQNConfiguration.OptimizerKind = .adam) throws -> DQN<OneHotEncoder> {
        var maze = try DQNTests.smallMaze()
        var configuration = DQNTests.smallConfiguration(seed: 5)
        configuration.totalSteps = 800
        configuration.optimizer = optimizer
        let agent = try DQN(encoder: OneHotEncoder(count: 12), actionCount: 4, configuration: configuration)
        try agent.train(in: &maze)
        return agent
    }

    @Test func saveThenLoadGivesTheSameGreedyActionsValuesAndCounters() throws {
        let agent = try Self.trainedAgent()
        let url = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        try agent.save(to: url, metadata: ["env": "maze"])
        let loaded = try DQN.load(from: url, encoder: OneHotEncoder(count: 12), actionCount: 4)
        for state in 0..<12 {
            #expect(loaded.greedyAction(state) == agent.greedyAction(state))
            #expect(loaded.actionValues(state) == agent.actionValues(state))
        }
        #expect(loaded.configuration == agent.configuration)
        #expect(loaded.stepsTaken == 800)
        #expect(loaded.episodesCompleted == agent.episodesCompleted)
        #expect(loaded.updates == agent.updates)
        #expect(loaded.epsilon == agent.epsilon)
        let targetParameters = { (dqn: DQN<OneHotEncoder>) in dqn.targetNetwork.parameters.flatMap { $0.value.scalars } }
        #expect(targetParameters(loaded) == targetParameters(agent))
        let (_, metadata, _) = try DQN<OneHotEncoder>.readCheckpoint(from: url)
        #expect(metadata["env"] == "maze")
        #expect(metadata["agent"] == "dqn")
    }

    @Test(arguments: DQNConfiguration.OptimizerKind.allCases)
    func aResumedAgentTakesTheSameGradientStepAsTheOriginal(optimizer: DQNConfiguration.OptimizerKind) throws {
        // The optimizer's state (Adam's moments, RMSProp's averages) and step count travel with the checkpoint, so
        // the next update is the same.
        let agent = try Self.trainedAgent(optimizer: optimizer)
        let url = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        try agent.save(to: url)
        let loaded = try DQN.load(from: url, encoder: OneHotEncoder(count: 12), actionCount: 4)
        var buffer = try ReplayBuffer(capacity: 3, encoder: OneHotEncoder(count: 12))
        buffer.append(observation: 0, action: 1, reward: -0.01, nextObservation: 1, terminated: false, truncated: false)
        buffer.append(observation: 1, action: 2, reward: -0.01, nextObservation: 2, terminated: false, truncated: false)
        buffer.append(observation: 7, action: 1, reward: 1, nextObservation: 11, terminated: true, truncated: false)
        let batch = buffer.batch(at: [0, 1, 2])
        try agent.update(on: batch)
        try loaded.update(on: batch)
        let (tensors, _, _) = try DQN<OneHotEncoder>.readCheckpoint(from: url)
        let stateName = optimizer == .adam ? "optimizer.exp_avg_sq.0.weight" : "optimizer.grad_avg.0.weight"
        #expect(tensors[stateName] != nil)
        #expect(loaded.network.parameters.flatMap { $0.value.scalars } == agent.network.parameters.flatMap { $0.value.scalars })
    }

    @Test func aTruncatedCheckpointSaysSo() throws {
        let agent = try Self.trainedAgent()
        let url = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        try agent.save(to: url)
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(bytes.count / 2).write(to: url)
        let error = #expect(throws: GymError.self) {
            try DQN.load(from: url, encoder: OneHotEncoder(count: 12), actionCount: 4)
        }
        #expect(error?.description.contains("truncated") == true, "\(String(describing: error))")
    }

    @Test func aCheckpointOfAnotherShapeNamesTheMismatch() throws {
        let agent = try Self.trainedAgent()
        let url = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        try agent.save(to: url)
        let error = #expect(throws: GymError.self) {
            try DQN.load(from: url, encoder: OneHotEncoder(count: 20), actionCount: 4)
        }
        #expect(error?.description.contains("does not fit this agent (20 inputs") == true, "\(String(describing: error))")
        #expect(error?.description.contains("0.weight") == true, "\(String(describing: error))")
    }

    @Test func aMissingFileSaysSo() {
        let error = #expect(throws: GymError.self) {
            try DQN.load(from: URL(fileURLWithPath: "/nonexistent/agent.safetensors"), encoder: OneHotEncoder(count: 12),
                         actionCount: 4)
        }
        #expect(error?.description.contains("no such file") == true, "\(String(describing: error))")
    }
}
