import Foundation
import Testing

/// End-to-end runs of the deep agents. Convergence needs release speed, so those tests drive the release `gym`
/// that `.ci/run` builds before `swift test`; they are skipped (and say so) when it has not been built.
@Suite struct DeepAgentCommandTests {
    static let releaseBuilt = CommandRunner.releaseGym != nil

    @Test(.enabled(if: releaseBuilt, "needs the release gym: swift build -c release --product gym"))
    func dqnSolvesTheDefaultGridworld() throws {
        let binary = try #require(CommandRunner.releaseGym)
        let output = try CommandRunner.run(["run", "dqn", "gridworld", "--json", "--eval-episodes", "100"], binary: binary)
        #expect(output.status == 0, "\(output.stderr)")
        let report = try CommandRunner.json(output)
        let successRate = try #require(report["eval_success_rate"] as? Double)
        #expect(successRate >= 0.95)
        #expect(report["steps"] as? Int == 100_000)
        #expect((report["policy"] as? [Int])?.count == 70)
    }

    @Test(.enabled(if: releaseBuilt, "needs the release gym: swift build -c release --product gym"))
    func dqnClearsTheLowerCartPoleBarOnAShortBudget() throws {
        let binary = try #require(CommandRunner.releaseGym)
        let output = try CommandRunner.run(["run", "dqn", "cartpole", "--steps", "20000", "--eval-episodes", "20", "--json"],
                                           binary: binary)
        #expect(output.status == 0, "\(output.stderr)")
        let meanReturn = try #require(try CommandRunner.json(output)["eval_mean_return"] as? Double)
        #expect(meanReturn >= 195)
    }

    @Test(.enabled(if: releaseBuilt, "needs the release gym: swift build -c release --product gym"))
    func reinforceSolvesCartPoleAndTheDefaultGridworld() throws {
        let binary = try #require(CommandRunner.releaseGym)
        let cartPole = try CommandRunner.run(["run", "reinforce", "cartpole", "--eval-episodes", "20", "--json"], binary: binary)
        #expect(cartPole.status == 0, "\(cartPole.stderr)")
        let cartPoleReport = try CommandRunner.json(cartPole)
        #expect(try #require(cartPoleReport["best_moving_average_100"] as? Double) >= 475)
        #expect(cartPoleReport["solved_at_episode"] as? Int != nil)
        #expect(try #require(cartPoleReport["eval_mean_return"] as? Double) >= 475)

        let gridworld = try CommandRunner.run(["run", "reinforce", "gridworld", "--eval-episodes", "100", "--json"],
                                              binary: binary)
        #expect(gridworld.status == 0, "\(gridworld.stderr)")
        #expect(try #require(try CommandRunner.json(gridworld)["eval_success_rate"] as? Double) >= 0.95)
    }

