import Foundation
import Testing

/// End-to-end tests: they run the built `gym` binary and read what it prints.
@Suite struct CommandLineTests {
    @Test func listShowsEnvironmentsWithSpacesAndAgents() throws {
        let output = try CommandRunner.run(["list"])
        #expect(output.status == 0)
        for name in ["gridworld", "frozenlake", "frozenlake8x8", "cliffwalking", "mdp", "garnet",
                     "q-learning", "sarsa", "value-iteration", "policy-iteration"] {
            #expect(output.stdout.contains(name), "missing \(name)")
        }
        #expect(output.stdout.contains("observations Discrete(16), actions Discrete(4), limit 100 steps, solved at 0.7"))
    }

    @Test func qLearningSolvesTheDefaultGridworld() throws {
        let output = try CommandRunner.run(["run", "q-learning", "gridworld", "--json", "--seed", "3"])
        #expect(output.status == 0, "\(output.stderr)")
        let report = try CommandRunner.json(output)
        for key in ["agent", "env", "seed", "episodes", "steps", "eval_mean_return", "eval_success_rate",
                    "wall_seconds", "steps_per_second", "values", "policy"] {
            #expect(report[key] != nil, "missing \(key)")
        }
        #expect(report["agent"] as? String == "q-learning" && report["env"] as? String == "gridworld")
        #expect(report["seed"] as? Int == 3 && report["episodes"] as? Int == 1000)
        #expect(report["eval_success_rate"] as? Double == 1)
        // The shortest path is 19 moves: 18 × −0.01 + 1.
        #expect(abs((report["eval_mean_return"] as? Double ?? 0) - 0.82) < 1e-9)
        #expect((report["values"] as? [Double])?.count == 70 && (report["policy"] as? [Int])?.count == 70)
        // Progress went to stderr.
        #expect(output.stderr.contains("episode 1000"))
    }

    @Test func sameSeedSameRun() throws {
        let arguments = ["run", "sarsa", "frozenlake", "--episodes", "300", "--json", "--eval-episodes", "50"]
        let first = try CommandRunner.json(CommandRunner.run(arguments))
        let second = try CommandRunner.json(CommandRunner.run(arguments))
        #expect(first["values"] as? [Double] == second["values"] as? [Double])
        #expect(first["eval_mean_return"] as? Double == second["eval_mean_return"] as? Double)
    }

    @Test func valueIterationReportsTheOptimalValues() throws {
        let output = try CommandRunner.run(["run", "value-iteration", "frozenlake", "--json"])
        let report = try CommandRunner.json(output)
        let values = try #require(report["values"] as? [Double])
        #expect(abs(values[0] - 0.5420259) < 1e-6)
        #expect(report["policy"] as? [Int] == [0, 3, 3, 3, 0, 0, 0, 0, 3, 1, 0, 0, 0, 2, 1, 0])
        #expect((report["iterations"] as? Int ?? 0) > 0)
    }

