import Foundation
import Testing

/// Nothing is lost to a signal or a bad path: SIGTERM stops training like Ctrl-C (save, evaluate, report), and an
/// output path that cannot be written fails before any training.
@Suite(.enabled(if: CommandRunner.releaseGym != nil, "needs the release gym: swift build -c release --product gym"))
struct SignalAndPathTests {
    @Test func sigtermStopsTrainingSavesAndReports() throws {
        let binary = try #require(CommandRunner.releaseGym)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gym-sigterm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let errors = directory.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["run", "dqn", "cartpole", "--steps", "10000000", "--eval-episodes", "2", "--json",
                             "--save", "agent.safetensors"]
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        // Let training get under way (off a terminal, progress lines come only every tenth of the budget), then ask
        // it to stop.
        Thread.sleep(forTimeInterval: 2)
        kill(process.processIdentifier, SIGTERM)
        let watchdog = DispatchWorkItem { kill(process.processIdentifier, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        let stderr = try String(contentsOf: errors, encoding: .utf8)

        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: printed) as? [String: Any], "\(stderr)")
        #expect(report["interrupted"] as? Bool == true)
        #expect((1..<10_000_000).contains(report["steps"] as? Int ?? 0))
        #expect(report["eval_episodes"] as? Int == 2)
        #expect(stderr.contains("saved the agent to"))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(files.contains("agent.safetensors"))
        #expect(!files.contains { $0.contains(".partial-") }, "\(files)")
    }

    @Test(arguments: [["--save", "/nonexistent/dir/agent.safetensors"], ["--plot", "/nonexistent/dir/curve.svg"],
                      ["--log", "/nonexistent/dir/run.jsonl"], ["--record", "/nonexistent/dir/run.gif"]])
    func aBadOutputPathFailsBeforeTraining(flag: [String]) throws {
        let binary = try #require(CommandRunner.releaseGym)
        let start = Date()
        // A budget that takes minutes: only a check made before training can end this run within seconds.
        let output = try CommandRunner.run(["run", "dqn", "cartpole", "--steps", "10000000"] + flag, binary: binary,
                                           timeLimit: 60)
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(output.status != 0 && !output.signaled)
        #expect(output.stderr.contains("the directory '/nonexistent/dir' does not exist"), "\(output.stderr)")
        #expect(!output.stderr.contains("episode") && output.stdout.isEmpty)
    }
}
