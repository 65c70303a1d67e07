import Agents
import Environments
import Gym
import Parallelism
import TensorCore

/// Throughput of batched environments, of PPO and of DQN on N copies, in the settings `scripts/peers/batched_peers.py`
/// measures EnvPool, Gymnasium's `SyncVectorEnv`, Stable-Baselines3 and a PyTorch PPO loop with.
///
/// Method: N copies stepped together with actions drawn beforehand from a seeded generator (a table of 256 action
/// rows used in turn, so drawing them costs nothing during the measurement), every copy's observation written into
/// the batch's buffer every step, finished copies reset automatically; the fastest of three runs.
struct BatchedSuite: BenchmarkSuite {
    static let name = "batched"
    static let peerScript: PeerScript? = PeerScript(name: "batched_peers.py") { threads in
        ["--threads", threads.map(String.init).joined(separator: ",")]
    }
    static let summary = "batched random stepping (CartPole and Breakout, 64 copies, by thread count), PPO CartPole and MinAtar Breakout and DQN CartPole (1 and 8 copies) training steps/s"

    /// Copies in every batch.
    let copies = 64
    /// Batched steps per CartPole measurement (each is `copies` environment steps).
    let cartPoleBatchSteps = 50_000
    /// Batched steps per Breakout measurement.
    let breakoutBatchSteps = 20_000
    /// Environment steps of the PPO measurement.
    let ppoSteps = 50_000
    /// Rollouts (of 128 copies × 128 steps, each followed by its 12 gradient steps) of the PPO MinAtar measurement.
    let ppoMinAtarRollouts = 3
    /// Environment steps of each DQN measurement.
    let dqnSteps = 20_000

