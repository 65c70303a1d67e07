import Agents
import Training
import ArgumentParser
import Environments
import Gym

/// Options that shape a run rather than the agent.
struct RunOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Seed of the agent and of the environment's first reset; the same seed gives the same run.")
    var seed: UInt64 = 0

    @Option(parsing: .unconditional, help: "Greedy evaluation episodes after training.")
    var evalEpisodes: Int = 1000

    @Flag(help: "Tabular agents, with --render or --record: paint V as a heat map and the greedy policy as arrows on the gridworld, updated after every value-iteration sweep or learning episode.")
    var showValues = false

    @Option(help: "Write one JSON line per episode (training and evaluation) to this file.")
    var log: String?

    @Option(parsing: .unconditional, help: "With --log, also write a line every N gradient updates (loss, mean Q, ε; default \(EpisodeLog.defaultUpdateInterval)).")
    var logUpdates: Int?

    @Option(help: "Write the learning curve (return per training episode and its 100-episode moving average) to this SVG file.")
    var plot: String?

    @Option(help: "Write TensorBoard event files to this directory (created when needed): returns, lengths, ε, losses, steps/s, the evaluation, the hyperparameters and the --record GIF.")
    var tensorboard: String?

    @Flag(help: "Continuous-control runs (sac, ppo on Box actions): normalize observations by their running mean and variance, as Gymnasium's NormalizeObservation; the statistics are saved with --save, restored with --load or gym eval, and frozen for the evaluation.")
    var normalizeObservations = false

    @Flag(help: "Print one JSON object on stdout at the end instead of the text summary.")
    var json = false

    @Option(help: "Neural agents: write the trained agent to this safetensors file (atomically; also on Ctrl-C or a NaN loss).")
    var save: String?

    @Option(help: "Neural agents: start from the agent in this safetensors file: its configuration, networks, optimizer state and counters (settings given override the configuration).")
    var load: String?

    func validate() throws {
        try OptionLimits.check(evalEpisodes, "--eval-episodes", in: OptionLimits.episodes)
        try OptionLimits.check(logUpdates, "--log-updates", in: OptionLimits.interval)
        if logUpdates != nil {
            guard log != nil else {
                throw ValidationError("--log-updates sets how often --log FILE gets an update line; give --log FILE too")
            }
        }
    }
}

/// Options that choose and configure the environment.
struct EnvironmentArguments: ParsableArguments {
    @Option(help: "A text map file for gridworld, frozenlake or frozenlake8x8 (legend: \(GridMap.legend)).")
    var map: String?

    @Option(help: "A JSON MDP file for the 'mdp' environment (format: docs/mdp-format.md).")
    var mdp: String?

    @Option(name: .customLong("env-option"), help: "An environment option as key=value (repeatable; see `gym list`).")
    var options: [String] = []

    @Option(parsing: .unconditional, help: "Cut episodes after this many steps (replaces the environment's default time limit).")
    var maxEpisodeSteps: Int?

    @Option(parsing: .unconditional, help: "Observe an arcade game as N x N pixels through the Nature DQN chain (no-op starts, grayscale, max of 2 frames, skip 4, resize, stack 4, clip rewards); usually 84.")
    var pixels: Int?

    func validate() throws {
        try OptionLimits.check(maxEpisodeSteps, "--max-episode-steps", in: OptionLimits.episodeSteps)
        try OptionLimits.check(pixels, "--pixels", in: OptionLimits.pixels)
    }

    /// Builds the environment named `name` with these arguments (options, time limit, `--pixels` preprocessing).
    func makeEnvironment(named name: String) throws -> any Environment {
        try makeEnvironment(named: name, pixels: pixels)
    }

    /// Builds the environment named `name` with these arguments, observed as `pixels` x `pixels` preprocessed
    /// frames when `pixels` is given (see ``pixelSize(network:spec:)``).
    func makeEnvironment(named name: String, pixels: Int?) throws -> any Environment {
        let spec = try GymCommandLine.registry.spec(named: name)
        let made = try GymCommandLine.registry.make(name, options: environmentOptions(for: spec), maxEpisodeSteps: maxEpisodeSteps)
        guard let pixels else { return made }
        return try NatureDQNPreprocessing(size: pixels).apply(toAny: made, name: name)
    }

    /// The side of the preprocessed frames: `--pixels`, or 84 for the Nature network on an arcade game (it reads
    /// 84x84 frames, so `--network nature` implies `--pixels 84`).
    func pixelSize(network: String?, spec: EnvironmentSpec) -> Int? {
        pixels ?? (network == NetworkArchitecture.nature.rawValue && spec.family == "arcade" ? 84 : nil)
    }

    /// The environment options these arguments give, checked against `spec`.
    func environmentOptions(for spec: EnvironmentSpec) throws -> EnvironmentOptions {
        var values: [String: String] = [:]
        for option in options {
            guard let equals = option.firstIndex(of: "="), equals != option.startIndex else {
                throw GymError("--env-option takes key=value, got '\(option)'")
            }
            values[String(option[..<equals])] = String(option[option.index(after: equals)...])
        }
        if let map {
            guard spec.options.contains(where: { $0.name == "map" }) else {
                throw GymError("--map applies to gridworld, frozenlake and frozenlake8x8, not '\(spec.name)'")
            }
            values["map"] = map
        }
        if let mdp {
            guard spec.name == "mdp" else {
                throw GymError("--mdp FILE loads an explicit MDP: use it with the environment 'mdp', not '\(spec.name)'")
            }
            values["file"] = mdp
        }
        return EnvironmentOptions(values)
    }
}
