import Agents
import Environments
import Foundation
import Gym
import NeuralNetwork
import TensorCore
import Testing

/// Pendulum's observations with a NaN reward on every step (to trip the divergence guard).
private struct NaNRewardPendulum: ContinuousControlEnvironment {
    var base = Pendulum()
    var observationSpace: Box<Float> { base.observationSpace }
    var actionSpace: Box<Float> { base.actionSpace }
    mutating func reset(seed: UInt64?) -> [Float] { base.reset(seed: seed) }
    mutating func step(_ action: [Float]) throws -> Step<[Float]> {
        var step = try base.step(action)
        step.reward = .nan
        return step
    }
}

@Suite struct SACTests {
    static func smallConfiguration(seed: UInt64 = 3, steps: Int = 240) -> SACConfiguration {
        var configuration = SACConfiguration()
        configuration.totalSteps = steps
        configuration.learningStarts = 40
        configuration.batchSize = 16
        configuration.bufferSize = 1_000
        configuration.hiddenLayers = [16, 16]
        configuration.learningRate = 1e-3
        configuration.seed = seed
        return configuration
    }

    static func pendulum() throws -> RescaleAction<TimeLimit<Pendulum>> {
        try RescaleAction(TimeLimit(Pendulum(), maxEpisodeSteps: 60))
    }

    static func trainedAgent(seed: UInt64 = 3) throws -> (SAC<VectorEncoder>, [Double]) {
        var environment = try pendulum()
        let agent = try SAC(encoder: VectorEncoder(size: 3), actionCount: 1,
                            configuration: smallConfiguration(seed: seed))
        var returns: [Double] = []
        while !agent.isFinished { returns.append(try agent.trainEpisode(in: &environment).totalReward) }
        return (agent, returns)
    }

    static func allParameters(_ agent: SAC<VectorEncoder>) -> [Float] {
        agent.checkpointedNetworks.flatMap { $0.network.parameters.flatMap(\.value.scalars) }
    }

    // MARK: - Losses

