import Agents
import Foundation
import Gym
import NeuralNetwork
import TensorCore
import Testing

/// gSDE in the squashed Gaussian policy and in SAC: the log-density against a hand computation in Double, its
/// gradients against finite differences, one noise matrix shared by a batch, and an agent that trains, repeats
/// itself bit for bit and survives a checkpoint.
@Suite struct StateDependentExplorationTests {
    static func policy(seed: UInt64 = 5) -> SquashedGaussianPolicy {
        var generator = RandomGenerator(seed: seed)
        return SquashedGaussianPolicy(inputs: 3, hidden: [4], actionCount: 2, stateDependentNoise: -0.7, using: &generator)
    }

    static var observations: Tensor { Tensor(shape: [3, 3], scalars: [0.4, -1.1, 0.9, -0.2, 0.3, 1.5, 0.8, 0.8, -0.6]) }
    static var noise: Tensor { Tensor(shape: [4, 2], scalars: [0.8, -1.3, 0.1, 0.6, -0.9, 1.7, 0.4, -0.2]) }

    @Test func logProbabilityMatchesAHandComputation() {
        let policy = Self.policy()
        #expect(policy.isStateDependent && policy.noiseShape(rows: 3) == [4, 2])
        #expect(policy.namedParameters.map(\.name) == ["latent_pi.0.weight", "latent_pi.0.bias", "mu.weight", "mu.bias", "log_std"])
        let (actions, logProbabilities) = policy.sample(Self.observations, noise: Self.noise)
        let features = policy.body(Self.observations).scalars.map(Double.init)       // [3, 4]
        let means = policy.meanHead(policy.body(Self.observations)).scalars.map { min(max(Double($0), -2), 2) }
        let logDeviation = policy.noiseLogStandardDeviation!.value.scalars.map(Double.init)   // [4, 2]
        let draws = Self.noise.scalars.map(Double.init)
        for row in 0..<3 {
            var expected = 0.0
            for action in 0..<2 {
                var perturbation = 0.0, variance = 1e-6
                for feature in 0..<4 {
                    let z = features[row * 4 + feature], sigma = exp(logDeviation[feature * 2 + action])
                    perturbation += z * sigma * draws[feature * 2 + action]
                    variance += z * z * sigma * sigma
                }
                let u = means[row * 2 + action] + perturbation
                expected += -0.5 * perturbation * perturbation / variance - 0.5 * log(variance) - 0.5 * log(2 * Double.pi)
                    - log(1 - tanh(u) * tanh(u))
                #expect(abs(Double(actions.scalars[row * 2 + action]) - tanh(u)) < 1e-6)
            }
            #expect(abs(Double(logProbabilities.scalars[row]) - expected) < 1e-4 * (1 + abs(expected)),
                    "row \(row): \(logProbabilities.scalars[row]) vs \(expected)")
        }
    }

    @Test func rowsWithTheSameObservationShareTheirNoise() {
        let policy = Self.policy()
        let twice = Tensor(shape: [2, 3], scalars: [0.4, -1.1, 0.9, 0.4, -1.1, 0.9])
        let actions = policy.sample(twice, noise: Self.noise).actions.scalars
        #expect(Array(actions[0..<2]) == Array(actions[2..<4]))
        #expect(actions != policy(twice).scalars, "the noise should move the action off the mean")
    }

    /// The mean head and Λ: the body's features enter the noise as constants (Stable-Baselines3's default, which
    /// does not learn features through the noise), so the body's gradient is, by design, not the finite difference.
    @Test func gradientsMatchFiniteDifferences() {
        let policy = Self.policy()
        let weights = Tensor(shape: [3, 2], scalars: [0.7, -0.2, 0.4, 1.1, -0.5, 0.3])
        let rowWeights = Tensor(shape: [3, 1], scalars: [0.5, -1.5, 0.8])
        let checked = policy.meanHead.parameters + [policy.noiseLogStandardDeviation!]
        SACTests.expectFiniteDifferenceGradients(of: checked, elements: 8) {
            let (actions, logProbabilities) = policy.sample(Self.observations, noise: Self.noise)
            return (actions * weights).sum() + (logProbabilities * rowWeights).sum()
        }
    }

    static func configuration(seed: UInt64) -> SACConfiguration {
        var configuration = SACTests.smallConfiguration(seed: seed)
        configuration.stateDependentExploration = true
        configuration.initialLogStandardDeviation = -1
        configuration.trainFrequency = 8
        configuration.gradientSteps = 8
        return configuration
    }

    static func trained(seed: UInt64) throws -> SAC<VectorEncoder> {
        var environment = try SACTests.pendulum()
        let agent = try SAC(encoder: VectorEncoder(size: 3), actionCount: 1, configuration: configuration(seed: seed))
        try agent.train(in: &environment)
        return agent
    }

    @Test func anAgentTrainsRepeatsItselfAndSurvivesACheckpoint() throws {
        let agent = try Self.trained(seed: 4)
        #expect(agent.updates > 0 && agent.lastLoss?.isFinite == true)
        let logDeviation = agent.policy.noiseLogStandardDeviation!.value.scalars
        #expect(logDeviation.contains { $0 != -1 }, "training should move Λ")
        #expect(SACTests.allParameters(try Self.trained(seed: 4)) == SACTests.allParameters(agent))
        #expect(SACTests.allParameters(try Self.trained(seed: 5)) != SACTests.allParameters(agent))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sde-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try agent.save(to: url, metadata: [:])
        let loaded = try SAC.load(from: url, encoder: VectorEncoder(size: 3), actionCount: 1)
        #expect(loaded.policy.isStateDependent)
        #expect(SACTests.allParameters(loaded) == SACTests.allParameters(agent))
        #expect(loaded.greedyAction([1, 0, 0]) == agent.greedyAction([1, 0, 0]))
    }
}
