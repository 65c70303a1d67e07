import Foundation
import Testing

/// The classic-control tasks on the command line: tabular agents say why they cannot run on them, the neural agents
/// start on the discrete-action ones (tiny budgets), and continuous actions go through `check` and `render`.
@Suite struct ClassicControlCommandTests {
    @Test(arguments: [
        (["run", "value-iteration", "mountaincar"],
         "value-iteration is tabular: it needs discrete observations and actions, and 'mountaincar' has observations Box(low: [-1.2, -0.07], high: [0.6, 0.07], shape: [2], float32) and actions Discrete(3); use dqn"),
        (["run", "q-learning", "Acrobot-v1"],
         "q-learning is tabular: it needs discrete observations and actions, and 'Acrobot-v1' has observations Box(low: [-1.0, -1.0, -1.0, -1.0, -12.566371, -28.274334]"),
        (["run", "q-learning", "pendulum"],
         "q-learning is tabular: it needs discrete observations and actions, and 'pendulum' has observations Box(low: [-1.0, -1.0, -8.0], high: [1.0, 1.0, 8.0], shape: [3], float32) and actions Box(low: -2.0, high: 2.0, shape: [1], float32)\n"),
        (["run", "value-iteration", "mountaincar-continuous"],
         "and actions Box(low: -1.0, high: 1.0, shape: [1], float32)\n"),
        (["run", "dqn", "pendulum"],
         "dqn needs discrete actions; 'pendulum' has continuous actions Box(low: -2.0, high: 2.0, shape: [1], float32): use sac, ppo or a2c"),
    ])
    func agentsThatCannotRunSayWhy(arguments: [String], message: String) throws {
        let output = try CommandRunner.run(arguments)
        #expect(output.status != 0)
        #expect(output.stderr.contains(message), "\(output.stderr)")
    }

    @Test func dqnStartsOnMountainCar() throws {
        let output = try CommandRunner.run(["run", "dqn", "mountaincar", "--steps", "300", "--learning-starts", "100",
                                            "--eval-episodes", "1", "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        let report = try CommandRunner.json(output)
        #expect(report["steps"] as? Int == 300 && report["env"] as? String == "mountaincar")
        // Random pushes do not reach the flag in 200 steps: every episode is cut by the time limit.
        #expect(report["eval_mean_return"] as? Double == -200)
    }

    @Test func reinforceStartsOnAcrobot() throws {
        let output = try CommandRunner.run(["run", "reinforce", "acrobot", "--steps", "600", "--eval-episodes", "1", "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        let report = try CommandRunner.json(output)
        #expect((report["episodes"] as? Int ?? 0) >= 1 && report["env"] as? String == "acrobot")
        #expect((-500...0).contains(report["eval_mean_return"] as? Double ?? 1))
    }

    @Test(arguments: ["pendulum", "MountainCarContinuous-v0", "acrobot", "mountaincar"])
    func theCheckerPassesAndFramesAreWritten(name: String) throws {
        let check = try CommandRunner.run(["check", name])
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gym-frames-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let render = try CommandRunner.run(["render", name, "--frames", directory.path, "--max-steps", "3"])
        #expect(render.status == 0, "\(render.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(files == ["frame-0000.png", "frame-0001.png", "frame-0002.png", "frame-0003.png"])
    }
}