    func run(settings: BenchmarkSettings, report: (BenchmarkFigure) -> Void) throws {
        if settings.threadCounts.contains(where: { $0 > 1 }) {
            report(BenchmarkFigure(
                name: "worker_pool_handoff_us", value: handoffMicroseconds(), unit: "µs",
                comparison: "an empty two-part WorkerPool.run: starting the worker and waiting for it (the floor under every 2-thread batched step)"))
        }
        for threads in settings.threadCounts {
            let rate = try stepsPerSecond(TimeLimit(CartPole(), maxEpisodeSteps: 500), packer: ArrayPacker<Float>(count: 4),
                                          actionCount: 2, batchSteps: cartPoleBatchSteps, threads: threads)
            report(BenchmarkFigure(
                name: "batched_cartpole_n\(copies)_t\(threads)_steps", value: rate, unit: "steps/s",
                comparison: "CartPole-v1 (time limit 500), \(copies) copies, \(threads) thread(s); peers: envpool num_threads=\(threads), gymnasium SyncVectorEnv"))
        }
        for threads in settings.threadCounts {
            let breakout = Breakout()
            let rate = try stepsPerSecond(breakout, packer: ChannelGridEncoder(space: breakout.observationSpace),
                                          actionCount: 6, batchSteps: breakoutBatchSteps, threads: threads)
            report(BenchmarkFigure(
                name: "batched_breakout_n\(copies)_t\(threads)_steps", value: rate, unit: "steps/s",
                comparison: "MinAtar Breakout (sticky actions 0.1, all 6 actions), \(copies) copies, observations as bit planes, \(threads) thread(s)"))
        }
        var configuration = OnPolicyConfiguration.ppoCartPole
        configuration.totalSteps = ppoSteps
        let seconds = try fastestSeconds(repetitions: 2) {
            let agent = try PPO(encoder: VectorEncoder(size: 4), actionCount: 2, configuration: configuration)
            let batch = try agent.makeBatch(of: Array(repeating: TimeLimit(CartPole(), maxEpisodeSteps: 500),
                                                      count: agent.environmentCount))
            while !agent.isFinished { _ = try agent.trainRollout(in: batch) }
        }
        report(BenchmarkFigure(
            name: "ppo_cartpole_zoo_steps", value: Double(ppoSteps) / seconds, unit: "steps/s",
            comparison: "RL Zoo CartPole-v1 settings (8 copies × 32 steps, 20 epochs of one 256 minibatch, 64-64 tanh), \(ppoSteps) steps, whole training loop; peer: Stable-Baselines3 PPO in the same settings"))

        // Training figures run their tensor products on as many threads as the copies (the peer's torch threads).
        let savedComputeThreads = ComputeThreads.count
        defer { ComputeThreads.count = savedComputeThreads }
        let threads = settings.threadCounts.max() ?? 1
        ComputeThreads.count = threads
        var minAtar = OnPolicyConfiguration.ppoMinAtar
        minAtar.totalSteps = ppoMinAtarRollouts * minAtar.rolloutSize
        minAtar.threads = threads
        let minAtarSeconds = try fastestSeconds(repetitions: 1) {
            let agent = try PPO(encoder: ChannelGridEncoder(space: Breakout().observationSpace), actionCount: 6,
                                configuration: minAtar)
            let batch = try agent.makeBatch(of: Array(repeating: Breakout(), count: agent.environmentCount))
            while !agent.isFinished { _ = try agent.trainRollout(in: batch) }
        }
        report(BenchmarkFigure(
            name: "ppo_breakout_minatar_t\(threads)_steps", value: Double(minAtar.totalSteps) / minAtarSeconds,
            unit: "steps/s",
            comparison: "the MinAtar preset (128 copies × 128 steps, 3 epochs of 4 minibatches of 4096, the MinAtar network), \(ppoMinAtarRollouts) rollouts, \(threads) thread(s); peer: a PyTorch PPO loop on minatar's Breakout in the same settings (scripts/peers/torch_ppo_minatar.py); target ≥ 5×"))

        for (copies, dqnThreads) in [(1, 1), (8, 1)] + (threads > 1 ? [(8, threads)] : []) {
            ComputeThreads.count = dqnThreads
            var dqn = DQNConfiguration.cartPole
            dqn.totalSteps = dqnSteps
            dqn.environmentCount = copies
            dqn.threads = dqnThreads
            let seconds = try fastestSeconds(repetitions: 1) {
                let agent = try DQN(encoder: VectorEncoder(size: 4), actionCount: 2, configuration: dqn)
                let batch = try agent.makeBatch(of: Array(repeating: TimeLimit(CartPole(), maxEpisodeSteps: 500),
                                                          count: copies))
                while !agent.isFinished { _ = try agent.trainRollout(in: batch) }
            }
            report(BenchmarkFigure(
                name: "dqn_cartpole_n\(copies)_t\(dqnThreads)_steps", value: Double(dqnSteps) / seconds, unit: "steps/s",
                comparison: "the DQN CartPole preset (the zoo's 128 gradient steps of batch 64 every 256 steps, 64-64, Polyak τ 0.1 every step), \(dqnSteps) steps, \(copies) cop\(copies == 1 ? "y" : "ies"), \(dqnThreads) thread(s)"))
        }
    }

    /// Microseconds of one empty two-part ``WorkerPool/run(parts:_:)``, the fastest of three runs of 100,000 calls.
    private func handoffMicroseconds() -> Double {
        let calls = 100_000
        let seconds = fastestSeconds {
            for _ in 0..<calls { WorkerPool.shared.run(parts: 2) { _ in } }
        }
        return seconds / Double(calls) * 1e6
    }

    /// Environment steps per second of `batchSteps` batched steps of `copies` copies of `environment`.
    private func stepsPerSecond<E: Environment, Packer: ObservationPacker>(
        _ environment: E, packer: Packer, actionCount: Int, batchSteps: Int, threads: Int
    ) throws -> Double where E.Action == Int, Packer.Observation == E.Observation {
        var generator = RandomGenerator(seed: 0)
        let actionRows = (0..<256).map { _ in (0..<copies).map { _ in generator.nextInt(below: actionCount) } }
        var episodes = 0
        let seconds = try fastestSeconds {
            let batch = try BatchedEnvironment(environment, count: copies, packer: packer, seed: 0, threads: threads)
            for step in 0..<batchSteps { try batch.step(actionRows[step & 255]) }
            episodes = batch.episodesCompleted
        }
        precondition(episodes > 0, "the benchmark's copies never finished an episode")
        return Double(batchSteps * copies) / seconds
    }
}
