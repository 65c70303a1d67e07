import Foundation
import Testing

/// Hostile but fair input: numbers at the edges of their types, NaN and infinities, sizes that cannot fit, paths that
/// cannot be written or read. Every case must end with a non-zero exit and an error message, never a signal or a
/// hang. Runs on the release binary, as CI builds it.
@Suite(.enabled(if: CommandRunner.releaseGym != nil, "needs the release gym: swift build -c release --product gym"))
struct HostileInputTests {
    static let scratch: URL = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gym-hostile-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("loop").path,
                                                    withDestinationPath: directory.appendingPathComponent("loop").path)
        try? Data("{ \"states\": [\"a\",\n  oops ] }".utf8).write(to: directory.appendingPathComponent("bad.json"))
        try? Data("plain text".utf8).write(to: directory.appendingPathComponent("file.txt"))
        try? Data(#"{"states": 9223372036854775807, "actions": 2, "start": "0", "transitions": []}"#.utf8)
            .write(to: directory.appendingPathComponent("huge.json"))
        try? Data(#"{"states": 3000000, "actions": 4000, "start": "0", "transitions": []}"#.utf8)
            .write(to: directory.appendingPathComponent("wide.json"))
        // Two steps of reward 1e308 each: the return overflows to infinity.
        try? Data(#"""
            {"states": 3, "actions": 1, "start": "0", "terminal": ["2"], "transitions": [
              {"state": "0", "action": 0, "next": "1", "probability": 1, "reward": 1e308},
              {"state": "1", "action": 0, "next": "2", "probability": 1, "reward": 1e308}]}
            """#.utf8).write(to: directory.appendingPathComponent("overflowing.json"))
        return directory
    }()

    static func path(_ name: String) -> String { scratch.appendingPathComponent(name).path }

    static let huge = "9223372036854775807"

    /// Each case with a piece of the message it must print.
    static let cases: [([String], String)] = [
        // Agent settings at and past the edges of their types.
        (["run", "dqn", "cartpole", "--batch-size", huge], "batch-size must be an integer from 1 to 65536"),
        (["run", "dqn", "cartpole", "--buffer-size", huge], "buffer-size must be an integer from 1 to"),
        (["run", "dqn", "cartpole", "--buffer-size", "1000000000"], "transitions needs"),
        (["run", "dqn", "cartpole", "--exploration-fraction", "inf"], "exploration-fraction must be a number in [0, 1], got 'inf'"),
        (["run", "dqn", "cartpole", "--exploration-fraction", "nan"], "got 'nan'"),
        (["run", "dqn", "cartpole", "--exploration-fraction=-1"], "got '-1'"),
        (["run", "dqn", "cartpole", "--learning-rate", "1e309"], "learning-rate must be a number in (0,"),
        (["run", "dqn", "cartpole", "--steps", "-1"], "steps must be an integer from 1 to"),
        (["run", "dqn", "cartpole", "--steps", "99999999999999999999"], "steps must be an integer"),
        (["run", "dqn", "cartpole", "--hidden", "99999999999"], "hidden must be"),
        (["run", "dqn", "cartpole", "--gradient-steps", huge], "gradient-steps must be"),
        (["run", "dqn", "cartpole", "--max-grad-norm", "nan"], "max-grad-norm must be"),
        (["run", "dqn", "cartpole", "--double-dqn=maybe"], "double-dqn must be true or false"),
        (["run", "dqn", "cartpole", "--batch-size"], "--batch-size needs a value"),
        (["run", "q-learning", "gridworld", "--episodes", huge], "episodes must be an integer"),
        (["run", "q-learning", "gridworld", "--initial-value", "-inf"], "initial-value must be"),
        (["run", "value-iteration", "gridworld", "--max-iterations", "-1"], "max-iterations must be"),
        (["run", "value-iteration", "gridworld", "--tolerance", "0"], "tolerance must be"),
        // The command line's own numbers.
        (["run", "dqn", "cartpole", "--eval-episodes", "-5"], "--eval-episodes must be from 1 to"),
        (["run", "dqn", "cartpole", "--eval-episodes", huge], "--eval-episodes must be from 1 to"),
        (["run", "dqn", "cartpole", "--render-every", "-3"], "--render-every must be from 1 to"),
        (["run", "dqn", "cartpole", "--fps", "inf"], "--fps must be from"),
        (["run", "dqn", "cartpole", "--max-episode-steps", "-1"], "--max-episode-steps must be from 1 to"),
        (["run", "dqn", "cartpole", "--seed", "-1"], "--seed"),
        (["run", "dqn", "breakout", "--pixels", huge], "--pixels must be from 8 to 512"),
        (["run", "dqn", "breakout", "--pixels", "-84"], "--pixels must be from 8 to 512"),
        (["check", "gridworld", "--steps=-1"], "--steps must be from 1 to"),
        (["check", "gridworld", "--steps", huge], "--steps must be from 1 to"),
        (["render", "gridworld", "--frames", path("frames"), "--max-steps", "0"], "--max-steps must be from 1 to"),
        (["eval", "dqn", "cartpole", "--load", path("none.safetensors"), "--episodes", "-1"], "--episodes must be from 1 to"),
        (["play", "gridworld", "--episodes", "0"], "--episodes must be from 1 to"),
        (["bench", "tensor", "--threads", "100000000"], "--threads takes thread counts from 1 to 256"),
        // Environment options and sizes.
        (["run", "q-learning", "garnet", "--env-option", "states=\(huge)"], "at most 10000000"),
        (["run", "q-learning", "garnet", "--env-option", "states=100000000", "--env-option", "actions=100000000"], "transitions; at most"),
        (["run", "q-learning", "frozenlake", "--env-option", "success_rate=nan"], "must be a finite number"),
        (["run", "dqn", "breakout", "--env-option", "sticky_probability=-1"], "sticky action probability must lie in [0, 1]"),
        (["render", "gridworld", "--frames", path("frames"), "--pixels", "84"], "applies to games whose screen is their observation"),
        // Paths that cannot be written, checked before anything trains.
        (["run", "dqn", "cartpole", "--save", "/nonexistent/dir/x.safetensors"], "the directory '/nonexistent/dir' does not exist"),
        (["run", "dqn", "cartpole", "--plot", "/nonexistent/dir/x.svg"], "cannot write the plot"),
        (["run", "dqn", "cartpole", "--log", "/nonexistent/dir/x.jsonl"], "cannot write the log"),
        (["run", "dqn", "cartpole", "--save", NSTemporaryDirectory()], "it is a directory"),
        (["run", "dqn", "cartpole", "--save", path("same"), "--plot", path("same")], "both name"),
        (["run", "dqn", "cartpole", "--record", path("x.png")], "give a file name ending in .gif"),
        (["render", "gridworld", "--frames", path("file.txt")], "cannot create the frame directory"),
        // Paths that cannot be read.
        (["run", "q-learning", "gridworld", "--map", NSTemporaryDirectory()], "it is a directory, not a file"),
        (["run", "q-learning", "gridworld", "--map", path("loop")], "its symbolic links form a loop"),
        (["run", "value-iteration", "mdp", "--mdp", path("bad.json")], "line 2, column 3"),
        (["run", "value-iteration", "mdp", "--mdp", path("huge.json")], "is more than the 10000000 an MDP file may have"),
        (["run", "value-iteration", "mdp", "--mdp", path("wide.json")], "state-action pairs an MDP file may have"),
        (["eval", "dqn", "cartpole", "--load", NSTemporaryDirectory()], "it is a directory, not a file"),
        (["eval", "dqn", "cartpole", "--load", path("file.txt")], "is not a safetensors file"),
        (["eval", "dqn", "cartpole", "--load", path("loop")], "its symbolic links form a loop"),
        // Names.
        (["run", "dqn", "cartpole", "--nosuch", "3"], "unknown option '--nosuch'"),
        (["run", "dqn", "cartpole", "extra"], "unexpected argument 'extra'"),
        (["run", "q-learning", "gridworld", "--batch-size", "3"], "--batch-size does not apply to q-learning"),
    ]

    @Test(arguments: cases)
    func refusedWithAMessageNeverASignal(arguments: [String], message: String) throws {
        let binary = try #require(CommandRunner.releaseGym)
        let output = try CommandRunner.run(arguments, binary: binary, timeLimit: 60)
        #expect(!output.timedOut, "hung: gym \(arguments.joined(separator: " "))")
        #expect(!output.signaled, "killed by signal \(output.status): gym \(arguments.joined(separator: " "))\n\(output.stderr)")
        #expect(output.status != 0, "gym \(arguments.joined(separator: " ")) succeeded")
        #expect(output.stderr.contains(message), "gym \(arguments.joined(separator: " ")):\n\(output.stderr)")
    }

    @Test func anInfiniteReturnStillGivesValidJSON() throws {
        let binary = try #require(CommandRunner.releaseGym)
        let output = try CommandRunner.run(["run", "q-learning", "mdp", "--mdp", Self.path("overflowing.json"),
                                            "--episodes", "5", "--eval-episodes", "2", "--json"], binary: binary, timeLimit: 60)
        #expect(output.status == 0, "\(output.stderr)")
        let report = try CommandRunner.json(output)
        #expect(report["eval_mean_return"] as? String == "inf")
    }

    @Test func aPathThatIsNotUTF8IsRefusedClearly() throws {
        let binary = try #require(CommandRunner.releaseGym)
        // Process takes Swift strings, so the shell makes the byte 0xFF in the path.
        let script = "\"$0\" run q-learning gridworld --episodes 5 --log \"$(printf '\(Self.scratch.path)/bad\\377.jsonl')\""
        let output = try CommandRunner.run(["-c", script, binary.path], binary: URL(fileURLWithPath: "/bin/sh"),
                                           timeLimit: 60)
        #expect(output.status != 0 && !output.signaled)
        #expect(output.stderr.contains("is not valid UTF-8"), "\(output.stderr)")
    }
}
