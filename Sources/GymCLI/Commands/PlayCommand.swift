import ArgumentParser
import Environments
import Foundation
import Gym
import Training
import Viewer

/// `gym play <env>`: a person plays with the keyboard.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play an environment yourself in a window, with the arrow keys and Space.",
        discussion: """
            Gridworlds and CartPole wait for a key before each step (CartPole: ← pushes left, → right, 20 ms a press);
            the arcade games run in real time (arrows move, Space fires, no key is a no-op), and so do Acrobot, the
            mountain cars and Pendulum (← and → push or turn fully one way or the other, no key coasts).
            Also: + and - speed, f fast-forward, q or Esc quit. Each episode's return is printed as it ends.
            Examples:
              gym play breakout --env-option sticky_probability=0
              gym play frozenlake --record my-walk.gif
            """
    )

    @Argument(help: "The environment (see `gym list`).")
    var environment: String

    @Option(parsing: .unconditional, help: "Seed of the first episode.")
    var seed: UInt64 = 0

    @Option(parsing: .unconditional, help: "Stop after this many episodes (default: play until you quit).")
    var episodes: Int?

    @Option(parsing: .unconditional, help: "Frames per second of real-time games (default: the environment's, see `gym list`).")
    var fps: Double?

    @Option(help: "Record the episodes as an animated GIF to this file.")
    var record: String?

    @OptionGroup(title: "Environment")
    var environmentOptions: EnvironmentArguments

    func validate() throws {
        try OptionLimits.check(episodes, "--episodes", in: OptionLimits.episodes)
        try OptionLimits.check(fps, "--fps", in: OptionLimits.framesPerSecond)
    }

    func run() throws {
        let spec = try GymCommandLine.registry.spec(named: environment)
        let made = try environmentOptions.makeEnvironment(named: environment)
        guard let controls = made.capability((any HumanPlayable).self) else {
            let playable = GymCommandLine.registry.names.filter { (try? GymCommandLine.registry.make($0))?.capability((any HumanPlayable).self) != nil }
            throw GymError("'\(environment)' has no keyboard controls; playable environments: \(playable.joined(separator: ", "))")
        }
        var options = try ViewingOptions.parse(["--render", "window"])
        options.fps = fps
        options.record = record
        try options.validate()
        try play(made, controls: controls, spec: spec, request: options.request(title: "play: \(spec.name)"))
    }

    /// The game loop: one step per key (turn-based) or per frame (real time), until quit or `--episodes`.
    private func play<E: Environment>(_ environment: E, controls: any HumanPlayable, spec: EnvironmentSpec,
                                      request: DisplayRequest?) throws {
        guard let request, let display = try EpisodeDisplay.open(request, for: environment, spec: spec, keysDriveTheGame: true),
              let view = display.view else {
            throw GymError("cannot open a window to play in")
        }
        var environment = Watched(environment, watchers: [display])
        _ = environment.reset(seed: seed)
        var finished = 0
        var episodeReturn = 0.0
        StopRequest.installSignalHandlers()
        while let key = nextAction(controls, view: view) {
            guard let action = key as? E.Action else { break }
            let step = try environment.step(action)
            episodeReturn += step.reward
            guard step.isDone else { continue }
            finished += 1
            print("episode \(finished): return \(formatNumber(episodeReturn)), \(step.terminated ? "ended" : "cut by the time limit")")
            if let episodes, finished >= episodes { break }
            episodeReturn = 0
            _ = environment.reset()
        }
        try display.close()
    }

    /// The next action: the held key's (or the idle action) in real-time games, the next pressed key's in turn-based
    /// ones; `nil` once the window is closed, `q` pressed, or Ctrl-C or SIGTERM received.
    private func nextAction<E: HumanPlayable>(_ environment: E, view: LiveView) -> E.Action? {
        if let idle = environment.idleAction {
            view.handleEvents()
            guard !view.quitRequested && !StopRequest.process.isRequested else { return nil }
            let held = Self.keyOrder.first { view.heldKeys.contains($0.key) && environment.action(for: $0.play) != nil }
            return held.flatMap { environment.action(for: $0.play) } ?? idle
        }
        while !view.quitRequested && !StopRequest.process.isRequested {
            view.handleEvents()
            for key in view.takePressedKeys() {
                if let play = Self.keyOrder.first(where: { $0.key == key })?.play, let action = environment.action(for: play) {
                    return action
                }
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return nil
    }

    /// The viewer's keys for the play keys, fire first so a held Space wins over a held arrow.
    private static let keyOrder: [(key: Key, play: PlayKey)] = [
        (.space, .fire), (.left, .left), (.right, .right), (.up, .up), (.down, .down),
    ]
}
