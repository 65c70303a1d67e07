import ArgumentParser

/// The `gym` command: train, evaluate, inspect and benchmark environments and agents.
@main
struct GymCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gym",
        abstract: "A reinforcement-learning gym: environments, agents, and a trainer you can watch.",
        subcommands: [RunCommand.self, EvalCommand.self, WatchCommand.self, PlayCommand.self, RenderCommand.self,
                      ListCommand.self, CheckCommand.self, BenchCommand.self]
    )
}
