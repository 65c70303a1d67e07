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

    @Option(parsing: .unconditional, help: "Episodes to play.")
    var episodes: Int = 5



    func validate() throws {
        try OptionLimits.check(episodes, "--episodes", in: OptionLimits.episodes)
    }

    func run() throws {
        var checkpoint = checkpoint
        if checkpoint.viewing.render == nil { checkpoint.viewing.render = .window }
        let report = try checkpoint.evaluate(episodes: episodes, log: nil)
        try report.print(json: false, failingOnUnwrittenOutputs: true)
    }
}
