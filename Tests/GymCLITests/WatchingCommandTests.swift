import Foundation
import Testing

/// `gym render`, `--record`, and what `--render` and `gym play` say when SDL or a display is missing.
@Suite struct WatchingCommandTests {
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gym-watching-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// This process's environment with `changes` applied (`nil` removes a variable).
    static func environment(_ changes: [String: String?]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for (name, value) in changes { environment[name] = value }
        return environment
    }

    @Test func renderWritesPngFramesOfOneEpisode() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try CommandRunner.run(["render", "gridworld", "--frames", directory.appendingPathComponent("out").path,
                                            "--max-steps", "5", "--seed", "2"])
        #expect(output.status == 0, "\(output.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("out").path).sorted()
        #expect(output.stdout.contains("wrote \(files.count) frames"))
        #expect(files.first == "frame-0000.png" && (2...6).contains(files.count))
        let bytes = Array(try Data(contentsOf: directory.appendingPathComponent("out/frame-0000.png")))
        #expect(Array(bytes[1..<4]) == Array("PNG".utf8))
        // IHDR: the 7x10 maze is 10 x 32 + 1 pixels wide and 7 x 32 + 1 high.
        #expect(Array(bytes[16..<24]) == [0, 0, 1, 65, 0, 0, 0, 225])
    }

    @Test func recordWritesTheChosenTrainingEpisodes() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let gif = directory.appendingPathComponent("run.gif").path
        let log = directory.appendingPathComponent("run.jsonl").path
        let output = try CommandRunner.run(["run", "q-learning", "gridworld", "--episodes", "3", "--eval-episodes", "1",
                                            "--max-episode-steps", "12", "--record", gif, "--record-every", "2",
                                            "--log", log])
        #expect(output.status == 0, "\(output.stderr)")
        // Episodes 1 and 3: a frame after each reset and after each step.
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let lengths = lines.filter { $0["phase"] as? String == "train" }.compactMap { $0["length"] as? Int }
        #expect(lengths.count == 3)
        let frames = lengths[0] + 1 + lengths[2] + 1
        #expect(output.stderr.contains("recorded \(frames) frames"), "\(output.stderr)")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: gif)))
        #expect(Array(bytes[0..<6]) == Array("GIF89a".utf8) && bytes.last == 0x3B)
    }

    @Test func plannerRecordsItsSweepsAndTheFirstEvaluationEpisode() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let gif = directory.appendingPathComponent("plan.gif").path
        let output = try CommandRunner.run(["run", "value-iteration", "gridworld", "--show-values", "--record", gif,
                                            "--eval-episodes", "2", "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let sweeps = try #require(report["iterations"] as? Int)
        let evaluationLength = try #require(report["eval_mean_length"] as? Double)
        // One still per sweep, then the first evaluation episode: a frame after the reset and after each step.
        let frames = sweeps + Int(evaluationLength) + 1
        #expect(output.stderr.contains("recorded \(frames) frames"), "\(output.stderr)")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: gif)))
        #expect(Array(bytes[0..<6]) == Array("GIF89a".utf8) && bytes.last == 0x3B)
    }

    @Test(arguments: [
        (["run", "q-learning", "gridworld", "--record", "run.png"], "--record writes an animated GIF: give a file name ending in .gif"),
        (["run", "q-learning", "gridworld", "--render-every", "0"], "--render-every must be from 1 to 1000000000000, got 0"),
        (["run", "q-learning", "gridworld", "--render", "sdl"], "'sdl'"),
        (["run", "dqn", "gridworld", "--show-values", "--record", "x.gif"], "--show-values paints the value table of a tabular agent"),
        (["run", "value-iteration", "gridworld", "--show-values"], "--show-values draws on the window or the recording"),
        (["run", "q-learning", "garnet", "--show-values", "--record", "x.gif"], "--show-values needs an environment that paints values"),
        (["run", "q-learning", "garnet", "--record", "x.gif"], "recording needs an environment that draws frames"),
        (["play", "garnet"], "'garnet' has no keyboard controls; playable environments: acrobot, asterix, breakout, cartpole"),
        (["render", "garnet", "--frames", "out"], "'garnet' draws only text, not frames"),
        (["watch", "q-learning", "gridworld", "--load", "x.safetensors"], "'q-learning' has no checkpoint"),
    ])
    func badWatchingInputFailsWithAClearMessage(arguments: [String], message: String) throws {
        let output = try CommandRunner.run(arguments, in: FileManager.default.temporaryDirectory)
        #expect(output.status != 0)
        #expect(output.stderr.contains(message), "stderr: \(output.stderr)")
    }

    @Test func missingSDLSaysWhatToInstallAndFallsBackToTheTerminal() throws {
        let environment = Self.environment(["GYM_SDL_LIBRARY": "libSDL2-not-installed.so.0", "DISPLAY": ":12345"])
        let output = try CommandRunner.run(["run", "q-learning", "gridworld", "--episodes", "20", "--eval-episodes", "1",
                                            "--render", "--fps", "10000"], environment: environment)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.contains("cannot load SDL2 ('libSDL2-not-installed.so.0'"))
        #expect(output.stderr.contains("install it with `apt-get install libsdl2-2.0-0`"))
        #expect(output.stderr.contains("showing the episodes in the terminal instead"))
        #expect(output.stderr.contains("greedy policy after 2 episodes"))
        let play = try CommandRunner.run(["play", "gridworld"], environment: environment)
        #expect(play.status != 0)
        #expect(play.stderr.contains("cannot open a window to play in: cannot load SDL2"))
    }

    @Test func missingDisplaySaysSo() throws {
        let environment = Self.environment(["DISPLAY": nil, "WAYLAND_DISPLAY": nil, "SDL_VIDEODRIVER": nil])
        let output = try CommandRunner.run(["run", "value-iteration", "frozenlake", "--eval-episodes", "1", "--render",
                                            "--fps", "10000"], environment: environment)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.contains("neither DISPLAY nor WAYLAND_DISPLAY is set"))
        #expect(output.stderr.contains("evaluation episode 1, step 1"))
    }
}
