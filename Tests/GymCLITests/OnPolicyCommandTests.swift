import Foundation
import Testing

/// End-to-end runs of PPO and A2C: a convergence check on the release `gym` (skipped, and saying so, when it has not
/// been built) and short runs of the debug one through every output and a checkpoint's resume.
@Suite struct OnPolicyCommandTests {
    @Test(.enabled(if: DeepAgentCommandTests.releaseBuilt, "needs the release gym: swift build -c release --product gym"))
    func ppoSolvesCartPoleWithTheZooSettings() throws {
        let binary = try #require(CommandRunner.releaseGym)
        let output = try CommandRunner.run(["run", "ppo", "cartpole", "--eval-episodes", "100", "--json"], binary: binary)
        #expect(output.status == 0, "\(output.stderr)")
        let report = try CommandRunner.json(output)
        #expect(report["steps"] as? Int == 100_096)   // whole rollouts of 8 × 32 steps until 100k are taken
        #expect(try #require(report["eval_mean_return"] as? Double) >= 475)
        #expect(report["solved_at_episode"] as? Int != nil)
    }

    @Test func ppoRunsLogsPlotsSavesAndResumes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gym-ppo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let trained = try CommandRunner.run(
            ["run", "ppo", "cartpole", "--steps", "512", "--num-envs", "4", "--num-steps", "32", "--minibatch-size", "64",
             "--update-epochs", "2", "--clip-coef", "0.1", "--threads", "2", "--eval-episodes", "2", "--log", "run.jsonl",
             "--log-updates", "4", "--plot", "curve.svg", "--save", "ppo.safetensors", "--json"], in: directory)
        #expect(trained.status == 0, "\(trained.stderr)")
        let report = try CommandRunner.json(trained)
        #expect(report["steps"] as? Int == 512 && report["updates"] as? Int == 16)
        let hyperparameters = try #require(report["hyperparameters"] as? [String: String])
        #expect(hyperparameters["num_envs"] == "4" && hyperparameters["clip_coefficient"] == "0.1")
        #expect(hyperparameters["threads"] == "2" && hyperparameters["network"] == "mlp")
        let lines = try String(contentsOf: directory.appendingPathComponent("run.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.filter { $0.contains("\"phase\":\"update\"") }.count == 4)
        #expect(lines.contains { $0.contains("\"phase\":\"train\"") && $0.contains("\"entropy\"") })
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("curve.svg").path))

        // Resume: the counters continue from the file, and the settings given override the saved ones.
        let resumed = try CommandRunner.run(["run", "ppo", "cartpole", "--load", "ppo.safetensors", "--steps", "768",
                                             "--eval-episodes", "2", "--json"], in: directory)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let resumedReport = try CommandRunner.json(resumed)
        #expect(resumedReport["steps"] as? Int == 768 && resumedReport["updates"] as? Int == 24)
        let evaluated = try CommandRunner.run(["eval", "ppo", "cartpole", "--load", "ppo.safetensors", "--episodes", "2",
                                               "--json"], in: directory)
        #expect(evaluated.status == 0, "\(evaluated.stderr)")
        #expect(try CommandRunner.json(evaluated)["updates"] as? Int == 16)
    }

    @Test func a2cTakesAStepPerRolloutOnAGridworld() throws {
        let output = try CommandRunner.run(["run", "a2c", "gridworld", "--steps", "640", "--num-envs", "4", "--eval-episodes",
                                            "2", "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        let report = try CommandRunner.json(output)
        #expect(report["updates"] as? Int == 32 && (report["policy"] as? [Int])?.count == 70)
        #expect((report["hyperparameters"] as? [String: String])?["num_steps"] == "5")
    }

    @Test(arguments: [
        (["run", "a2c", "cartpole", "--clip-coef", "0.1"], "--clip-coef does not apply to a2c; it is for ppo"),
        (["run", "ppo", "cartpole", "--num-envs", "0"], "num-envs must be an integer from 1 to 65536, got '0'"),
        (["run", "ppo", "cartpole", "--threads", "many"], "threads must be an integer from 1 to 1024, or auto, got 'many'"),
        (["run", "dqn", "cartpole", "--num-steps", "4"], "--num-steps does not apply to dqn; it is for ppo, a2c"),
        (["run", "dqn", "cartpole", "--num-envs", "0"], "num-envs must be an integer from 1 to 65536, got '0'"),
    ])
    func onPolicyFlagErrorsSayWhatIsValid(arguments: [String], message: String) throws {
        let output = try CommandRunner.run(arguments)
        #expect(output.status != 0)
        #expect(output.stderr.contains(message), "\(output.stderr)")
    }
}
