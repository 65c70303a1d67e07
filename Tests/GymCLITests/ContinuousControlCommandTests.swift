import Foundation
import Testing

/// End-to-end runs of SAC on continuous control: a convergence check on the release `gym` (skipped, and saying so,
/// when it has not been built) and short runs of the debug one through every output and a checkpoint's resume.
@Suite struct ContinuousControlCommandTests {
    /// Pendulum with two 64-unit layers instead of the zoo's 256 and 10k of its 20k steps, so that it fits in
    /// seconds: seeds 0, 1 and 2 all reach −150 to −175 over 20 greedy episodes (random torques score about −1200).
    @Test(.enabled(if: DeepAgentCommandTests.releaseBuilt, "needs the release gym: swift build -c release --product gym"))
    func sacSwingsThePendulumUp() throws {
        let binary = try #require(CommandRunner.releaseGym)
        let output = try CommandRunner.run(["run", "sac", "pendulum", "--steps", "10000", "--hidden", "64,64",
                                            "--eval-episodes", "20", "--json"], binary: binary)
        #expect(output.status == 0, "\(output.stderr)")
        let report = try CommandRunner.json(output)
        #expect(report["steps"] as? Int == 10_000 && report["updates"] as? Int == 9_900)
        #expect(try #require(report["eval_mean_return"] as? Double) >= -250)
    }

    /// PPO with the zoo's Pendulum-v1 settings and budget (100k steps, about 15 s): seeds 0–4 reach −161 to −215 over
    /// 100 greedy episodes.
    @Test(.enabled(if: DeepAgentCommandTests.releaseBuilt, "needs the release gym: swift build -c release --product gym"))
    func ppoSwingsThePendulumUpWithTheZooSettings() throws {
        let binary = try #require(CommandRunner.releaseGym)
        let output = try CommandRunner.run(["run", "ppo", "pendulum", "--eval-episodes", "100", "--json"], binary: binary)
        #expect(output.status == 0, "\(output.stderr)")
        let report = try CommandRunner.json(output)
        #expect(report["steps"] as? Int == 102_400)   // whole rollouts of 4 × 1024 steps until 100k are taken
        #expect(try #require(report["eval_mean_return"] as? Double) >= -250)
    }

