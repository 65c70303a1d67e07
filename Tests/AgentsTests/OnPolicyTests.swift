import Agents
import Environments
import Foundation
import Gym
import NeuralNetwork
import TensorCore
import Testing

@Suite struct OnPolicyTests {
    /// PPO settings small enough for a debug build: 4 copies × 16 steps, minibatches of 32, 2 epochs.
    static func smallConfiguration(seed: UInt64 = 0, threads: Int? = 1) -> OnPolicyConfiguration {
        var configuration = OnPolicyConfiguration.ppoCartPole
        configuration.totalSteps = 512
        configuration.environmentCount = 4
        configuration.rolloutSteps = 16
        configuration.minibatchSize = 32
        configuration.updateEpochs = 2
        configuration.hiddenLayers = [16]
        configuration.seed = seed
        configuration.threads = threads
        return configuration
    }

    /// Trains `agent` on short CartPole episodes until its budget is spent; returns the episodes it reported.
    static func train<Agent: RolloutLearner>(_ agent: inout Agent) throws -> (episodes: [TrainingEpisode], finished: Int)
    where Agent.Observation == [Float], Agent.Action == Int {
        let batch = try agent.makeBatch(of: Array(repeating: TimeLimit(CartPole(), maxEpisodeSteps: 40),
                                                  count: agent.environmentCount))
        var episodes: [TrainingEpisode] = []
        while !agent.isFinished { episodes += try agent.trainRollout(in: batch) }
        return (episodes, batch.episodesCompleted)
    }

    static func parameters(of network: PolicyValueNetwork) -> [Float] {
        network.parameters.flatMap { $0.value.scalars }
    }

    // MARK: - GAE and the losses

