import Agents
import Environments
import Gym
import NeuralNetwork

/// Training-loop throughput of the neural agents on CartPole, in the settings the peers are measured with
/// (`scripts/peers/deep_peers.py`: Stable-Baselines3 DQN and a plain PyTorch REINFORCE, same hyperparameters).
struct DeepAgentSuite: BenchmarkSuite {
    static let name = "deep"
    static let summary = "DQN (CleanRL CartPole settings) and REINFORCE training steps/s on CartPole"

    /// Environment steps of each DQN measurement (learning starts at 10k, so most of them train).
    let dqnSteps = 50_000
    /// Environment steps of each REINFORCE measurement.
    let reinforceSteps = 100_000

    /// CleanRL's CartPole DQN hyperparameters (its `dqn.py` defaults).
    static var cleanRLDQN: DQNConfiguration {
        var configuration = DQNConfiguration()   // the defaults are CleanRL's values
        configuration.learningRate = 2.5e-4
        configuration.bufferSize = 10_000
        configuration.batchSize = 128
        configuration.targetUpdateInterval = 500
        configuration.epsilonEnd = 0.05
        configuration.explorationFraction = 0.5
        configuration.learningStarts = 10_000
        configuration.trainFrequency = 10
        configuration.hiddenLayers = [120, 84]
        return configuration
    }

    /// The plain REINFORCE the peer runs: policy 4 → 128 → 2, Adam 1e-2, normalized returns, no value network.
    static var plainReinforce: PolicyGradientConfiguration {
        var configuration = PolicyGradientConfiguration()
        configuration.learningRate = 1e-2
        configuration.hiddenLayers = [128]
        configuration.baseline = .none
        return configuration
    }

    func run(settings: BenchmarkSettings, report: (BenchmarkFigure) -> Void) throws {
        var dqn = Self.cleanRLDQN
        dqn.totalSteps = dqnSteps
        let dqnSeconds = try fastestSeconds(repetitions: 2) {
            var environment = TimeLimit(CartPole(), maxEpisodeSteps: 500)
            let agent = try DQN(encoder: VectorEncoder(size: 4), actionCount: 2, configuration: dqn)
            try agent.train(in: &environment)
        }
        report(BenchmarkFigure(
            name: "dqn_cartpole_cleanrl_steps", value: Double(dqnSteps) / dqnSeconds, unit: "steps/s",
            comparison: "whole training loop, \(dqnSteps) steps, 4000 updates of batch 128; target ≥ 10× Stable-Baselines3 DQN in the same settings (scripts/peers/deep_peers.py)"))

        for (name, baseline) in [("reinforce_cartpole_plain", PolicyGradientConfiguration.Baseline.none),
                                 ("reinforce_cartpole_value_baseline", .valueNetwork)] {
            var configuration = Self.plainReinforce
            configuration.totalSteps = reinforceSteps
            configuration.baseline = baseline
            let seconds = try fastestSeconds(repetitions: 2) {
                var environment = TimeLimit(CartPole(), maxEpisodeSteps: 500)
                let agent = try Reinforce(encoder: VectorEncoder(size: 4), actionCount: 2, configuration: configuration)
                try agent.train(in: &environment)
            }
            report(BenchmarkFigure(
                name: "\(name)_steps", value: Double(reinforceSteps) / seconds, unit: "steps/s",
                comparison: baseline == .none
                    ? "policy 4→128→2, Adam 1e-2, one episode per update; target ≥ 10× a plain PyTorch REINFORCE (scripts/peers/deep_peers.py)"
                    : "the same with the value-network baseline (gym run reinforce's default)"))
        }
    }
}
