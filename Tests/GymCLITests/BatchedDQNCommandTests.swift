import Foundation
import Testing

/// End-to-end runs of DQN on N copies: a convergence check on the release `gym` (skipped, and saying so, when it has
/// not been built) and short runs of the debug one through the outputs, a resume, and the thread counts.
@Suite struct BatchedDQNCommandTests {
    @Test(.enabled(if: DeepAgentCommandTests.releaseBuilt, "needs the release gym: swift build -c release --product gym"))
    func eightCopiesClearTheLowerCartPoleBarOnAShortBudget() throws {
        let binary = try #require(CommandRunner.releaseGym)
        let output = try CommandRunner.run(["run", "dqn", "cartpole", "--num-envs", "8", "--threads", "2", "--steps",
                                            "20000", "--eval-episodes", "20", "--json"], binary: binary)
        #expect(output.status == 0, "\(output.stderr)")
        let report = try CommandRunner.json(output)
        #expect(report["steps"] as? Int == 20_000)
        // The zoo preset's 128 gradient steps at every multiple of 256 environment steps past 1,000, as on one copy.
        #expect(report["updates"] as? Int == (20_000 / 256 - 1_000 / 256) * 128)
        #expect(try #require(report["eval_mean_return"] as? Double) >= 195)
    }

    /// A short CartPole run of 4 copies on `threads` threads, with `extra` arguments, in `directory`.
    static func run(threads: Int, _ extra: [String] = [], in directory: URL? = nil) throws -> [String: Any] {
        let output = try CommandRunner.run(
            ["run", "dqn", "cartpole", "--num-envs", "4", "--threads", String(threads), "--steps", "400",
             "--learning-starts", "100", "--train-frequency", "4", "--gradient-steps", "1", "--batch-size", "16",
             "--buffer-size", "400", "--hidden", "16", "--eval-episodes", "2", "--json"] + extra, in: directory)
        #expect(output.status == 0, "\(output.stderr)")
        return try CommandRunner.json(output)
    }

    @Test func fourCopiesLogSaveResumeAndAgreeOnEveryThreadCount() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gym-dqn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = try Self.run(threads: 2, ["--log", "run.jsonl", "--save", "dqn.safetensors"], in: directory)
        #expect(report["steps"] as? Int == 400 && report["updates"] as? Int == (400 - 100) / 4)
        let hyperparameters = try #require(report["hyperparameters"] as? [String: String])
        #expect(hyperparameters["num_envs"] == "4" && hyperparameters["threads"] == "2")
        let lines = try String(contentsOf: directory.appendingPathComponent("run.jsonl"), encoding: .utf8).split(separator: "\n")
        let episodes = lines.filter { $0.contains("\"phase\":\"train\"") }
        #expect(episodes.count == report["episodes"] as? Int && episodes.allSatisfy { $0.contains("\"epsilon\"") })

        // One thread gives the same run bit for bit.
        let single = try Self.run(threads: 1)
        #expect(single["final_loss"] as? Double == report["final_loss"] as? Double)
        #expect(single["eval_mean_return"] as? Double == report["eval_mean_return"] as? Double)
        #expect(single["episodes"] as? Int == report["episodes"] as? Int)

        // Resume: the counters continue from the file.
        let resumed = try CommandRunner.run(["run", "dqn", "cartpole", "--load", "dqn.safetensors", "--steps", "600",
                                             "--eval-episodes", "2", "--json"], in: directory)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let resumedReport = try CommandRunner.json(resumed)
        // The resumed memory refills 100 transitions before updating again: at steps 500, 504, …, 600.
        #expect(resumedReport["steps"] as? Int == 600 && resumedReport["updates"] as? Int == 75 + 26)
        #expect((resumedReport["hyperparameters"] as? [String: String])?["num_envs"] == "4")
        // Evaluating needs no copies and no replay memory.
        let evaluated = try CommandRunner.run(["eval", "dqn", "cartpole", "--load", "dqn.safetensors", "--episodes", "2",
                                               "--json"], in: directory)
        #expect(evaluated.status == 0, "\(evaluated.stderr)")
        #expect(try CommandRunner.json(evaluated)["updates"] as? Int == 75)
    }
}
