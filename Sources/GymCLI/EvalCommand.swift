import Agents
import ArgumentParser
import Environments
import Foundation
import Gym

/// `gym eval <agent> <env> --load FILE`: evaluate a saved agent greedily, without training.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a saved agent greedily and print a summary.",
        discussion: """
            The checkpoint carries the agent's configuration, so no other flag is needed.
            Examples:
              gym run dqn cartpole --save cartpole.safetensors
              gym eval dqn cartpole --load cartpole.safetensors --episodes 100
              gym eval dqn gridworld --load maze.safetensors --render ansi --json
              gym eval dqn cartpole --load cartpole.safetensors --episodes 3 --record cartpole.gif
            """
    )

    @OptionGroup var checkpoint: CheckpointArguments

    @Option(help: "Greedy evaluation episodes.")
    var episodes: Int = 100

    @Option(help: "Seed of the evaluation episodes (they use seed+1, like the evaluation after `gym run`).")
    var seed: UInt64 = 0

    @Option(help: "Write one JSON line per evaluation episode to this file.")
    var log: String?

    @Flag(help: "Print one JSON object on stdout instead of the text summary.")
    var json = false

    @OptionGroup(title: "Watching")
    var viewing: ViewingOptions

    @OptionGroup(title: "Environment")
    var environmentOptions: EnvironmentArguments

    func validate() throws {
        guard episodes > 0 else { throw ValidationError("--episodes must be positive, got \(episodes)") }
    }

    func run() throws {
        try evaluateCheckpoint(checkpoint, episodes: episodes, seed: seed,
                               viewing: viewing, log: log, json: json, environmentOptions: environmentOptions)
    }
}

/// Loads the neural agent saved in `load` and evaluates it greedily on `environment`, showing and recording the
/// evaluation episodes as `viewing` asks (`gym eval`, `gym watch`).
func evaluateCheckpoint(_ checkpoint: CheckpointArguments, episodes: Int, seed: UInt64,
                        viewing: ViewingOptions, log: String?, json: Bool,
                        environmentOptions: EnvironmentArguments) throws {
    let (environment, load) = (checkpoint.environment, checkpoint.load)
    let agent = try AgentKind.named(checkpoint.agent)
    guard agent.isDeep else {
        throw GymError("gym eval and gym watch load saved neural agents (\(AgentKind.allCases.filter(\.isDeep).map(\.rawValue).joined(separator: ", "))); '\(agent.rawValue)' has no checkpoint: use gym run \(agent.rawValue) \(environment)")
    }
    let spec = try Registry.standard.spec(named: environment)
    let made = try environmentOptions.makeEnvironment(named: environment)
    var runOptions = try RunOptions.parse([])
    runOptions.seed = seed
    runOptions.evalEpisodes = episodes
    runOptions.log = log
    let context = RunContext(agent: agent, environmentName: environment, spec: spec,
                             run: runOptions, viewing: viewing, hyperparameters: try HyperparameterOptions.parse([]),
                             pixels: environmentOptions.pixels)
    let report = try runDeep(made, context: context, options: try .loading(load), evaluateOnly: true)
    try report.print(json: json)
}