    /// Compares the autograd gradient of `loss` with central differences on the first elements of each parameter.
    static func expectFiniteDifferenceGradients(of parameters: [Parameter], elements: Int = 6,
                                                sourceLocation: SourceLocation = #_sourceLocation,
                                                _ loss: () -> Tensor) {
        for parameter in parameters { parameter.clearGradient() }
        loss().backward()
        let step: Float = 1e-3
        for (index, parameter) in parameters.enumerated() {
            let analytic = parameter.gradient?.scalars ?? Array(repeating: 0, count: parameter.value.count)
            for element in 0..<min(elements, parameter.value.count) {
                parameter.update { $0[element] += step }
                let above = withoutGradient { loss().item }
                parameter.update { $0[element] -= 2 * step }
                let below = withoutGradient { loss().item }
                parameter.update { $0[element] += step }
                let numeric = (above - below) / (2 * step)
                #expect(abs(analytic[element] - numeric) < 1e-2 * (1 + abs(numeric)),
                        "parameter \(index) element \(element): \(analytic[element]) vs \(numeric)",
                        sourceLocation: sourceLocation)
            }
        }
    }

    static func batch() -> ContinuousBatch {
        var generator = RandomGenerator(seed: 11)
        var batch = ContinuousBatch(size: 5, inputSize: 3, actionCount: 1)
        batch.observations = (0..<15).map { _ in Float(generator.nextDouble() * 2 - 1) }
        batch.nextObservations = (0..<15).map { _ in Float(generator.nextDouble() * 2 - 1) }
        batch.actions = (0..<5).map { _ in Float(generator.nextDouble() * 2 - 1) }
        batch.rewards = [-1, -0.5, -3, 0, -2]
        batch.terminated = [0, 0, 1, 0, 0]
        return batch
    }

    @Test func criticLossGradientMatchesFiniteDifferences() throws {
        let agent = try SAC(encoder: VectorEncoder(size: 3), actionCount: 1, configuration: Self.smallConfiguration())
        let nextNoise = Tensor(shape: [5, 1], scalars: [0.3, -1.1, 0.5, 2.0, -0.2])
        let batch = Self.batch()
        Self.expectFiniteDifferenceGradients(of: agent.critics.flatMap(\.parameters)) {
            agent.criticLoss(batch, alpha: 0.3, nextNoise: nextNoise)
        }
    }

    @Test func criticTargetStopsBootstrappingAtTermination() throws {
        let agent = try SAC(encoder: VectorEncoder(size: 3), actionCount: 1, configuration: Self.smallConfiguration())
        // With every transition terminated, y = r, so the loss is ½ Σⱼ mean (Qⱼ − r)².
        var batch = Self.batch()
        batch.terminated = Array(repeating: 1, count: 5)
        let loss = agent.criticLoss(batch, alpha: 0.3, nextNoise: Tensor.zeros([5, 1])).item
        let input = Tensor.concatenate([Tensor(shape: [5, 3], scalars: batch.observations),
                                        Tensor(shape: [5, 1], scalars: batch.actions)], alongAxis: 1)
        var expected: Float = 0
        for critic in agent.critics {
            let predictions: [Float] = critic(input).scalars
            for (prediction, reward) in zip(predictions, batch.rewards) {
                expected += (prediction - reward) * (prediction - reward) / 10
            }
        }
        #expect(abs(loss - expected) < 1e-5 * (1 + expected))
    }

    @Test func actorLossGradientMatchesFiniteDifferences() throws {
        let agent = try SAC(encoder: VectorEncoder(size: 3), actionCount: 1, configuration: Self.smallConfiguration())
        let observations = Tensor(shape: [5, 3], scalars: Self.batch().observations)
        let noise = Tensor(shape: [5, 1], scalars: [0.9, -0.4, 1.3, -1.7, 0.05])
        Self.expectFiniteDifferenceGradients(of: agent.policy.parameters) {
            agent.policyLoss(observations, sample: agent.policy.sample(observations, noise: noise), alpha: 0.2)
        }
    }

    @Test func entropyCoefficientLossGradientIsMinusTheMeanOfLogProbabilityPlusTarget() throws {
        let agent = try SAC(encoder: VectorEncoder(size: 3), actionCount: 2, configuration: Self.smallConfiguration())
        #expect(agent.targetEntropy == -2)
        let logProbabilities = Tensor(shape: [3, 1], scalars: [0.5, -1.0, 2.5])
        agent.entropyCoefficient.logValue.clearGradient()
        agent.entropyCoefficientLoss(logProbabilities: logProbabilities).backward()
        // −mean(log π + H̄) = −((0.5 − 1 + 2.5) / 3 − 2) = 4/3.
        let gradient = agent.entropyCoefficient.logValue.gradient?.scalars ?? []
        #expect(gradient.count == 1 && abs(gradient[0] - 4.0 / 3) < 1e-6)
        Self.expectFiniteDifferenceGradients(of: agent.entropyCoefficient.parameters) {
            agent.entropyCoefficientLoss(logProbabilities: logProbabilities)
        }
    }

    // MARK: - Training

    @Test func smokeRunUpdatesAndActsInsideTheBounds() throws {
        let (agent, returns) = try Self.trainedAgent()
        #expect(agent.stepsTaken == 240 && returns.count == 4)
        #expect(agent.updates == 200)
        #expect(agent.lastLoss?.isFinite == true && agent.figures.valueLoss?.isFinite == true)
        #expect(agent.entropyCoefficient.value != 1)   // tuned away from its start
        for angle in stride(from: -3.0, through: 3.0, by: 0.5) {
            let action = agent.greedyAction([Float(cos(angle)), Float(sin(angle)), 0.5])
            #expect(action.count == 1 && (-1...1).contains(action[0]))
        }
    }

    @Test func sameSeedGivesTheSameRunBitForBit() throws {
        let (first, firstReturns) = try Self.trainedAgent(seed: 8)
        let (second, secondReturns) = try Self.trainedAgent(seed: 8)
        #expect(firstReturns == secondReturns)
        #expect(Self.allParameters(first) == Self.allParameters(second))
        let (other, _) = try Self.trainedAgent(seed: 9)
        #expect(Self.allParameters(other) != Self.allParameters(first))
    }

    @Test func checkpointRoundTripRestoresEveryNetworkAndCounter() throws {
        let (agent, _) = try Self.trainedAgent()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sac-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try agent.save(to: url, metadata: ["env": "pendulum"])
        let loaded = try SAC.load(from: url, encoder: VectorEncoder(size: 3), actionCount: 1)
        #expect(Self.allParameters(loaded) == Self.allParameters(agent))
        #expect(loaded.entropyCoefficient.value == agent.entropyCoefficient.value)
        #expect(loaded.policyOptimizer.stepCount == agent.policyOptimizer.stepCount)
        #expect(loaded.stepsTaken == agent.stepsTaken && loaded.updates == agent.updates
                && loaded.episodesCompleted == agent.episodesCompleted)
        #expect(loaded.greedyAction([1, 0, 0]) == agent.greedyAction([1, 0, 0]))
        // A resumed agent trains on from its counters with a larger budget.
        var more = loaded.configuration
        more.totalSteps = 300
        let resumed = try SAC.load(from: url, encoder: VectorEncoder(size: 3), actionCount: 1, configuration: more)
        var environment = try Self.pendulum()
        try resumed.train(in: &environment)
        #expect(resumed.stepsTaken == 300 && resumed.updates > agent.updates)
        #expect(throws: GymError.self) { try SAC.load(from: url, encoder: VectorEncoder(size: 4), actionCount: 1) }
    }

    @Test func aNonFiniteLossStopsTrainingWithTheCriticsUntouched() throws {
        var environment = try RescaleAction(TimeLimit(NaNRewardPendulum(), maxEpisodeSteps: 60))
        let agent = try SAC(encoder: VectorEncoder(size: 3), actionCount: 1, configuration: Self.smallConfiguration())
        let before = agent.critics.flatMap { $0.parameters.flatMap(\.value.scalars) }
        #expect(throws: TrainingDiverged.self) { try agent.train(in: &environment) }
        #expect(agent.updates == 0)
        #expect(agent.critics.flatMap { $0.parameters.flatMap(\.value.scalars) } == before)
    }

    @Test func actionsOutsideTheUnitBoxAreAClearError() throws {
        var environment = TimeLimit(Pendulum(), maxEpisodeSteps: 10)
        let agent = try SAC(encoder: VectorEncoder(size: 3), actionCount: 1, configuration: Self.smallConfiguration())
        #expect(throws: GymError.self) { try agent.trainEpisode(in: &environment) }
        #expect(throws: GymError.self) {
            try SAC(encoder: VectorEncoder(size: 3), actionCount: 0, configuration: Self.smallConfiguration())
        }
    }
}
