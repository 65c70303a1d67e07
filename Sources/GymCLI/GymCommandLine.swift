import ArgumentParser
import Foundation
import Gym

/// The `gym` command line as a library: a program registers its environments and gets every subcommand on them.
///
///     import Environments
///     import GymCLI
///
///     var registry = Registry.standard
///     try registry.register(myEnvironmentSpec)
///     GymCommandLine.main(registry: registry)
public enum GymCommandLine {
    /// The environments the commands know; set by ``main(registry:arguments:)`` before any command runs.
    nonisolated(unsafe) static var registry = Registry()

    /// Parses the process's arguments (or `arguments`) and runs the command they name over `registry`, then exits.
    public static func main(registry: Registry, arguments: [String]? = nil) -> Never {
        self.registry = registry
        GymCommand.main(arguments)
        exit(0)
    }
}

/// The `gym` command: train, evaluate, inspect and benchmark environments and agents.
struct GymCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gym",
        abstract: "A reinforcement-learning gym: environments, agents, and a trainer you can watch.",
        subcommands: [RunCommand.self, EvalCommand.self, WatchCommand.self, PlayCommand.self, RenderCommand.self,
                      ListCommand.self, CheckCommand.self, BenchCommand.self]
    )
}
