import Foundation
import Gym

/// `--render ansi`: draws text frames in the terminal at a fixed rate.
public struct TerminalRenderer: Sendable {
    /// Pause after each frame.
    public let frameDelay: Duration

    /// A renderer drawing `fps` frames a second.
    public init(fps: Double) {
        frameDelay = .milliseconds(Int((1000 / fps).rounded()))
    }

    /// Clears the screen and draws `caption` above `picture`, then waits one frame.
    public func draw(_ picture: String, caption: String) {
        TerminalOutput.write("\u{1B}[H\u{1B}[2J\(caption)\n\n\(picture)\n")
        Thread.sleep(forTimeInterval: seconds(frameDelay))
    }

    /// Plays one episode of `policy` on a copy of `environment` (the original is untouched), at most `maxSteps`
    /// long; draws nothing for environments that do not draw themselves as text.
    public func playEpisode<E: Environment>(_ environment: E, caption: String, maxSteps: Int,
                                            policy: (E.Observation) -> E.Action) throws {
        guard environment.capability(TextRendering.self) != nil else { return }
        var environment = environment
        let text = { environment.capability(TextRendering.self)?.text() ?? "" }
        var observation = environment.reset(seed: nil)
        var episodeReturn = 0.0
        draw(text(), caption: "\(caption)\nstep 0, return 0")
        for stepIndex in 1...maxSteps {
            let step = try environment.step(policy(observation))
            observation = step.observation
            episodeReturn += step.reward
            draw(text(), caption: "\(caption)\nstep \(stepIndex), return \(formatNumber(episodeReturn))")
            if step.isDone { break }
        }
    }
}
