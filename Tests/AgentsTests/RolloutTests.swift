@testable import Agents
import Gym
import NeuralNetwork
import TensorCore
import Testing

/// A corridor that never ends by itself: every step moves one cell on and pays nothing.
private struct Corridor: DiscreteEnvironment {
    var cell = 0
    var observationSpace: Discrete { Discrete(8) }
    var actionSpace: Discrete { Discrete(2) }
    mutating func reset(seed: UInt64?) -> Int {
        cell = 0
        return 0
    }
    mutating func step(_ action: Int) -> Step<Int> {
        cell += 1
        return Step(observation: cell, reward: 0, terminated: cell == 7)
    }
}

@Suite struct RolloutTests {
    /// A network whose critic says V(s) = `value` everywhere.
    static func constantCritic(_ value: Float) throws -> PolicyValueNetwork {
        var generator = RandomGenerator(seed: 0)
        let network = try PolicyValueNetwork(inputShape: [8], actionCount: 2, hidden: [4], architecture: .mlp,
                                             using: &generator)
        for (name, parameter) in network.critic.namedParameters {
            parameter.assign(name == "2.bias" ? Tensor([value]) : Tensor.zeros(parameter.shape))
        }
        return network
    }

    /// One copy, two steps, γ 0.5, λ 1, V ≡ 4. Cut by a 2-step time limit, the last step is bootstrapped from the
    /// final observation: r₁ = 0 + γ · 4, so Â₁ = 2 − 4 and Â₀ = (0 + γ · 4 − 4) + γ Â₁. Had the episode terminated
    /// there, r₁ would stay 0.
    @Test func aTimeLimitCutIsBootstrappedFromTheFinalObservation() throws {
        let network = try Self.constantCritic(4)
        let rollout = Rollout(encoder: OneHotEncoder(count: 8), head: CategoricalHead(actionCount: 2), copies: 1, steps: 2)
        let batch = try BatchedEnvironment(TimeLimit(Corridor(), maxEpisodeSteps: 2), count: 1, packer: OneHotEncoder(count: 8))
        var generator = RandomGenerator(seed: 1)
        let episodes = try rollout.collect(in: batch, network: network, discount: 0.5, lambda: 1, using: &generator,
                                           firstEpisode: 1, stepsBefore: 0)
        #expect(episodes.count == 1 && episodes.first?.terminated == false && episodes.first?.totalSteps == 2)
        #expect(rollout.rewards == [0, 2])
        #expect(rollout.episodeEnds == [false, true])
        #expect(rollout.advantages == [-3, -2] && rollout.returns == [1, 2])
    }

    @Test func aTerminationIsNotBootstrapped() throws {
        let network = try Self.constantCritic(4)
        let rollout = Rollout(encoder: OneHotEncoder(count: 8), head: CategoricalHead(actionCount: 2), copies: 1, steps: 8)
        let batch = try BatchedEnvironment(Corridor(), count: 1, packer: OneHotEncoder(count: 8))
        var generator = RandomGenerator(seed: 1)
        let episodes = try rollout.collect(in: batch, network: network, discount: 0.5, lambda: 1, using: &generator,
                                           firstEpisode: 1, stepsBefore: 0)
        #expect(episodes.map(\.terminated) == [true] && episodes.first?.length == 7)
        #expect(rollout.rewards.allSatisfy { $0 == 0 } && rollout.episodeEnds[6])
        #expect(rollout.advantages[6] == -4)   // δ = 0 − V(s₆), nothing after the end
    }
}
