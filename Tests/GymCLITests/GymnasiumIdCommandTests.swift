import Foundation
import Testing

/// End-to-end runs under Gymnasium's ids: they build the same environments as our names, with Gymnasium's options.
@Suite struct GymnasiumIdCommandTests {
    /// The release `gym` when it has been built, else the debug one (these runs are short either way).
    static let gym = CommandRunner.releaseGym ?? CommandRunner.productsDirectory.appendingPathComponent("gym")

    @Test func qLearningSolvesTheUnslipperyFrozenLakeUnderItsGymnasiumId() throws {
        let output = try CommandRunner.run(["run", "q-learning", "FrozenLake-v1", "--env-option", "is_slippery=false",
                                            "--episodes", "200", "--eval-episodes", "100", "--json"], binary: Self.gym)
        #expect(output.status == 0, "\(output.stderr)")
        let report = try CommandRunner.json(output)
        #expect(report["env"] as? String == "FrozenLake-v1" && report["episodes"] as? Int == 200)
        // Without slipping, the greedy policy reaches the goal in every episode.
        #expect(report["eval_success_rate"] as? Double == 1 && report["eval_mean_return"] as? Double == 1)
    }

    @Test func valueIterationOnFrozenLake8x8MatchesOurName() throws {
        let gymnasium = try CommandRunner.run(["run", "value-iteration", "FrozenLake8x8-v1", "--json", "--eval-episodes", "100"],
                                              binary: Self.gym)
        let ours = try CommandRunner.run(["run", "value-iteration", "frozenlake8x8", "--json", "--eval-episodes", "100"],
                                         binary: Self.gym)
        #expect(gymnasium.status == 0, "\(gymnasium.stderr)")
        let (a, b) = (try CommandRunner.json(gymnasium), try CommandRunner.json(ours))
        let values = try #require(a["values"] as? [Double])
        #expect(values.count == 64 && values == b["values"] as? [Double])
        #expect(a["policy"] as? [Int] == b["policy"] as? [Int])
        #expect(a["eval_mean_return"] as? Double == b["eval_mean_return"] as? Double)
    }

    @Test func listShowsBothNames() throws {
        let output = try CommandRunner.run(["list"], binary: Self.gym)
        #expect(output.status == 0)
        #expect(output.stdout.contains("also: FrozenLake-v1; their option names: is_slippery (slippery), map_name (size)"))
        #expect(output.stdout.contains("also: CartPole-v1\n"))
        #expect(output.stdout.contains("also: MinAtar/Breakout-v0 (action_set=full), MinAtar/Breakout-v1 (action_set=minimal); their option names: sticky_action_prob (sticky_probability), use_minimal_action_set (action_set)"))
    }

    @Test func anUnknownNameListsBothKinds() throws {
        let output = try CommandRunner.run(["check", "CartPole-v2"], binary: Self.gym)
        #expect(output.status != 0)
        #expect(output.stderr.contains("unknown environment 'CartPole-v2' (did you mean 'CartPole-v1'?); valid environments: acrobot, asterix, "))
        #expect(output.stderr.contains("; aliases: Acrobot-v1, CartPole-v1, CliffWalking-v1, "))
    }
}
