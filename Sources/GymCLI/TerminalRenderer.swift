import Foundation
import Gym

/// `--render ansi`: draws text frames in the terminal at a fixed rate.
struct TerminalRenderer {
    /// Pause after each frame.
    let frameDelay: Duration

    init(fps: Double) {
        frameDelay = .milliseconds(Int((1000 / fps).rounded()))
    }

    /// Clears the screen and draws `caption` above `picture`, then waits one frame.
    func draw(_ picture: String, caption: String) {
        TerminalOutput.write("\u{1B}[H\u{1B}[2J\(caption)\n\n\(picture)\n")
        Thread.sleep(forTimeInterval: seconds(frameDelay))
    }

    /// Plays one greedy episode on a copy of `environment` (the original is untouched), at most `maxSteps` long.
    func playEpisode<E: Environment & TextRendering>(
        _ environment: E, caption: String, maxSteps: Int, policy: (E.Observation) -> E.Action
    ) throws {
        var environment = environment
        var observation = environment.reset(seed: nil)
        var episodeReturn = 0.0
        draw(environment.text(), caption: "\(caption)\nstep 0, return 0")
        for stepIndex in 1...maxSteps {
            let step = try environment.step(policy(observation))
            observation = step.observation
            episodeReturn += step.reward
            draw(environment.text(), caption: "\(caption)\nstep \(stepIndex), return \(formatNumber(episodeReturn))")
            if step.isDone { break }
        }
    }
}