    @Test func textSummaryAndLogFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gym-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try CommandRunner.run(["run", "q-learning", "cliffwalking", "--episodes", "200",
                                            "--eval-episodes", "5", "--log", "episodes.jsonl"], in: directory)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("q-learning on cliffwalking, seed 0: trained 200 episodes"))
        #expect(output.stdout.contains("greedy policy:"))
        let lines = try String(contentsOf: directory.appendingPathComponent("episodes.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == 205)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?["phase"] as? String == "train" && first?["episode"] as? Int == 1)
        #expect(first?["epsilon"] as? Double == 1)
        let last = try JSONSerialization.jsonObject(with: Data(lines[204].utf8)) as? [String: Any]
        #expect(last?["phase"] as? String == "eval" && last?["episode"] as? Int == 5)
    }

    @Test func ansiRenderingDrawsTheGrid() throws {
        let output = try CommandRunner.run(["run", "q-learning", "gridworld", "--episodes", "50", "--eval-episodes", "1",
                                            "--render", "ansi", "--fps", "10000"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.contains("greedy policy after 5 episodes"))
        #expect(output.stderr.contains("evaluation episode 1, step 1"))
        #expect(output.stderr.contains("\u{1B}[41mS\u{1B}[0m"))
    }

    @Test func userMapAndMDPFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gym-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "S..#\n.#.G\n".write(to: directory.appendingPathComponent("maze.txt"), atomically: true, encoding: .utf8)
        let maze = try CommandRunner.json(CommandRunner.run(
            ["run", "value-iteration", "gridworld", "--map", "maze.txt", "--json"], in: directory))
        #expect(maze["eval_success_rate"] as? Double == 1)
        #expect(maze["eval_mean_length"] as? Double == 4)

        try """
            {"states": ["a", "b"], "actions": ["stay", "go"], "start": "a", "terminal": ["b"], "discount": 0.5,
             "transitions": [
               {"state": "a", "action": "stay", "next": "a", "probability": 1, "reward": 1},
               {"state": "a", "action": "go", "next": "b", "probability": 1, "reward": 3}
             ]}
            """.write(to: directory.appendingPathComponent("mdp.json"), atomically: true, encoding: .utf8)
        let mdp = try CommandRunner.json(CommandRunner.run(
            ["run", "policy-iteration", "mdp", "--mdp", "mdp.json", "--json"], in: directory))
        // With the file's γ = 0.5: staying forever is worth 1 / (1 − 0.5) = 2 < 3, so go.
        #expect(mdp["values"] as? [Double] == [3, 0])
        #expect(mdp["policy"] as? [Int] == [1, 0])
    }

    @Test(arguments: [
        (["run", "q-learning", "frozen"], "unknown environment 'frozen'; valid environments: acrobot, asterix, breakout, cartpole, cliffwalking, freeway, frozenlake"),
        (["run", "dqn-ish", "frozenlake"], "unknown agent 'dqn-ish'; valid agents: q-learning, sarsa"),
        (["run", "q-learning", "frozenlake", "--tolerance", "0.1"], "--tolerance does not apply to q-learning"),
        (["run", "q-learning", "frozenlake", "--learning-rate", "2"], "learning-rate must be a number in (0, 1], got '2'"),
        (["run", "q-learning", "cliffwalking", "--map", "x.txt"], "--map applies to gridworld, frozenlake and frozenlake8x8"),
        (["run", "q-learning", "gridworld", "--map", "/nonexistent/maze.txt"], "cannot read the map file '/nonexistent/maze.txt': no such file"),
        (["run", "value-iteration", "mdp"], "the 'mdp' environment needs a JSON file"),
        (["run", "q-learning", "frozenlake", "--env-option", "slipery=false"], "has no option 'slipery'"),
        (["check", "nowhere"], "unknown environment 'nowhere'"),
        (["bench", "gpu"], "unknown benchmark suite 'gpu'; valid benchmark suites: tabular"),
    ])
    func badInputFailsWithAClearMessage(arguments: [String], message: String) throws {
        let output = try CommandRunner.run(arguments)
        #expect(output.status != 0)
        #expect(output.stderr.contains(message), "stderr: \(output.stderr)")
    }

    @Test func malformedMapNamesTheLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gym-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "S..\n.x.\n..G\n".write(to: directory.appendingPathComponent("bad.txt"), atomically: true, encoding: .utf8)
        let output = try CommandRunner.run(["run", "q-learning", "gridworld", "--map", "bad.txt"], in: directory)
        #expect(output.status != 0)
        #expect(output.stderr.contains("bad.txt: map line 2, column 2: unknown cell 'x'"), "stderr: \(output.stderr)")
    }

    @Test func checkPassesABuiltInEnvironment() throws {
        let output = try CommandRunner.run(["check", "frozenlake8x8"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("frozenlake8x8: all 7 checks passed"))
    }

    @Test func customEnvironmentExampleLearns() throws {
        let output = try CommandRunner.run([], executable: "CustomEnvironmentExample")
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("windy-hallway"))
    }
}