    @Test(.enabled(if: releaseBuilt, "needs the release gym: swift build -c release --product gym"))
    func actorCriticClearsTheLowerCartPoleBarOnAShortBudget() throws {
        let binary = try #require(CommandRunner.releaseGym)
        let output = try CommandRunner.run(["run", "actor-critic", "cartpole", "--steps", "60000",
                                            "--eval-episodes", "20", "--json"], binary: binary)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(try #require(try CommandRunner.json(output)["eval_mean_return"] as? Double) >= 195)
    }

    @Test(arguments: [
        (["run", "q-learning", "gridworld", "--double-dqn"], "--double-dqn does not apply to q-learning; it is for dqn"),
        (["run", "dqn", "gridworld", "--episodes", "5"], "--episodes does not apply to dqn; it is for q-learning, sarsa, expected-sarsa"),
        (["run", "dqn", "gridworld", "--loss", "l1"], "loss must be one of mse or huber, got 'l1'"),
        (["run", "dqn", "gridworld", "--hidden", "64,x"], "hidden must be 1 to 16 comma-separated integers from 1 to 65536, got '64,x'"),
        (["run", "q-learning", "cartpole"], "q-learning is tabular"),
        (["run", "reinforce", "cartpole", "--epsilon-end", "0.1"], "--epsilon-end does not apply to reinforce; it is for q-learning, sarsa, expected-sarsa, dqn"),
        (["run", "dqn", "cartpole", "--baseline", "mean"], "--baseline does not apply to dqn; it is for reinforce"),
        (["run", "actor-critic", "cartpole", "--episodes-per-update", "4"], "--episodes-per-update does not apply to actor-critic; it is for reinforce"),
        (["run", "reinforce", "cartpole", "--baseline", "median"], "baseline must be one of none, mean or value, got 'median'"),
        (["run", "q-learning", "gridworld", "--hidden", "8"], "--hidden does not apply to q-learning; it is for dqn, reinforce, actor-critic"),
        (["run", "dqn", "cartpole", "--network", "nature"], "the nature network needs [channels, height, width] inputs of at least 36x36"),
        (["run", "dqn", "cartpole", "--log-updates", "5"], "--log-updates sets how often --log FILE gets an update line; give --log FILE too"),
        (["run", "dqn", "cartpole", "--log-updates", "0"], "--log-updates must be from 1 to 1000000000000, got 0"),
        (["run", "dqn", "breakout", "--network", "resnet"], "network must be one of mlp, minatar, nature or auto, got 'resnet'"),
    ])
    func deepFlagErrorsSayWhatIsValid(arguments: [String], message: String) throws {
        let output = try CommandRunner.run(arguments)
        #expect(output.status != 0)
        #expect(output.stderr.contains(message), "\(output.stderr)")
    }

    @Test func dqnTinyRunReportsUpdatesAndLosses() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gym-dqn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try CommandRunner.run(
            ["run", "dqn", "cartpole", "--steps", "600", "--learning-starts", "100", "--train-frequency", "10",
             "--gradient-steps", "1", "--eval-episodes", "2", "--log", "run.jsonl", "--log-updates", "20", "--plot",
             "curve.svg", "--json"],
            in: directory)
        #expect(output.status == 0, "\(output.stderr)")
        let report = try CommandRunner.json(output)
        #expect(report["updates"] as? Int == 50)
        #expect((report["final_loss"] as? Double)?.isFinite == true)
        let lines = try String(contentsOf: directory.appendingPathComponent("run.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.contains { $0.contains("\"loss\"") && $0.contains("\"mean_q\"") })
        // An update line every 20 of the 50 updates, with the loss, mean Q and ε of that moment.
        let updateLines = try lines.filter { $0.contains("\"phase\":\"update\"") }.map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(updateLines.map { $0["updates"] as? Int } == [20, 40])
        #expect(updateLines.allSatisfy { $0["loss"] is Double && $0["mean_q"] is Double && $0["epsilon"] is Double })
        #expect(updateLines.map { $0["total_steps"] as? Int } == [300, 500])
        // The learning curve: one point per training episode in the return line, labelled axes, the threshold.
        let svg = try String(contentsOf: directory.appendingPathComponent("curve.svg"), encoding: .utf8)
        let trainingEpisodes = lines.filter { $0.contains("\"phase\":\"train\"") }.count
        let polylines = svg.components(separatedBy: "<polyline").dropFirst()
        #expect(polylines.count == 2)
        let firstPoints = polylines.first.map { $0.components(separatedBy: "points=\"")[1].prefix { $0 != "\"" } } ?? ""
        #expect(firstPoints.split(separator: " ").count == trainingEpisodes)
        #expect(svg.hasPrefix("<svg") && svg.contains("training episode") && svg.contains("episode return"))
        #expect(svg.contains("reward threshold"))
    }

    @Test(.enabled(if: releaseBuilt, "needs the release gym: swift build -c release --product gym"))
    func dqnTrainsTheMinAtarNetworkOnBreakoutGrids() throws {
        let binary = try #require(CommandRunner.releaseGym)
        let output = try CommandRunner.run(["run", "dqn", "breakout", "--steps", "3000", "--learning-starts", "500",
                                            "--eval-episodes", "3", "--json"], binary: binary)
        #expect(output.status == 0, "\(output.stderr)")
        let report = try CommandRunner.json(output)
        let hyperparameters = try #require(report["hyperparameters"] as? [String: String])
        #expect(hyperparameters["network"] == "minatar")
        #expect(hyperparameters["optimizer"] == "rmsprop" && hyperparameters["loss"] == "huber")
        #expect(report["updates"] as? Int == 2_500)
        #expect((report["final_loss"] as? Double)?.isFinite == true)
    }

    @Test(.enabled(if: releaseBuilt, "needs the release gym: swift build -c release --product gym"))
    func natureNetworkTrainsOnPixelsAndItsCheckpointNeedsThem() throws {
        let binary = try #require(CommandRunner.releaseGym)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gym-nature-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let trained = try CommandRunner.run(["run", "dqn", "breakout", "--network", "nature", "--steps", "300",
                                             "--learning-starts", "100", "--eval-episodes", "1", "--save", "nature.safetensors",
                                             "--json"], binary: binary, in: directory)
        #expect(trained.status == 0, "\(trained.stderr)")
        let report = try CommandRunner.json(trained)
        #expect((report["hyperparameters"] as? [String: String])?["network"] == "nature")
        #expect(report["updates"] as? Int == 50)

        // gym eval takes the pixel size from the checkpoint; another size, or a resumed run without it, is an error.
        let savedPixels = try CommandRunner.run(["eval", "dqn", "breakout", "--load", "nature.safetensors", "--episodes", "1"],
                                                binary: binary, in: directory)
        #expect(savedPixels.status == 0, "\(savedPixels.stderr)")
        let otherPixels = try CommandRunner.run(["eval", "dqn", "breakout", "--load", "nature.safetensors", "--pixels", "42"],
                                                binary: binary, in: directory)
        #expect(otherPixels.status != 0)
        #expect(otherPixels.stderr.contains("trained on --pixels 84 frames, but this run observes --pixels 42 frames"),
                "\(otherPixels.stderr)")
        let resumedWithout = try CommandRunner.run(["run", "dqn", "breakout", "--load", "nature.safetensors", "--steps", "400"],
                                                   binary: binary, in: directory)
        #expect(resumedWithout.status != 0)
        #expect(resumedWithout.stderr.contains("trained on --pixels 84 frames, but this run observes the game's own observations"),
                "\(resumedWithout.stderr)")
    }

    @Test func evalOfASavedAgentRepeatsTheRunsEvaluationWithoutFlags() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gym-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let trained = try CommandRunner.run(
            ["run", "dqn", "gridworld", "--steps", "1500", "--learning-starts", "200", "--hidden", "16", "--seed", "3",
             "--eval-episodes", "5", "--save", "agent.safetensors", "--json"], in: directory)
        #expect(trained.status == 0, "\(trained.stderr)")
        let evaluated = try CommandRunner.run(
            ["eval", "dqn", "gridworld", "--load", "agent.safetensors", "--episodes", "5", "--seed", "3", "--json"],
            in: directory)
        #expect(evaluated.status == 0, "\(evaluated.stderr)")
        let (run, eval) = (try CommandRunner.json(trained), try CommandRunner.json(evaluated))
        #expect(eval["checkpoint"] as? String == "agent.safetensors")
        #expect(eval["steps"] as? Int == 1500)
        #expect(eval["updates"] as? Int == run["updates"] as? Int)
        #expect(eval["policy"] as? [Int] == run["policy"] as? [Int])
        #expect(eval["eval_mean_return"] as? Double == run["eval_mean_return"] as? Double)

        let wrongEnvironment = try CommandRunner.run(["eval", "dqn", "cartpole", "--load", "agent.safetensors"], in: directory)
        #expect(wrongEnvironment.status != 0)
        #expect(wrongEnvironment.stderr.contains("holds an agent trained on 'gridworld', not 'cartpole'"), "\(wrongEnvironment.stderr)")
        let missing = try CommandRunner.run(["eval", "dqn", "gridworld", "--load", "none.safetensors"], in: directory)
        #expect(missing.stderr.contains("cannot read the checkpoint") && missing.stderr.contains("no such file"), "\(missing.stderr)")
    }
}
