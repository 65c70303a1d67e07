import ArgumentParser
import Foundation
import Gym
import Training

/// `gym run <agent> <env>`: train (or plan), evaluate greedily, and report.
struct RunCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "run",
            abstract: "Train an agent on an environment, evaluate it greedily and print a summary.",
            discussion: """
                Progress goes to stderr; the summary (or, with --json, one JSON object) to stdout.
                Examples:
                  gym run q-learning gridworld
                  gym run value-iteration frozenlake8x8 --json
                  gym run sarsa cliffwalking --episodes 500 --render ansi
                  gym run q-learning gridworld --render --show-values
                  gym run dqn cartpole --render --render-every 20 --record cartpole.gif --record-every 100
                  gym run q-learning gridworld --map my-maze.txt --log episodes.jsonl
                  gym run value-iteration mdp --mdp model.json
                  gym run dqn cartpole --steps 50000 --double-dqn --log run.jsonl
                  gym run dqn cartpole --num-envs 8 --threads 2
                  gym run dqn cartpole --save cartpole.safetensors --plot cartpole.svg
                  gym run reinforce cartpole
                  gym run actor-critic gridworld
                  gym run ppo cartpole --num-envs 8 --clip-coef 0.2
                  gym run ppo breakout --threads 2
                  gym run a2c cartpole
                  gym run sac pendulum --save pendulum.safetensors
                  gym run ppo pendulum --normalize-observations

                \(SettingArguments.helpText)
                """
        )
    }

    @Argument(help: "The agent: \(AgentKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var agent: String

    @Argument(help: "The environment (see `gym list`).")
    var environment: String

    @OptionGroup(title: "Run")
    var runOptions: RunOptions

    @OptionGroup(title: "Watching")
    var viewing: ViewingOptions

    @OptionGroup(title: "Environment")
    var environmentOptions: EnvironmentArguments

    @Argument(parsing: .allUnrecognized, help: "The agent's settings, such as --learning-rate 0.1 (listed below).")
    var settings: [String] = []

    func run() throws {
        let agent = try AgentKind.named(agent)
        let spec = try GymCommandLine.registry.spec(named: environment)
        let pixels = environmentOptions.pixelSize(network: settings.firstValue(of: "network"), spec: spec)
        var plan = RunPlan(agent: agent, environmentName: environment, spec: spec)
        plan.settings = try SettingArguments.parse(settings, for: agent)
        try runOptions.apply(to: &plan, pixels: pixels)
        if let load = plan.load { _ = try checkSavedPixels(in: load, given: pixels, required: true) }
        plan.display = viewing.request(title: plan.title)
        if runOptions.showValues {
            guard !agent.isNeural else {
                throw GymError("--show-values paints the value table of a tabular agent; \(agent.rawValue) has none")
            }
            guard viewing.render == .window || viewing.record != nil else {
                throw GymError("--show-values draws on the window or the recording: add --render or --record FILE.gif")
            }
        }
        let made = try environmentOptions.makeEnvironment(named: environment, pixels: pixels)
        if runOptions.showValues, made.capability(ValueMapRendering.self) == nil {
            throw GymError("--show-values needs an environment that paints values on its tiles (gridworld, frozenlake, frozenlake8x8, cliffwalking); '\(environment)' does not")
        }
        StopRequest.installSignalHandlers()
        let report = try TrainingSession.train(plan, on: made)
        try report.print(json: runOptions.json, failingOnUnwrittenOutputs: true)
    }
}

extension RunOptions {
    /// Copies the run's options into `plan`; `pixels` is recorded in checkpoints.
    func apply(to plan: inout RunPlan, pixels: Int?) throws {
        guard plan.agent.isNeural || (save == nil && load == nil) else {
            throw GymError("--\(save != nil ? "save" : "load") applies to the neural agents (\(AgentKind.allCases.filter(\.isNeural).map(\.rawValue).joined(separator: ", "))), not \(plan.agent.rawValue)")
        }
        plan.seed = seed
        plan.evaluationEpisodes = evalEpisodes
        plan.showValues = showValues
        plan.normalizeObservations = normalizeObservations
        plan.log = log
        if let logUpdates { plan.logUpdateInterval = logUpdates }
        plan.plot = plot
        plan.tensorboard = tensorboard
        plan.save = save.map { URL(fileURLWithPath: $0) }
        plan.load = load.map { URL(fileURLWithPath: $0) }
        if let pixels { plan.checkpointMetadata["pixels"] = String(pixels) }
    }
}

extension [String] {
    /// The value given to the setting `name` among these arguments (`--name value` or `--name=value`), if any.
    func firstValue(of name: String) -> String? {
        for (index, argument) in enumerated() {
            if argument == "--\(name)", index + 1 < count { return self[index + 1] }
            if argument.hasPrefix("--\(name)=") { return String(argument.dropFirst(name.count + 3)) }
        }
        return nil
    }
}
