import ArgumentParser
import Foundation
import Gym
import Training

/// `gym eval <agent> <env> --load FILE`: evaluate a saved agent greedily, without training.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a saved agent greedily and print a summary.",
        discussion: """
            The checkpoint carries the agent's configuration and how the environment was observed (such as
            --pixels), so no other flag is needed.
            Examples:
              gym run dqn cartpole --save cartpole.safetensors
              gym eval dqn cartpole --load cartpole.safetensors --episodes 100
              gym eval dqn gridworld --load maze.safetensors --render ansi --json
              gym eval dqn cartpole --load cartpole.safetensors --episodes 3 --record cartpole.gif
            """
    )

    @OptionGroup var checkpoint: CheckpointArguments

    @Option(parsing: .unconditional, help: "Greedy evaluation episodes.")
    var episodes: Int = 100


    @Option(help: "Write one JSON line per evaluation episode to this file.")
    var log: String?

    @Flag(help: "Print one JSON object on stdout instead of the text summary.")
    var json = false


    func validate() throws {
        try OptionLimits.check(episodes, "--episodes", in: OptionLimits.episodes)
    }

    func run() throws {
        let report = try checkpoint.evaluate(episodes: episodes, log: log)
        try report.print(json: json, failingOnUnwrittenOutputs: true)
    }
}

extension CheckpointArguments {
    /// Evaluates the saved agent greedily, showing and recording the episodes as `viewing` asks (`gym eval`,
    /// `gym watch`); the environment is observed as it was in training (the checkpoint's pixel size).
    func evaluate(episodes: Int, log: String?) throws -> TrainingReport {
        let agent = try AgentKind.named(agent)
        guard agent.isNeural else {
            throw GymError("gym eval and gym watch load saved neural agents (\(AgentKind.allCases.filter(\.isNeural).map(\.rawValue).joined(separator: ", "))); '\(agent.rawValue)' has no checkpoint: use gym run \(agent.rawValue) \(environment)")
        }
        let spec = try GymCommandLine.registry.spec(named: environment)
        let url = URL(fileURLWithPath: load)
        let savedPixels = try checkSavedPixels(in: url, given: environmentOptions.pixels, required: false)
        var plan = RunPlan(agent: agent, environmentName: environment, spec: spec)
        plan.seed = seed
        plan.evaluationEpisodes = episodes
        plan.log = log
        plan.display = viewing.request(title: plan.title)
        if let savedPixels { plan.checkpointMetadata["pixels"] = String(savedPixels) }
        let made = try environmentOptions.makeEnvironment(named: environment, pixels: savedPixels)
        StopRequest.installSignalHandlers()
        return try TrainingSession.evaluate(plan, checkpoint: url, on: made)
    }
}

/// The pixel size the checkpoint at `url` was trained with; an error when `given` differs (a given `nil` is a
/// difference only when `required`: `gym eval` takes the saved size, a resumed `gym run` must repeat it).
func checkSavedPixels(in url: URL, given: Int?, required: Bool) throws -> Int? {
    let saved = try TrainingSession.checkpointMetadata(at: url)["pixels"].flatMap(Int.init)
    guard saved == given || (given == nil && !required) else {
        func observed(_ pixels: Int?) -> String { pixels.map { "--pixels \($0) frames" } ?? "the game's own observations" }
        throw GymError("'\(url.relativePath)' holds an agent trained on \(observed(saved)), but this run observes \(observed(given)); give the same --pixels as in training")
    }
    return saved
}
