import Agents
import Environments
import Foundation
import Gym
import TensorCore
import Testing

@Suite struct PolicyGradientTests {
    static func smallConfiguration(seed: UInt64 = 0) -> PolicyGradientConfiguration {
        var configuration = PolicyGradientConfiguration.discreteStates
        configuration.totalSteps = 6_000
        configuration.hiddenLayers = [16]
        configuration.learningRate = 3e-2
        configuration.entropyCoefficient = 0.01
        configuration.seed = seed
        return configuration
    }

    @Test func discountedReturnsBootstrapTheTail() {
        let returns = Reinforce<OneHotEncoder>.discountedReturns([1, 0, 2], discount: 0.5, tail: 4)
        // G2 = 2 + 0.5·4 = 4, G1 = 0 + 0.5·4 = 2, G0 = 1 + 0.5·2 = 2.
        #expect(returns == [2, 2, 4])
        #expect(Reinforce<OneHotEncoder>.discountedReturns([1, 1], discount: 1) == [2, 1])
    }

    @Test func policyLossIsMinusTheWeightedLogProbabilityMinusTheEntropyBonus() throws {
        let agent = try Reinforce(encoder: OneHotEncoder(count: 2), actionCount: 3, configuration: Self.smallConfiguration())
        let features: [Float] = [1, 0, 0, 1]
        let (loss, entropy) = agent.networks.policyLoss(features, actions: [2, 0], weights: [1.5, -0.5],
                                                        entropyCoefficient: 0.1)
        let first = agent.networks.actionProbabilities([1, 0]).map(Double.init)
        let second = agent.networks.actionProbabilities([0, 1]).map(Double.init)
        let weighted: Double = log(first[2]) * 1.5 - log(second[0]) * 0.5
        let surrogate = -weighted / 2
        func entropyOf(_ probabilities: [Double]) -> Double { -probabilities.reduce(0) { $0 + $1 * log($1) } }
        let expectedEntropy = (entropyOf(first) + entropyOf(second)) / 2
        #expect(abs(Double(entropy) - expectedEntropy) < 1e-5)
        #expect(abs(Double(loss.item) - (surrogate - 0.1 * expectedEntropy)) < 1e-5)
    }

    @Test func reinforceSolvesASmallMaze() throws {
        var maze = try DQNTests.smallMaze()
        let agent = try Reinforce(encoder: OneHotEncoder(count: 12), actionCount: 4, configuration: Self.smallConfiguration())
        try agent.train(in: &maze)
        let evaluation = try Evaluation(&maze, episodes: 10, seed: 1) { agent.greedyAction($0) }
        #expect(evaluation.successRate == 1, "success rate \(evaluation.successRate ?? 0)")
        #expect(abs(evaluation.meanReturn - 0.96) < 1e-9)   // the 5-move shortest path
        #expect(agent.updates == (agent.episodesCompleted + 3) / 4)
    }

    @Test func actorCriticSolvesASmallMaze() throws {
        var maze = try DQNTests.smallMaze()
        var configuration = Self.smallConfiguration()
        configuration.totalSteps = 3_000
        configuration.learningRate = 1e-2
        let agent = try ActorCritic(encoder: OneHotEncoder(count: 12), actionCount: 4, configuration: configuration)
        try agent.train(in: &maze)
        let evaluation = try Evaluation(&maze, episodes: 10, seed: 1) { agent.greedyAction($0) }
        #expect(evaluation.successRate == 1, "success rate \(evaluation.successRate ?? 0)")
        #expect(agent.updates == 3_000)
    }

    @Test func theCriticsTargetStopsAtTerminationOnly() throws {
        var configuration = Self.smallConfiguration()
        configuration.discount = 0.5
        configuration.valueLearningRate = 1e-2
        // Repeating one transition drives V(s) to its TD target: r after termination, r + γ V(s′) otherwise.
        for terminated in [true, false] {
            let agent = try ActorCritic(encoder: OneHotEncoder(count: 3), actionCount: 2, configuration: configuration)
            for _ in 0..<400 {
                try agent.update(features: [1, 0, 0], action: 1, reward: 1, nextFeatures: [0, 0, 1], terminated: terminated)
            }
            let value = try #require(agent.stateValue(0))
            let next = try #require(agent.stateValue(2))
            let target = 1 + (terminated ? 0 : 0.5 * next)
            #expect(abs(value - target) < 0.02, "V(s) \(value), target \(target)")
            if !terminated { #expect(abs(next) > 0.05, "V(s′) \(next) must matter for the test to mean something") }
        }
    }

    @Test func sameSeedGivesTheSamePolicyBitForBit() throws {
        func train(seed: UInt64) throws -> [Float] {
            var maze = try DQNTests.smallMaze()
            var configuration = Self.smallConfiguration(seed: seed)
            configuration.totalSteps = 800
            let agent = try Reinforce(encoder: OneHotEncoder(count: 12), actionCount: 4, configuration: configuration)
            try agent.train(in: &maze)
            return agent.networks.policy.parameters.flatMap { $0.value.scalars }
        }
        let first = try train(seed: 3)
        #expect(first == (try train(seed: 3)))
        #expect(first != (try train(seed: 4)))
    }

    @Test func checkpointRoundTripKeepsBothNetworksAndRejectsOtherAgents() throws {
        var maze = try DQNTests.smallMaze()
        var configuration = Self.smallConfiguration()
        configuration.totalSteps = 500
        let agent = try Reinforce(encoder: OneHotEncoder(count: 12), actionCount: 4, configuration: configuration)
        try agent.train(in: &maze)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pg-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try agent.save(to: url)
        let loaded = try Reinforce.load(from: url, encoder: OneHotEncoder(count: 12), actionCount: 4)
        for state in 0..<12 {
            #expect(loaded.greedyAction(state) == agent.greedyAction(state))
            #expect(loaded.stateValue(state) == agent.stateValue(state))
        }
        #expect(loaded.stepsTaken == 500 && loaded.updates == agent.updates && loaded.configuration == configuration)
        let error = #expect(throws: GymError.self) {
            try DQN.load(from: url, encoder: OneHotEncoder(count: 12), actionCount: 4)
        }
        #expect(error?.description.contains("holds a reinforce agent, not dqn") == true, "\(String(describing: error))")
    }

    @Test func invalidConfigurationsSayWhatIsWrong() {
        var configuration = PolicyGradientConfiguration()
        configuration.episodesPerUpdate = 0
        #expect(throws: GymError("episodes-per-update must be an integer from 1 to 1000000, got 0")) {
            try Reinforce(encoder: OneHotEncoder(count: 2), actionCount: 2, configuration: configuration)
        }
        configuration = PolicyGradientConfiguration()
        configuration.entropyCoefficient = -1
        #expect(throws: GymError("entropy-coefficient must be a number in [0, 1000], got -1")) {
            try ActorCritic(encoder: OneHotEncoder(count: 2), actionCount: 2, configuration: configuration)
        }
    }
}