    /// Two copies of three steps, γ 0.9, λ 0.5; copy 1's episode ends at step 1, so its advantage does not run on.
    @Test func generalizedAdvantagesMatchAHandComputedRollout() {
        let (advantages, returns) = GeneralizedAdvantage.estimate(
            rewards: [1, 1, 0, 1, 2, 1], values: [0.5, 2, 1, 2, 1.5, 2], episodeEnds: [false, false, false, true, false, false],
            lastValues: [2, 10], copies: 2, discount: 0.9, lambda: 0.5)
        // Copy 0: δ = 2.3, 0.35, 1.4; Â₂ = 2.3, Â₁ = 0.35 + 0.45 · 2.3, Â₀ = 1.4 + 0.45 · 1.385.
        // Copy 1: δ₂ = 1 + 0.9 · 10 − 2 = 8; the step-1 episode end leaves Â₁ = δ₁ = −1; Â₀ = 0.8 + 0.45 · −1.
        let expected: [Float] = [2.02325, 0.35, 1.385, -1, 2.3, 8]
        for (found, wanted) in zip(advantages, expected) { #expect(abs(found - wanted) < 1e-5) }
        let values: [Float] = [0.5, 2, 1, 2, 1.5, 2]
        for index in 0..<6 { #expect(abs(returns[index] - (expected[index] + values[index])) < 1e-5) }
    }

    /// Rows: ratio 1 (inside), e^0.5 with Â > 0 (clipped), e^0.5 with Â < 0 (not clipped), e^−0.5 with Â < 0 (clipped).
    @Test func clippedSurrogateGradientMatchesFiniteDifferences() {
        let old = Tensor(shape: [4, 1], scalars: [-1, -1, -1, -1])
        let advantages = Tensor(shape: [4, 1], scalars: [1, 2, -1, -1.5])
        let start: [Float] = [-1, -0.5, -0.5, -1.5]
        let loss = { (values: [Float]) -> Tensor in
            PPOLoss.clippedSurrogate(logProbabilities: Tensor(shape: [4, 1], scalars: values).requiringGradient(),
                                     oldLogProbabilities: old, advantages: advantages, clip: 0.2)
        }
        let logProbabilities = Tensor(shape: [4, 1], scalars: start).requiringGradient()
        PPOLoss.clippedSurrogate(logProbabilities: logProbabilities, oldLogProbabilities: old, advantages: advantages,
                                 clip: 0.2).backward()
        let gradient = logProbabilities.gradient?.scalars ?? []
        let step: Float = 1e-3
        for index in 0..<4 {
            var above = start, below = start
            above[index] += step
            below[index] -= step
            let numeric = (loss(above).item - loss(below).item) / (2 * step)
            #expect(abs(gradient[index] - numeric) < 2e-3, "row \(index): \(gradient[index]) vs \(numeric)")
        }
        // d/d log π of −Â ρ / 4 where the unclipped term is the larger, 0 where the clipped one is.
        let expected: [Float] = [-0.25, 0, Foundation.exp(Float(0.5)) / 4, 0]
        for index in 0..<4 { #expect(abs(gradient[index] - expected[index]) < 1e-5) }
    }

    @Test func clippedValueLossGradientMatchesFiniteDifferences() {
        let old = Tensor(shape: [3, 1], scalars: [0, 1, 2]), returns = Tensor(shape: [3, 1], scalars: [1, 0, 2.5])
        let start: [Float] = [0.5, 1.05, 1.7]
        let loss = { (values: [Float]) in
            PPOLoss.clippedValueLoss(values: Tensor(shape: [3, 1], scalars: values), oldValues: old, returns: returns, clip: 0.2).item
        }
        let values = Tensor(shape: [3, 1], scalars: start).requiringGradient()
        PPOLoss.clippedValueLoss(values: values, oldValues: old, returns: returns, clip: 0.2).backward()
        let gradient = values.gradient?.scalars ?? []
        for index in 0..<3 {
            var above = start, below = start
            above[index] += 1e-3
            below[index] -= 1e-3
            #expect(abs(gradient[index] - (loss(above) - loss(below)) / 2e-3) < 2e-3)
        }
    }

    // MARK: - Networks

    @Test func minAtarNetworkHasPgxsShapesAndCleanRLsNames() throws {
        var generator = RandomGenerator(seed: 1)
        let network = try PolicyValueNetwork(inputShape: [4, 10, 10], actionCount: 6, hidden: [64, 64, 64],
                                             architecture: .minatar, using: &generator)
        let shapes = Dictionary(uniqueKeysWithValues: network.namedParameters.map { ($0.name, $0.parameter.shape) })
        #expect(shapes["network.0.weight"] == [32, 4, 2, 2] && shapes["network.4.weight"] == [64, 800])
        #expect(shapes["actor.0.weight"] == [64, 64] && shapes["actor.4.weight"] == [6, 64])
        #expect(shapes["critic.4.weight"] == [1, 64] && shapes["critic.4.bias"] == [1])
        let (logits, values) = network.evaluate(Tensor.zeros([3, 4, 10, 10]))
        #expect(logits.shape == [3, 6] && values.shape == [3, 1])
        // A near-uniform first policy: the output layer's rows are orthonormal times 0.01, its bias 0.
        let output = network.actor.namedParameters.filter { $0.name.hasPrefix("4.") }.map { $0.parameter.value.scalars }
        #expect(output.count == 2 && output[0].allSatisfy { abs($0) <= 0.01 } && output[1].allSatisfy { $0 == 0 })
    }

    // MARK: - Training

    @Test func ppoTrainsOnRolloutsAndReportsEveryEpisode() throws {
        var agent = try PPO(encoder: VectorEncoder(size: 4), actionCount: 2, configuration: Self.smallConfiguration())
        let (episodes, finished) = try Self.train(&agent)
        #expect(agent.stepsTaken == 512)
        #expect(agent.updates == 8 * 2 * 2)   // 8 rollouts of 64 rows, 2 epochs of 2 minibatches
        #expect(episodes.count == finished && agent.episodesCompleted == finished && finished > 10)
        #expect(episodes.map(\.index) == Array(1...finished))
        #expect(episodes.allSatisfy { $0.length >= 1 && $0.length <= 40 && $0.totalSteps <= 512 })
        #expect(agent.figures.loss?.isFinite == true && agent.figures.valueLoss?.isFinite == true)
        #expect(agent.figures.entropy.map { $0 > 0 && $0 <= log(2) + 1e-6 } == true)
    }

    @Test func a2cTakesOneStepPerRollout() throws {
        var configuration = OnPolicyConfiguration.a2cCartPole
        configuration.totalSteps = 400
        configuration.hiddenLayers = [16]
        configuration.threads = 2
        var agent = try A2C(encoder: VectorEncoder(size: 4), actionCount: 2, configuration: configuration)
        let (episodes, finished) = try Self.train(&agent)
        #expect(agent.stepsTaken == 400 && agent.updates == 10)   // 8 copies × 5 steps a rollout
        #expect(episodes.count == finished && agent.figures.loss?.isFinite == true)
    }

    /// The same seed gives the same network bit for bit, whatever the number of stepping threads.
    @Test func trainingIsDeterministicForEveryThreadCount() throws {
        var one = try PPO(encoder: VectorEncoder(size: 4), actionCount: 2, configuration: Self.smallConfiguration(threads: 1))
        var two = try PPO(encoder: VectorEncoder(size: 4), actionCount: 2, configuration: Self.smallConfiguration(threads: 2))
        let first = try Self.train(&one).episodes, second = try Self.train(&two).episodes
        #expect(first == second)
        #expect(Self.parameters(of: one.network) == Self.parameters(of: two.network))
    }

    @Test func checkpointsRestoreTheNetworkTheOptimizerAndTheCounters() throws {
        var agent = try PPO(encoder: VectorEncoder(size: 4), actionCount: 2, configuration: Self.smallConfiguration())
        _ = try Self.train(&agent)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ppo-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try agent.save(to: url, metadata: ["env": "cartpole"])
        let tensors = try Safetensors.read(from: url).tensors
        #expect(tensors["actor.0.weight"]?.shape == [16, 4] && tensors["critic.2.weight"]?.shape == [1, 16])
        #expect(tensors["optimizer.exp_avg.actor.0.weight"] != nil && tensors["optimizer.step"]?.item == 32)
        let loaded = try PPO.load(from: url, encoder: VectorEncoder(size: 4), actionCount: 2)
        #expect(Self.parameters(of: loaded.network) == Self.parameters(of: agent.network))
        #expect(loaded.stepsTaken == 512 && loaded.updates == 32 && loaded.episodesCompleted == agent.episodesCompleted)
        #expect(loaded.configuration == agent.configuration)
        #expect(throws: GymError.self) { try A2C.load(from: url, encoder: VectorEncoder(size: 4), actionCount: 2) }
    }
}
