import ArgumentParser

/// `gym watch <agent> <env> --load FILE`: a saved agent plays in a window.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch a saved neural agent play greedily in a window, then print its evaluation summary.",
        discussion: """
            Keys: Space pause/resume, . one step while paused, + and - speed, f fast-forward, q or Esc quit.
            Without SDL or a display the episodes are drawn in the terminal instead.
            Examples:
              gym run dqn cartpole --save cartpole.safetensors
              gym watch dqn cartpole --load cartpole.safetensors
              gym watch dqn gridworld --load maze.safetensors --episodes 3 --record maze.gif
            """
    )

    @OptionGroup var checkpoint: CheckpointArguments

    @Option(help: "Episodes to play.")
    var episodes: Int = 5

    @Option(help: "Seed of the episodes (they use seed+1, like the evaluation after `gym run`).")
    var seed: UInt64 = 0

    @OptionGroup(title: "Watching")
    var viewing: ViewingOptions

    @OptionGroup(title: "Environment")
    var environmentOptions: EnvironmentArguments

    func validate() throws {
        guard episodes > 0 else { throw ValidationError("--episodes must be positive, got \(episodes)") }
    }

    func run() throws {
        var viewing = viewing
        if viewing.render == nil { viewing.render = .window }
        let report = try checkpoint.evaluate(episodes: episodes, seed: seed, viewing: viewing, log: nil,
                                             environmentOptions: environmentOptions)
        try report.print(json: false)
    }
}