    @Test func gaussianPPORunsSavesAndEvaluates() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gym-gppo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let trained = try CommandRunner.run(
            ["run", "ppo", "mountaincar-continuous", "--steps", "256", "--num-envs", "2", "--num-steps", "64",
             "--update-epochs", "1", "--eval-episodes", "1", "--save", "ppo.safetensors", "--json"], in: directory)
        #expect(trained.status == 0, "\(trained.stderr)")
        let report = try CommandRunner.json(trained)
        #expect(report["steps"] as? Int == 256 && report["updates"] as? Int == 2 * 2)
        #expect((report["hyperparameters"] as? [String: String])?["learning_rate"] == "0.0003")
        let evaluated = try CommandRunner.run(["eval", "ppo", "mountaincar-continuous", "--load", "ppo.safetensors",
                                               "--episodes", "1", "--json"], in: directory)
        #expect(evaluated.status == 0, "\(evaluated.stderr)")
        #expect(try CommandRunner.json(evaluated)["eval_mean_return"] as? Double == report["eval_mean_return"] as? Double)
    }

    @Test func normalizedObservationsAreSavedRestoredAndFrozenForEvaluation() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gym-norm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let trained = try CommandRunner.run(
            ["run", "ppo", "pendulum", "--normalize-observations", "--steps", "256", "--num-envs", "2", "--num-steps",
             "64", "--update-epochs", "1", "--eval-episodes", "2", "--save", "ppo.safetensors", "--json"], in: directory)
        #expect(trained.status == 0, "\(trained.stderr)")
        let report = try CommandRunner.json(trained)
        #expect((report["hyperparameters"] as? [String: String])?["normalize_observations"] == "true")
        // gym eval restores the statistics without being told, frozen: the same greedy episodes score the same.
        let evaluated = try CommandRunner.run(["eval", "ppo", "pendulum", "--load", "ppo.safetensors", "--episodes", "2",
                                               "--json"], in: directory)
        #expect(evaluated.status == 0, "\(evaluated.stderr)")
        let evaluation = try CommandRunner.json(evaluated)
        #expect((evaluation["hyperparameters"] as? [String: String])?["normalize_observations"] == "true")
        #expect(evaluation["eval_mean_return"] as? Double == report["eval_mean_return"] as? Double)
        let refused = try CommandRunner.run(["run", "dqn", "cartpole", "--normalize-observations", "--steps", "10"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--normalize-observations applies to continuous-control runs"))
    }

    @Test func sacRunsLogsPlotsSavesResumesAndEvaluates() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gym-sac-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let trained = try CommandRunner.run(
            ["run", "sac", "pendulum", "--steps", "150", "--learning-starts", "100", "--hidden", "16", "--batch-size", "32",
             "--eval-episodes", "2", "--log", "run.jsonl", "--plot", "curve.svg", "--save", "sac.safetensors",
             "--tensorboard", "tb", "--json"], in: directory)
        #expect(trained.status == 0, "\(trained.stderr)")
        let report = try CommandRunner.json(trained)
        #expect(report["steps"] as? Int == 150 && report["updates"] as? Int == 50)
        let hyperparameters = try #require(report["hyperparameters"] as? [String: String])
        #expect(hyperparameters["learning_rate"] == "0.001" && hyperparameters["hidden"] == "16")
        #expect(hyperparameters["tune_entropy"] == "true" && hyperparameters["target_entropy"] == "none")
        let lines = try String(contentsOf: directory.appendingPathComponent("run.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.contains { $0.contains("\"phase\":\"train\"") && $0.contains("\"value_loss\"") })
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("curve.svg").path))
        let events = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("tb").path)
        #expect(events.contains { $0.hasPrefix("events.out.tfevents") })

        // Resume: the counters continue from the file (the empty buffer refills for learning-starts steps first).
        let resumed = try CommandRunner.run(["run", "sac", "pendulum", "--load", "sac.safetensors", "--steps", "400",
                                             "--eval-episodes", "1", "--json"], in: directory)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let resumedReport = try CommandRunner.json(resumed)
        #expect(resumedReport["steps"] as? Int == 400 && resumedReport["updates"] as? Int == 50 + 151)
        let evaluated = try CommandRunner.run(["eval", "sac", "pendulum", "--load", "sac.safetensors", "--episodes", "2",
                                               "--json"], in: directory)
        #expect(evaluated.status == 0, "\(evaluated.stderr)")
        let evaluation = try CommandRunner.json(evaluated)
        #expect(evaluation["updates"] as? Int == 50 && evaluation["eval_episodes"] as? Int == 2)
        #expect(evaluation["eval_mean_return"] as? Double == report["eval_mean_return"] as? Double)
    }

    @Test func a2cOnPendulumUsesTheZooEntryWithAGaussianPolicy() throws {
        let output = try CommandRunner.run(["run", "a2c", "pendulum", "--steps", "128", "--num-envs", "4",
                                            "--eval-episodes", "1", "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        let report = try CommandRunner.json(output)
        let hyperparameters = try #require(report["hyperparameters"] as? [String: String])
        #expect(hyperparameters["num_steps"] == "8" && hyperparameters["discount"] == "0.9")
        #expect(hyperparameters["gae_lambda"] == "0.9" && hyperparameters["value_coefficient"] == "0.8")
        #expect(report["steps"] as? Int == 128 && report["updates"] as? Int == 128 / 32)
        #expect(report["eval_episodes"] as? Int == 1)
    }

    @Test func sacOnMountainCarContinuousUsesTheZooEntry() throws {
        let output = try CommandRunner.run(["run", "sac", "mountaincar-continuous", "--steps", "64", "--eval-episodes",
                                            "1", "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        let report = try CommandRunner.json(output)
        let hyperparameters = try #require(report["hyperparameters"] as? [String: String])
        #expect(hyperparameters["entropy_coefficient"] == "0.1" && hyperparameters["tune_entropy"] == "false")
        #expect(hyperparameters["hidden"] == "64,64" && hyperparameters["gradient_steps"] == "32")
        #expect(report["updates"] as? Int == 64)
    }

    @Test(arguments: [
        (["run", "sac", "cartpole", "--steps", "10"], "sac needs continuous (Box) actions; 'cartpole' has Discrete(2): use dqn, ppo or a2c"),
        (["run", "dqn", "pendulum", "--steps", "10"], "dqn needs discrete actions; 'pendulum' has continuous actions"),
        (["run", "sac", "pendulum", "--network", "nature"], "SAC builds fully connected networks; network must be mlp or auto, got nature"),
        (["run", "sac", "pendulum", "--tau", "2"], "tau must be a number in (0, 1], got '2'"),
        (["run", "sac", "pendulum", "--entropy-coefficient", "0"], "entropy-coefficient must be a number in (0, 1000000], got '0'"),
    ])
    func badSACInputIsAClearError(arguments: [String], message: String) throws {
        let output = try CommandRunner.run(arguments)
        #expect(output.status != 0)
        #expect(output.stderr.contains(message), "\(output.stderr)")
    }
}
