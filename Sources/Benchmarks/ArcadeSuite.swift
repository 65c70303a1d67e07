import Environments
import Foundation
import Gym
import NeuralNetwork

/// Throughput of the arcade games and of the pixel preprocessing chain, and the random policy's statistics.
///
/// Method (the same as `scripts/peers/minatar_peers.py` for MinAtar): MinAtar's default settings (sticky actions
/// 0.1, difficulty ramping, the full 6-action set), uniformly random actions, the observation produced and read
/// after every step, reset when an episode ends; best of three runs.
struct ArcadeSuite: BenchmarkSuite {
    static let name = "arcade"
    static let summary = "steps/s of the five MinAtar games against minatar, random-policy returns, Nature DQN pixel chain"
    static let peerScript: PeerScript? = PeerScript(name: "minatar_peers.py") { _ in [] }

    /// Steps per game measurement.
    let gameSteps = 5_000_000
    /// Episodes for the random policy's statistics.
    let statisticsEpisodes = 2000
    /// Agent steps through the Nature DQN chain.
    let chainSteps = 20_000

    func run(settings: BenchmarkSettings, report: (BenchmarkFigure) -> Void) throws {
        try measure("breakout", Breakout(), report: report)
        try measure("space-invaders", SpaceInvaders(), report: report)
        try measure("freeway", Freeway(), report: report)
        try measure("asterix", Asterix(), report: report)
        try measure("seaquest", Seaquest(), report: report)
        let chain = try NatureDQNPreprocessing()
        let rate = try chainStepsPerSecond(chain.apply(to: Breakout()))
        report(BenchmarkFigure(name: "breakout_nature_chain_steps", value: rate, unit: "steps/s",
                               comparison: "pixels 160x160 RGB → gray → max of 2 → skip 4 → area 84x84 → stack 4; \(String(format: "%.1f", 1e6 / rate)) µs a step"))
    }

    private func measure<Game: ArcadeGame>(_ name: String, _ game: Game, report: (BenchmarkFigure) -> Void) throws {
        let key = name.replacingOccurrences(of: "-", with: "_")
        let rate = try stepsPerSecond(game)
        report(BenchmarkFigure(name: "\(key)_random_steps", value: rate, unit: "steps/s",
                               comparison: "target ≥ 50× minatar, measured after the suite"))
        let statistics = try randomPolicyStatistics(game)
        report(BenchmarkFigure(name: "\(key)_random_return", value: statistics.meanReturn, unit: "per episode",
                               comparison: String(format: "mean length %.1f; minatar's random policy is measured after the suite", statistics.meanLength)))
    }

    /// The seeds of the game and of the random policy. They differ: with one seed the two generators draw the same
    /// numbers, so a sticky-action draw would fire exactly when the policy picks action 0, biasing the returns.
    static let gameSeed: UInt64 = 7
    static let policySeed: UInt64 = 1_007

    /// Random actions with auto-reset; every observation is folded into a checksum so none can be skipped.
    private func stepsPerSecond<Game: ArcadeGame>(_ game: Game) throws -> Double {
        var checksum: UInt128 = 0
        let seconds = try fastestSeconds {
            var game = game
            var generator = RandomGenerator(seed: Self.policySeed)
            let actions = game.actionSpace.count
            _ = game.reset(seed: Self.gameSeed)
            for _ in 0..<gameSteps {
                let step = try game.step(generator.nextInt(below: actions))
                checksum ^= step.observation.planes[0] ^ step.observation.planes[1]
                if step.isDone { _ = game.reset(seed: nil) }
            }
        }
        precondition(checksum != 1, "checksum keeps the observations alive")
        return Double(gameSteps) / seconds
    }

    /// The uniformly random policy's mean return and episode length.
    private func randomPolicyStatistics<Game: ArcadeGame>(_ game: Game) throws -> (meanReturn: Double, meanLength: Double) {
        var game = game
        var generator = RandomGenerator(seed: Self.policySeed)
        var total = 0.0, length = 0
        _ = game.reset(seed: Self.gameSeed)
        for _ in 0..<statisticsEpisodes {
            while true {
                let step = try game.step(generator.nextInt(below: game.actionSpace.count))
                total += step.reward
                length += 1
                if step.isDone { break }
            }
            _ = game.reset(seed: nil)
        }
        return (total / Double(statisticsEpisodes), Double(length) / Double(statisticsEpisodes))
    }

    /// Agent steps per second through the pixel chain, random actions, auto-reset.
    private func chainStepsPerSecond<E: Environment>(_ environment: E) throws -> Double where E.Action == Int, E.ActionSpace == Discrete,
        E.Observation == PlanarImage {
        var checksum = 0
        let seconds = try fastestSeconds {
            var environment = environment
            var generator = RandomGenerator(seed: Self.policySeed)
            _ = environment.reset(seed: Self.gameSeed)
            for _ in 0..<chainSteps {
                let step = try environment.step(generator.nextInt(below: environment.actionSpace.count))
                checksum &+= Int(step.observation.pixels[step.observation.pixels.count - 1])
                if step.isDone { _ = environment.reset(seed: nil) }
            }
        }
        precondition(checksum >= 0)
        return Double(chainSteps) / seconds
    }
}
