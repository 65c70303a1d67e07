import Agents
import Environments
import Foundation
import Gym
import NeuralNetwork
import TensorCore
import Testing

@Suite struct GaussianPPOTests {
    @Test func gaussianLogProbabilityAndEntropyMatchTheClosedForm() {
        let head = GaussianHead(actionCount: 2)
        let means: [Float] = [0.5, -1.0, 2.0, 0.25]
        let actions: [Float] = [0.1, -0.2, 2.5, -1.0]
        let logDeviations: [Float] = [-0.5, 0.3]
        let (logProbabilities, entropy) = head.evaluate(
            Tensor(shape: [2, 2], scalars: means), logStandardDeviation: Tensor(shape: [1, 2], scalars: logDeviations),
            actions: actions)
        for row in 0..<2 {
            var expected = 0.0
            for component in 0..<2 {
                let sigma = exp(Double(logDeviations[component]))
                let z = (Double(actions[row * 2 + component]) - Double(means[row * 2 + component])) / sigma
                expected += -0.5 * z * z - log(sigma) - 0.5 * log(2 * Double.pi)
            }
            #expect(abs(Double(logProbabilities.scalars[row]) - expected) < 1e-5, "row \(row)")
        }
        let expectedEntropy = logDeviations.map { Double($0) + 0.5 + 0.5 * log(2 * Double.pi) }.reduce(0, +)
        #expect(abs(Double(entropy.item) - expectedEntropy) < 1e-5)
    }

    @Test func sampledLogProbabilitiesAgreeWithTheirEvaluation() {
        let head = GaussianHead(actionCount: 3)
        let means = Tensor(shape: [4, 3], scalars: (0..<12).map { Float($0) * 0.1 - 0.5 })
        let logDeviation = Tensor(shape: [1, 3], scalars: [-1, 0, 0.5])
        var actions = Array(repeating: head.placeholder, count: 4)
        var stored = Array(repeating: Float(0), count: 5 * 3)
        var logProbabilities = Array(repeating: Float(0), count: 5)
        var generator = RandomGenerator(seed: 4)
        head.sample(means, logStandardDeviation: logDeviation, into: &actions, stored: &stored,
                    logProbabilities: &logProbabilities, first: 1, using: &generator)
        #expect(Array(stored[3...]) == actions.flatMap { $0 })
        let evaluated = head.evaluate(means, logStandardDeviation: logDeviation, actions: Array(stored[3...]))
        for row in 0..<4 {
            #expect(abs(evaluated.logProbabilities.scalars[row] - logProbabilities[row + 1]) < 1e-4)
        }
        #expect(logProbabilities[0] == 0)   // rows before `first` untouched
    }

    @Test func gaussianLogProbabilityGradientsMatchFiniteDifferences() {
        let head = GaussianHead(actionCount: 2)
        let actions: [Float] = [0.3, -0.7, 1.1, 0.0]
        let start: [[Float]] = [[0.5, -1.0, 0.8, 0.2], [-0.4, 0.6]]   // means [2, 2], log σ [1, 2]
        let shapes = [[2, 2], [1, 2]]
        let weights = Tensor(shape: [2, 1], scalars: [0.6, -1.3])
        func objective(_ inputs: [Tensor]) -> Tensor {
            let (logProbabilities, entropy) = head.evaluate(inputs[0], logStandardDeviation: inputs[1], actions: actions)
            return (logProbabilities * weights).sum() + 0.7 * entropy
        }
        let leaves = zip(start, shapes).map { Tensor(shape: $1, scalars: $0).requiringGradient() }
        objective(leaves).backward()
        for input in 0..<2 {
            let analytic = leaves[input].gradient?.scalars ?? []
            #expect(analytic.count == start[input].count)
            for element in start[input].indices {
                var above = start, below = start
                above[input][element] += 1e-3
                below[input][element] -= 1e-3
                let value = { (values: [[Float]]) in
                    withoutGradient { objective(zip(values, shapes).map { Tensor(shape: $1, scalars: $0) }).item }
                }
                let numeric = (value(above) - value(below)) / 2e-3
                #expect(abs(analytic[element] - numeric) < 5e-3 * (1 + abs(numeric)), "input \(input) element \(element)")
            }
        }
    }

    static func smallConfiguration(seed: UInt64 = 2) -> OnPolicyConfiguration {
        var configuration = OnPolicyConfiguration.ppoPendulum
        configuration.totalSteps = 256
        configuration.environmentCount = 2
        configuration.rolloutSteps = 64
        configuration.minibatchSize = 32
        configuration.updateEpochs = 2
        configuration.hiddenLayers = [16]
        configuration.threads = 1
        configuration.seed = seed
        return configuration
    }

    static func train(seed: UInt64 = 2) throws -> (GaussianPPO<VectorEncoder>, [Double]) {
        let agent = try GaussianPPO(encoder: VectorEncoder(size: 3), actionCount: 1,
                                    configuration: smallConfiguration(seed: seed))
        let batch = try agent.makeBatch(of: Array(repeating: ClipAction(TimeLimit(Pendulum(), maxEpisodeSteps: 50)),
                                                  count: 2))
        var returns: [Double] = []
        while !agent.isFinished { returns += try agent.trainRollout(in: batch).map(\.totalReward) }
        return (agent, returns)
    }

    @Test func gaussianPPOTrainsDeterministicallyAndLearnsItsLogStandardDeviation() throws {
        let (agent, returns) = try Self.train()
        #expect(agent.stepsTaken == 256 && agent.updates == 2 * 2 * 4 && returns.count == 4)
        let logDeviation = try #require(agent.network.logStandardDeviation)
        #expect(logDeviation.value.scalars != [0])
        #expect(agent.network.namedParameters.last?.name == "actor_logstd")
        let (again, againReturns) = try Self.train()
        #expect(againReturns == returns)
        #expect(again.network.parameters.flatMap(\.value.scalars) == agent.network.parameters.flatMap(\.value.scalars))
        // The greedy action is the mean, unclipped.
        let observation: [Float] = [1, 0, 0]
        let mean = withoutGradient { agent.network(Tensor(shape: [1, 3], scalars: observation)) }.scalars
        #expect(agent.greedyAction(observation) == mean)
    }

    @Test func gaussianPPOCheckpointsKeepTheLogStandardDeviation() throws {
        let (agent, _) = try Self.train()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gppo-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try agent.save(to: url, metadata: [:])
        let loaded = try GaussianPPO.load(from: url, encoder: VectorEncoder(size: 3), actionCount: 1)
        #expect(loaded.network.logStandardDeviation?.value == agent.network.logStandardDeviation?.value)
        #expect(loaded.greedyAction([0, 1, 0.5]) == agent.greedyAction([0, 1, 0.5]))
        // A discrete PPO cannot load it: its network has no actor_logstd.
        #expect(throws: GymError.self) { try PPO.load(from: url, encoder: VectorEncoder(size: 3), actionCount: 1) }
    }
}
