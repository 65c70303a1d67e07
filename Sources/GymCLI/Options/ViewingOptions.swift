import ArgumentParser
import Gym
import Training

extension RenderMode: ExpressibleByArgument {}

/// Options that show and record episodes: `--render`, `--render-every`, `--fps`, `--record`, `--record-every`.
struct ViewingOptions: ParsableArguments {
    @Option(defaultAsFlag: RenderMode.window, parsing: .next,
            help: "Watch episodes: '--render' (or '--render window') opens a window (keys: Space pause, . step, +/- speed, f fast-forward, q quit); '--render ansi' draws text frames in the terminal.")
    var render: RenderMode?

    @Option(parsing: .unconditional, help: "Show every Nth episode in the window (the others run at full speed).")
    var renderEvery: Int = 1

    @Option(parsing: .unconditional, help: "Frames per second when rendering (default: the environment's, see `gym list`).")
    var fps: Double?

    @Option(help: "Record the episodes as an animated GIF to this file, with or without a window.")
    var record: String?

    @Option(parsing: .unconditional, help: "Record every Nth episode (1: all of them).")
    var recordEvery: Int = 1

    func validate() throws {
        try OptionLimits.check(renderEvery, "--render-every", in: OptionLimits.interval)
        try OptionLimits.check(recordEvery, "--record-every", in: OptionLimits.interval)
        try OptionLimits.check(fps, "--fps", in: OptionLimits.framesPerSecond)
        if let record, !record.lowercased().hasSuffix(".gif") {
            throw ValidationError("--record writes an animated GIF: give a file name ending in .gif, got '\(record)'")
        }
    }

    /// What to show and record, titled `title`; `nil` when nothing was asked for.
    func request(title: String) -> DisplayRequest? {
        guard render != nil || record != nil else { return nil }
        return DisplayRequest(render: render, renderEvery: renderEvery, framesPerSecond: fps, record: record,
                              recordEvery: recordEvery, title: "gym: \(title)")
    }
}
