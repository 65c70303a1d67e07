import Environments
import Foundation
import Gym
import NeuralNetwork
import Viewer

/// `gym bench viewer`: what showing and recording episodes costs, for the gridworld maze and Breakout.
///
/// Method: seeded random actions with auto-reset; each figure runs the environment step plus the named work on every
/// frame, best of three runs. The window figures use an SDL window at unlimited frame rate (`LiveView` with
/// `framesPerSecond = .infinity`): on the display in `DISPLAY` when one is set (under Xvfb that is X11 with SDL's
/// software renderer), else SDL's offscreen `dummy` video driver; they are left out, with the reason, when SDL cannot
/// be loaded.
struct ViewerSuite: BenchmarkSuite {
    static let name = "viewer"
    static let summary = "frames/s of env frames, HUD composition and an SDL window at unlimited FPS, and --record's cost a frame"

    /// Frames per measurement.
    let frames = 2_000

    func run(settings: BenchmarkSettings, report: (BenchmarkFigure) -> Void) throws {
        let maze = try Registry.standard.make("gridworld")
        try measure("gridworld", maze, report: report)
        try measure("breakout", Breakout(), report: report)
    }

    private func measure<E: Environment>(_ name: String, _ environment: E, report: (BenchmarkFigure) -> Void) throws {
        let frameRate = try framesPerSecond(environment) { FrameSink { _ in } }
        report(BenchmarkFigure(name: "\(name)_frame", value: frameRate, unit: "frames/s",
                               comparison: String(format: "step + frame(): %.1f µs a frame", 1e6 / frameRate)))
        var composed = Frame(width: 1, height: 1)
        let hudRate = try framesPerSecond(environment) { FrameSink { composed = HUD.compose($0, status: Self.status) } }
        report(BenchmarkFigure(name: "\(name)_frame_hud", value: hudRate, unit: "frames/s",
                               comparison: "\(composed.width)x\(composed.height) with the HUD; " + String(format: "%.1f µs a frame", 1e6 / hudRate)))
        try measureRecording(name, environment, composedSize: composed, hudRate: hudRate, report: report)
        try measureWindow(name, environment, size: composed, report: report)
    }

    /// `--record`: composition plus GIF encoding and writing, and the file size.
    private func measureRecording<E: Environment>(_ name: String, _ environment: E, composedSize: Frame, hudRate: Double,
                                                  report: (BenchmarkFigure) -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gym-bench-\(UUID().uuidString).gif").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var bytesPerFrame = 0.0
        let rate = try framesPerSecond(environment) {
            // One file per run: its first frame is whole, the rest are changes.
            let writer = try GIFWriter(path: path, width: composedSize.width, height: composedSize.height, framesPerSecond: 50)
            return FrameSink(take: { try writer.append(HUD.compose($0, status: Self.status)) }, finish: {
                try writer.finish()
                bytesPerFrame = Double(writer.byteCount) / Double(writer.frameCount)
            })
        }
        let extra = 1e6 / rate - 1e6 / hudRate
        report(BenchmarkFigure(name: "\(name)_record", value: rate, unit: "frames/s",
                               comparison: String(format: "GIF encoding %.1f µs a frame beyond the HUD frame, %.0f bytes a frame", extra, bytesPerFrame)))
    }

    /// The SDL window at unlimited frame rate.
    private func measureWindow<E: Environment>(_ name: String, _ environment: E, size: Frame,
                                               report: (BenchmarkFigure) -> Void) throws {
        let library: SDLLibrary
        do {
            library = try SDLLibrary.load()
        } catch {
            print("  \(name)_window: not measured: \(error)")
            return
        }
        let hasDisplay = !(ProcessInfo.processInfo.environment["DISPLAY"] ?? "").isEmpty
        let driver = hasDisplay ? "x11 on DISPLAY \(ProcessInfo.processInfo.environment["DISPLAY"]!)" : "SDL dummy driver"
        if !hasDisplay { setenv("SDL_VIDEODRIVER", "dummy", 1) }
        let view = try LiveView(title: "gym bench viewer", width: size.width, height: size.height,
                                framesPerSecond: .infinity, library: library)
        defer { view.close() }
        let rate = try framesPerSecond(environment) {
            FrameSink { frame in try view.show { HUD.compose(frame, status: Self.status) } }
        }
        report(BenchmarkFigure(name: "\(name)_window", value: rate, unit: "frames/s",
                               comparison: "\(driver); " + String(format: "%.1f µs a frame", 1e6 / rate)))
    }

    private static let status = HUDStatus(episode: 12, step: 345, episodeReturn: -1.25, detail: "ε 0.100  LOSS 0.0123",
                                          stepsPerSecond: 12_345)
    /// Where each run's frames go.
    private struct FrameSink {
        /// Takes one frame.
        var take: (Frame) throws -> Void
        /// Ends the run (inside the timing).
        var finish: () throws -> Void = {}
    }

    /// Frames per second of random steps each followed by the frame going into a sink that `makeSink` creates for
    /// each run, best of three runs of ``frames``.
    private func framesPerSecond<E: Environment>(_ environment: E, _ makeSink: () throws -> FrameSink) throws -> Double {
        let seconds = try fastestSeconds {
            let sink = try makeSink()
            var environment = environment
            var generator = RandomGenerator(seed: 1)
            _ = environment.reset(seed: 1)
            for _ in 0..<frames {
                let step = try environment.step(environment.actionSpace.sample(using: &generator))
                if step.isDone { _ = environment.reset() }
                guard let frame = environment.capability(FrameRendering.self)?.frame() else {
                    throw GymError("the viewer benchmark needs an environment that draws frames")
                }
                try sink.take(frame)
            }
            try sink.finish()
        }
        return Double(frames) / seconds
    }
}
