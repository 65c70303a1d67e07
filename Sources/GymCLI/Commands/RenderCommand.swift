import Training
import ArgumentParser
import Environments
import Foundation
import Gym
import Viewer

/// `gym render <env> --frames DIR`: one episode of random play as numbered PNG files.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Write the frames of one episode, with seeded random actions, as PNG files.",
        discussion: """
            The files are DIR/frame-0000.png (after the reset), frame-0001.png (after the first step), and so on:
            the environment's own pixels, without the HUD.
            Examples:
              gym render cartpole --frames out/
              gym render breakout --frames breakout-frames --seed 3 --max-steps 100
            """
    )

    @Argument(help: "The environment (see `gym list`).")
    var environment: String

    @Option(help: "The directory to write the PNG files into (created if missing).")
    var frames: String

    @Option(parsing: .unconditional, help: "Seed of the reset and of the random actions.")
    var seed: UInt64 = 0

    @Option(parsing: .unconditional, help: "Stop after this many steps when the episode has not ended (default: the time limit, else 1000).")
    var maxSteps: Int?

    @OptionGroup(title: "Environment")
    var environmentOptions: EnvironmentArguments

    func validate() throws {
        try OptionLimits.check(maxSteps, "--max-steps", in: OptionLimits.episodeSteps)
    }

    func run() throws {
        let spec = try GymCommandLine.registry.spec(named: environment)
        let made = try environmentOptions.makeEnvironment(named: environment)
        guard made.capability(FrameRendering.self) != nil else {
            throw GymError("'\(environment)' draws only text, not frames (FrameRendering); environments with frames: \(GymCommandLine.registry.names.filter { (try? GymCommandLine.registry.make($0))?.capability(FrameRendering.self) != nil }.joined(separator: ", "))")
        }
        do {
            try FileManager.default.createDirectory(atPath: frames, withIntermediateDirectories: true)
        } catch {
            throw GymError("cannot create the frame directory '\(frames)': \(error.localizedDescription)")
        }
        let (count, episodeReturn) = try writeEpisode(made, limit: maxSteps ?? spec.maxEpisodeSteps ?? 1000)
        print("wrote \(count) frames to \(frames) (return \(formatNumber(episodeReturn)))")
    }

    /// Plays one seeded random episode, writing a PNG after the reset and after every step.
    private func writeEpisode<E: Environment>(_ environment: E, limit: Int) throws -> (frames: Int, episodeReturn: Double) {
        var environment = environment
        var generator = RandomGenerator(seed: seed)
        _ = environment.reset(seed: seed)
        var count = 0
        var episodeReturn = 0.0
        func write() throws {
            guard let frame = environment.capability(FrameRendering.self)?.frame() else { return }
            let name = String(format: "frame-%04d.png", count)
            try PNGEncoder.write(frame, to: URL(fileURLWithPath: frames).appendingPathComponent(name).path)
            count += 1
        }
        try write()
        for _ in 0..<limit {
            let step = try environment.step(environment.actionSpace.sample(using: &generator))
            episodeReturn += step.reward
            try write()
            if step.isDone { break }
        }
        return (count, episodeReturn)
    }
}
