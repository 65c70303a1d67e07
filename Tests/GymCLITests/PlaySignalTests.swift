import Foundation
import Testing

/// `gym play` quits on Ctrl-C (in a real window under Xvfb), and a `DISPLAY` that names no X server is told apart
/// before SDL tries it, so nothing hangs.
@Suite struct PlaySignalTests {
    @Test(.enabled(if: WindowScreenshotTests.toolsPresent)) func playQuitsOnControlC() throws {
        let server = try XServer(xvfb: try #require(WindowScreenshotTests.xvfb))
        defer { server.stop() }
        var environment = ProcessInfo.processInfo.environment
        environment["DISPLAY"] = server.display
        environment["WAYLAND_DISPLAY"] = nil
        environment["SDL_VIDEODRIVER"] = nil
        let play = Process()
        play.executableURL = CommandRunner.releaseGym ?? CommandRunner.productsDirectory.appendingPathComponent("gym")
        play.arguments = ["play", "breakout"]
        play.environment = environment
        play.standardOutput = FileHandle.nullDevice
        play.standardError = FileHandle.nullDevice
        try play.run()
        defer { killAndWait(play) }
        Thread.sleep(forTimeInterval: 2)
        #expect(play.isRunning, "gym play ended before Ctrl-C")
        kill(play.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(10)
        while play.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!play.isRunning, "gym play did not quit within 10 seconds of Ctrl-C")
        if !play.isRunning { #expect(play.terminationReason == .exit) }
    }

    /// A display number nothing listens on.
    static let deadDisplay = ":" + String((4_200..<4_300).first { !FileManager.default.fileExists(atPath: "/tmp/.X11-unix/X\($0)") } ?? 4_299)

    @Test func aDeadDisplayIsToldApart() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["DISPLAY"] = Self.deadDisplay
        environment["WAYLAND_DISPLAY"] = nil
        environment["SDL_VIDEODRIVER"] = nil
        let gym = CommandRunner.releaseGym ?? CommandRunner.productsDirectory.appendingPathComponent("gym")
        // Without SDL the library is what is missing; with it, the dead display must be named.
        let reason = WindowScreenshotTests.sdlPresent ? "no X server answers at DISPLAY=\(Self.deadDisplay)" : "cannot load SDL2"
        let play = try CommandRunner.run(["play", "gridworld"], binary: gym, environment: environment, timeLimit: 30)
        #expect(!play.timedOut && !play.signaled && play.status != 0)
        #expect(play.stderr.contains(reason), "\(play.stderr)")
        let run = try CommandRunner.run(["run", "q-learning", "gridworld", "--episodes", "5", "--eval-episodes", "1",
                                         "--render", "--fps", "10000"], binary: gym, environment: environment, timeLimit: 30)
        #expect(!run.timedOut && run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains(reason) && run.stderr.contains("showing the episodes in the terminal instead"))
    }
}
