import Agents
import Environments
import Gym
import TensorCore

/// SAC's training-loop throughput on Pendulum in RL Baselines3 Zoo's settings, measured like its peer
/// (`scripts/peers/continuous_peers.py`: Stable-Baselines3 SAC with the same settings, one torch thread).
struct ContinuousControlSuite: BenchmarkSuite {
    static let name = "continuous"
    static let peerScript: PeerScript? = PeerScript(name: "continuous_peers.py") { threads in
        ["--threads", String(threads.first ?? 1), "--steps", "3000"]
    }
    static let summary = "SAC training steps/s on Pendulum (the zoo's settings: 256-256 networks, batch 256, an update every step)"

    /// Environment steps of each measurement: 100 random ones, then an update after every step.
    let steps = 3_000

    func run(settings: BenchmarkSettings, report: (BenchmarkFigure) -> Void) throws {
        // The products on 256-wide layers run on as many threads as the peer's torch gets (the first count, 1 by
        // default).
        let saved = ComputeThreads.count
        defer { ComputeThreads.count = saved }
        let threads = settings.threadCounts.first ?? 1
        ComputeThreads.count = threads
        var configuration = SACConfiguration.pendulum
        configuration.totalSteps = steps
        let seconds = try fastestSeconds(repetitions: 2) {
            var environment = try RescaleAction(TimeLimit(Pendulum(), maxEpisodeSteps: 200))
            let agent = try SAC(encoder: VectorEncoder(size: 3), actionCount: 1, configuration: configuration)
            try agent.train(in: &environment)
        }
        report(BenchmarkFigure(
            name: "sac_pendulum_zoo_steps_t\(threads)", value: Double(steps) / seconds, unit: "steps/s",
            comparison: "whole training loop, \(steps) steps, \(steps - configuration.learningStarts) updates of batch 256 on 256-256 networks, \(threads) compute thread(s); the peer is Stable-Baselines3 SAC in the same settings (scripts/peers/continuous_peers.py)"))
    }
}
