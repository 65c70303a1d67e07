import Agents
import Environments
import Gym
import Testing

/// A2C on continuous actions (``GaussianA2C``): one gradient step per rollout through the Gaussian head, learning the
/// mean and log σ.
@Suite struct GaussianA2CTests {
    /// A one-step task on continuous actions: the reward is −(a − 0.7)², so the best mean action is 0.7.
    struct Target: Environment {
        var observationSpace: Box<Float> { Box(low: 0, high: 1, shape: [1]) }
        var actionSpace: Box<Float> { Box(low: -3, high: 3, shape: [1]) }
        mutating func reset(seed: UInt64?) -> [Float] { [0] }
        mutating func step(_ action: [Float]) -> Step<[Float]> {
            Step(observation: [0], reward: -Double((action[0] - 0.7) * (action[0] - 0.7)), terminated: true)
        }
    }

    @Test func itMovesTheMeanToTheBestActionAndNarrowsThePolicy() throws {
        var configuration = OnPolicyConfiguration.a2cPendulum
        configuration.totalSteps = 8_000
        configuration.learningRate = 3e-3
        configuration.annealLearningRate = false
        configuration.hiddenLayers = [8]
        configuration.threads = 1
        let agent = try GaussianA2C(encoder: VectorEncoder(size: 1), actionCount: 1, configuration: configuration)
        let batch = try agent.makeBatch(of: Array(repeating: Target(), count: agent.environmentCount))
        while !agent.isFinished { _ = try agent.trainRollout(in: batch) }
        #expect(agent.updates == 8_000 / 64)
        let mean = try #require(agent.greedyAction([0]).first)
        #expect(abs(mean - 0.7) < 0.15, "mean action \(mean)")
        #expect(try #require(agent.network.logStandardDeviation?.value.scalars.first) < 0)
    }

    @Test func theSameSeedTrainsTheSameNetworkOnAnyThreadCount() throws {
        func train(threads: Int) throws -> [Float] {
            var configuration = OnPolicyConfiguration.a2cPendulum
            configuration.totalSteps = 640
            configuration.environmentCount = 4
            configuration.hiddenLayers = [16]
            configuration.threads = threads
            let agent = try GaussianA2C(encoder: VectorEncoder(size: 3), actionCount: 1, configuration: configuration)
            let batch = try agent.makeBatch(of: Array(repeating: ClipAction(TimeLimit(Pendulum(), maxEpisodeSteps: 50)),
                                                      count: 4))
            while !agent.isFinished { _ = try agent.trainRollout(in: batch) }
            #expect(agent.updates == 640 / 32 && agent.lastLoss?.isFinite == true)
            return agent.network.parameters.flatMap(\.value.scalars)
        }
        #expect(try train(threads: 1) == (try train(threads: 2)))
    }
}
