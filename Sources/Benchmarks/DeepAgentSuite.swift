import Agents
import Environments
import Gym
import NeuralNetwork

/// Training-loop throughput of the neural agents, in the settings the peers are measured with
/// (`scripts/peers/deep_peers.py`: Stable-Baselines3 DQN, a plain PyTorch REINFORCE and a PyTorch MinAtar DQN, same
/// hyperparameters), and the replay memory pixel DQN needs.
struct DeepAgentSuite: BenchmarkSuite {
    static let name = "deep"
    static let peerScript: PeerScript? = PeerScript(name: "deep_peers.py") { threads in
        ["--threads", String(threads.first ?? 1)]
    }
    static let summary = "DQN and REINFORCE training steps/s (CartPole, MinAtar Breakout), replay memory of pixel DQN"

    /// Environment steps of each DQN measurement (learning starts at 10k, so most of them train).
    let dqnSteps = 50_000
    /// Environment steps of each REINFORCE measurement.
    let reinforceSteps = 100_000
    /// Environment steps of each MinAtar DQN measurement (1,000 before learning starts, then one update a step).
    let minAtarSteps = 6_000

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

        try minAtarFigures(report: report)
    }

    /// MinAtar DQN on Breakout's channel grids, and the resident memory of full-size pixel replay buffers.
    private func minAtarFigures(report: (BenchmarkFigure) -> Void) throws {
        var configuration = DQNConfiguration.minAtar
        configuration.totalSteps = minAtarSteps
        configuration.learningStarts = 1_000
        let seconds = try fastestSeconds(repetitions: 2) {
            var environment = Breakout()
            let agent = try DQN(encoder: ChannelGridEncoder(space: environment.observationSpace), actionCount: 6,
                                configuration: configuration)
            try agent.train(in: &environment)
        }
        report(BenchmarkFigure(
            name: "dqn_breakout_minatar_steps", value: Double(minAtarSteps) / seconds, unit: "steps/s",
            comparison: "MinAtar network and settings (batch 32, RMSProp centered, an update every step after 1k), \(minAtarSteps) steps; the PyTorch peer in scripts/peers/deep_peers.py runs the same loop"))

        // Resident memory of full buffers: filled to capacity, since untouched zero pages cost nothing.
        let seaquestSpace = Seaquest().observationSpace
        var generator = RandomGenerator(seed: 0)
        report(try residentMegabytes(
            name: "replay_seaquest_100k_mb", memory: ReplayBuffer.self, encoder: ChannelGridEncoder(space: seaquestSpace),
            capacity: 100_000, first: seaquestSpace.sample(using: &generator),
            comparison: "100k MinAtar transitions of the largest game (10 channels), filled; target ≤ 100 MB"
        ) { grid in grid = seaquestSpace.sample(using: &generator) })
        report(try residentMegabytes(
            name: "replay_nature_1m_mb", memory: FrameStackReplayBuffer.self,
            encoder: ImageEncoder(space: ImageSpace(channels: 4, height: 84, width: 84, stackedFrames: 4)),
            capacity: 1_000_000, first: PlanarImage(channels: 4, height: 84, width: 84),
            comparison: "1M slots of 84x84 frames, filled, each frame stored once for its 4-frame stacks; target ≤ 8 GB"
        ) { stack in
            // The next observation: the stack moved by one frame.
            let frame = stack.pixels.count / 4
            stack.pixels.replaceSubrange(0..<3 * frame, with: stack.pixels[frame...])
            stack.pixels.replaceSubrange(3 * frame..<4 * frame, with: repeatElement(UInt8(truncatingIfNeeded: generator.next()), count: frame))
        })
    }

    /// The resident memory a replay memory of `capacity` for `encoder` adds once full of one long episode that
    /// starts at `first`; `advance` turns each observation into the next.
    private func residentMegabytes<Memory: ReplayMemory>(
        name: String, memory: Memory.Type, encoder: Memory.Encoder, capacity: Int, first: Memory.Encoder.Observation,
        comparison: String, advance: (inout Memory.Encoder.Observation) -> Void
    ) throws -> BenchmarkFigure {
        let before = ResidentMemory.current()
        var memory = try Memory(capacity: capacity, encoder: encoder)
        var observation = first
        for _ in 0..<capacity {
            var next = observation
            advance(&next)
            memory.append(observation: observation, action: 0, reward: 0, nextObservation: next, terminated: false,
                          truncated: false)
            observation = next
        }
        let added = ResidentMemory.current() - before
        return withExtendedLifetime(memory) {
            BenchmarkFigure(name: name, value: added, unit: "MB",
                            comparison: "\(comparison) (storage \(memory.storageBytes / 1_000_000) MB)")
        }
    }
}
