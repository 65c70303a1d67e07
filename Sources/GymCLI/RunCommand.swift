import Agents
import ArgumentParser
import Environments
import Foundation
import Gym

/// `gym run <agent> <env>`: train (or plan), evaluate greedily, and report.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
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
              gym run dqn gridworld
              gym run dqn cartpole --steps 50000 --double-dqn --log run.jsonl
              gym run dqn cartpole --save cartpole.safetensors --plot cartpole.svg
              gym run reinforce cartpole
              gym run actor-critic gridworld
            """
    )

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

    @OptionGroup(title: "Hyperparameters")
    var hyperparameters: HyperparameterOptions

    @OptionGroup(title: "Neural agents")
    var networkOptions: NetworkOptions

    @OptionGroup(title: "DQN")
    var dqnOptions: DQNOptions

    @OptionGroup(title: "Policy gradient (reinforce, actor-critic)")
    var policyGradientOptions: PolicyGradientOptions

    func run() throws {
        let agent = try AgentKind.named(agent)
        let spec = try Registry.standard.spec(named: environment)
        let pixels = environmentOptions.pixelSize(network: networkOptions.network, spec: spec)
        let made = try environmentOptions.makeEnvironment(named: environment, pixels: pixels)
        let deepOptions = DeepAgentOptions(network: networkOptions, dqn: dqnOptions, policyGradient: policyGradientOptions)
        try hyperparameters.checkApplicable(to: agent, deepOptions: deepOptions)
        if runOptions.showValues {
            guard !agent.isDeep else {
                throw GymError("--show-values paints the value table of a tabular agent; \(agent.rawValue) has none")
            }
            guard viewing.render == .window || viewing.record != nil else {
                throw GymError("--show-values draws on the window or the recording: add --render or --record FILE.gif")
            }
            guard made.capability(ValueMapRendering.self) != nil else {
                throw GymError("--show-values needs an environment that paints values on its tiles (gridworld, frozenlake, frozenlake8x8, cliffwalking); '\(environment)' does not")
            }
        }
        let context = RunContext(agent: agent, environmentName: environment, spec: spec,
                                 run: runOptions, viewing: viewing, hyperparameters: hyperparameters,
                                 pixels: pixels)
        let report: RunReport
        if agent.isDeep {
            report = try runDeep(made, context: context, options: deepOptions)
        } else {
            guard let discrete = made as? any DiscreteEnvironment else {
                throw GymError("\(agent.rawValue) is tabular: it needs discrete observations and actions, and '\(environment)' has observations \(spaceDescriptions(of: made).observation); use dqn")
            }
            report = try runTabular(discrete, context: context)
        }
        try report.print(json: runOptions.json)
    }
}

/// Settings of one `gym run`, gathered from the command line.
struct RunContext {
    var agent: AgentKind
    var environmentName: String
    var spec: EnvironmentSpec
    var run: RunOptions
    var viewing: ViewingOptions
    var hyperparameters: HyperparameterOptions
    /// The side of the preprocessed frames when the arcade game is observed as pixels.
    var pixels: Int?

    /// What a checkpoint records of the environment, so that loading it on another one fails clearly.
    var checkpointMetadata: [String: String] {
        var metadata = ["env": environmentName]
        if let pixels { metadata["pixels"] = String(pixels) }
        return metadata
    }

    /// The window's title.
    var title: String { "gym: \(agent.rawValue) on \(environmentName)" }

    /// Episodes longer than this are cut during evaluation when the environment has no time limit of its own.
    static let evaluationStepCap = 10_000

    /// Writes the learning curve of `returns` to the `--plot` file, when one was asked for.
    func writePlot(_ returns: [Double]) throws {
        guard let path = run.plot else { return }
        try LearningCurvePlot(title: "\(agent.rawValue) on \(environmentName), seed \(run.seed)", returns: returns,
                              threshold: spec.rewardThreshold).write(to: path)
    }

    /// The per-episode cut for evaluation.
    func evaluationStepLimit(environmentLimit: Int?) -> Int? {
        environmentLimit == nil ? Self.evaluationStepCap : nil
    }
}
