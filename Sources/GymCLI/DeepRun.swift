import Agents
import Foundation
import Gym

/// The observation kinds the neural agents' presets are tuned for.
private enum PresetFamily {
    /// Integer states, one-hot encoded (gridworlds, FrozenLake, CliffWalking, MDP files).
    case discreteStates
    /// Float vectors (CartPole).
    case vectors
    /// The arcade games' 10x10 channel grids (MinAtar's network and settings).
    case channelGrids
    /// Preprocessed frames, such as `--pixels 84` (the Nature CNN and settings).
    case images

    /// DQN's tuned settings for the family.
    var dqnPreset: DQNConfiguration {
        switch self {
        case .discreteStates: .discreteStates
        case .vectors: .cartPole
        case .channelGrids: .minAtar
        case .images: .natureAtari
        }
    }
}

/// Picks the observation encoder and the tuned configuration for a neural agent, then trains and evaluates it.
///
/// With `evaluateOnly` (`gym eval`), the agent comes from `--load` and is only evaluated.
func runDeep(_ environment: any Environment, context: RunContext, options: DeepAgentOptions,
             evaluateOnly: Bool = false) throws -> RunReport {
    if let discrete = environment as? any DiscreteEnvironment {
        return try runDeep(discrete, encoder: OneHotEncoder(count: discrete.observationSpace.count),
                           family: .discreteStates, context: context, options: options, evaluateOnly: evaluateOnly)
    }
    if let vector = environment as? any VectorEnvironment {
        guard vector.observationSpace.shape.count == 1 else {
            throw GymError("\(context.agent.rawValue) needs flat observation vectors; '\(context.environmentName)' has shape \(vector.observationSpace.shape)")
        }
        return try runDeep(vector, encoder: VectorEncoder(size: vector.observationSpace.shape[0]),
                           family: .vectors, context: context, options: options, evaluateOnly: evaluateOnly)
    }
    if let grid = environment as? any ChannelGridEnvironment {
        return try runDeep(grid, encoder: ChannelGridEncoder(space: grid.observationSpace),
                           family: .channelGrids, context: context, options: options, evaluateOnly: evaluateOnly)
    }
    if let image = environment as? any ImageEnvironment {
        let encoder = ImageEncoder(space: image.observationSpace)
        return try runDeep(image, encoder: encoder, family: .images, context: context, options: options,
                           evaluateOnly: evaluateOnly)
    }
    let spaces = spaceDescriptions(of: environment)
    throw GymError("\(context.agent.rawValue) needs discrete actions and integer, float-vector, channel-grid or image observations; '\(context.environmentName)' has observations \(spaces.observation) and actions \(spaces.action)")
}

/// Builds the agent `context.agent` names for `encoder`'s observations.
private func runDeep<E: Environment, Encoder: ObservationEncoder>(
    _ environment: E, encoder: Encoder, family: PresetFamily, context: RunContext, options: DeepAgentOptions,
    evaluateOnly: Bool
) throws -> RunReport where E.Observation == Encoder.Observation, E.Action == Int, E.ActionSpace == Discrete {
    let actionCount = environment.actionSpace.count
    switch context.agent {
    case .dqn:
        let agent = try makeAgent(DQN<Encoder>.self, encoder: encoder, actionCount: actionCount, preset: family.dqnPreset,
                                  context: context, options: options, evaluateOnly: evaluateOnly) { configuration in
            context.hyperparameters.applyExploration(to: &configuration)
            try options.dqn.apply(to: &configuration)
        }
        return try trainAndEvaluate(agent, in: environment, context: context, options: options,
                                    evaluateOnly: evaluateOnly,
                                    hyperparameters: describe(agent.configuration, inputShape: encoder.inputShape),
                                    epsilon: { agent.epsilon })
    case .reinforce:
        let agent = try makeAgent(Reinforce<Encoder>.self, encoder: encoder, actionCount: actionCount,
                                  preset: family == .discreteStates ? .discreteStates : .cartPole,
                                  context: context, options: options, evaluateOnly: evaluateOnly,
                                  applyFlags: options.policyGradient.apply(to:))
        return try trainAndEvaluate(agent, in: environment, context: context, options: options,
                                    evaluateOnly: evaluateOnly,
                                    hyperparameters: describe(agent.configuration, inputShape: encoder.inputShape, reinforce: true))
    case .actorCritic:
        let agent = try makeAgent(ActorCritic<Encoder>.self, encoder: encoder, actionCount: actionCount,
                                  preset: family == .discreteStates ? .actorCriticDiscreteStates : .actorCriticCartPole,
                                  context: context, options: options, evaluateOnly: evaluateOnly,
                                  applyFlags: options.policyGradient.apply(to:))
        return try trainAndEvaluate(agent, in: environment, context: context, options: options,
                                    evaluateOnly: evaluateOnly,
                                    hyperparameters: describe(agent.configuration, inputShape: encoder.inputShape, reinforce: false))
    case .qLearning, .sarsa, .expectedSarsa, .valueIteration, .policyIteration:
        throw GymError("\(context.agent.rawValue) is not a neural agent")
    }
}

/// Trains `agent` on `environment` (unless `evaluateOnly`), evaluates the greedy policy and reports.
private func trainAndEvaluate<Agent: NeuralAgent, E: Environment>(
    _ agent: Agent, in environment: E, context: RunContext, options: DeepAgentOptions, evaluateOnly: Bool,
    hyperparameters: [String: String], epsilon: (() -> Double)? = nil
) throws -> RunReport where E.Observation == Agent.Encoder.Observation, E.Action == Int {
    let clock = ContinuousClock()
    let start = clock.now
    let viewing = try Viewing(context.viewing, environment: environment, spec: context.spec, title: context.title)
    let renderer = viewing.terminal
    let display = viewing.display
    display?.onQuit = Interrupt.request
    display?.detail = {
        let figures = [epsilon.map { "ε \(String(format: "%.3f", $0()))" },
                       agent.lastLoss.map { "LOSS \(String(format: "%.4g", $0))" }].compactMap { $0 }
        return figures.isEmpty ? nil : figures.joined(separator: "  ")
    }
    if evaluateOnly { display?.beginEvaluation(showing: display?.showing ?? .none, recording: display?.recording ?? .none) }
    var environment = Watched(environment, display: display)
    let checkpointMetadata = context.checkpointMetadata
    let saveURL = options.network.save.map { URL(fileURLWithPath: $0) }
    var report = RunReport(agent: context.agent.rawValue, env: context.environmentName, seed: context.run.seed)
    report.rewardThreshold = context.spec.rewardThreshold
    report.hyperparameters = hyperparameters
    if evaluateOnly { report.checkpoint = options.network.load }
    if options.network.logUpdates != nil && context.run.log == nil {
        throw GymError("--log-updates sets how often --log FILE gets an update line; give --log FILE too")
    }
    let log = try context.run.log.map(EpisodeLog.init(path:))
    var logError: (any Error)?
    if let log, !evaluateOnly {
        let interval = options.network.logUpdates ?? NetworkOptions.defaultLogUpdates
        agent.onUpdate = { [unowned agent] in
            guard agent.updates % interval == 0 else { return }
            let statistics = agent.learningStatistics
            do {
                try log.write(EpisodeLog.UpdateLine(updates: agent.updates, totalSteps: agent.stepsTaken,
                                                    episodes: agent.episodesCompleted, loss: agent.lastLoss,
                                                    meanQ: statistics.meanQ, epsilon: epsilon?(),
                                                    valueLoss: statistics.valueLoss, entropy: statistics.entropy))
            } catch {
                logError = logError ?? error
            }
        }
    }

    // Training, with the live progress line; Ctrl-C stops it and still evaluates.
    let progress = ProgressReporter(budget: .steps(agent.configuration.totalSteps), showsEpsilon: epsilon != nil)
    var movingAverage = MovingAverage(window: 100)
    var lastEpisode: TrainingEpisode?
    var returns: [Double] = []
    Interrupt.install()
    while !agent.isFinished {
        if Interrupt.isRequested {
            report.interrupted = true
            TerminalOutput.write("\ninterrupted: stopping training after \(agent.stepsTaken) steps\n")
            break
        }
        let episode: TrainingEpisode
        do {
            episode = try agent.trainEpisode(in: &environment)
        } catch {
            // A NaN loss leaves the networks at their last good state: keep those, and the curve so far.
            try context.writePlot(returns)
            if let saveURL {
                try agent.save(to: saveURL, metadata: checkpointMetadata)
                TerminalOutput.write("\nsaved the last good agent to \(saveURL.path)\n")
            }
            throw error
        }
        lastEpisode = episode
        returns.append(episode.totalReward)
        let success = environment.capability(GoalReporting.self)?.isAtGoal
        progress.record(episode, success: success, loss: agent.lastLoss)
        if let average = movingAverage.add(episode.totalReward) {
            report.bestMovingAverage = max(report.bestMovingAverage ?? -.infinity, average)
            if let threshold = report.rewardThreshold, average >= threshold, report.solvedAtEpisode == nil {
                report.solvedAtEpisode = episode.index
            }
        }
        let statistics = agent.learningStatistics
        try log?.write(EpisodeLog.Line(phase: "train", episode: episode.index, return: episode.totalReward,
                                       length: episode.length, terminated: episode.terminated, success: success,
                                       epsilon: epsilon?(), totalSteps: episode.totalSteps, loss: agent.lastLoss,
                                       meanQ: statistics.meanQ, valueLoss: statistics.valueLoss,
                                       entropy: statistics.entropy))
    }
    progress.finish(lastEpisode)
    agent.onUpdate = nil
    if let logError { throw logError }
    if !evaluateOnly { try context.writePlot(returns) }
    if let saveURL, !evaluateOnly {
        try agent.save(to: saveURL, metadata: checkpointMetadata)
        TerminalOutput.write("saved the agent to \(saveURL.path)\n")
    }
    report.episodes = agent.episodesCompleted
    report.steps = agent.stepsTaken
    report.updates = agent.updates
    report.finalLoss = agent.lastLoss
    report.trainSeconds = seconds(clock.now - start)

    // Greedy evaluation on its own seed: after training only its first episode is shown; `gym eval` and `gym watch`
    // show and record the episodes they were asked for.
    if !evaluateOnly { display?.beginEvaluation(showing: .first, recording: .none) }
    let evaluationStart = clock.now
    let evaluation = try Evaluation(&environment, episodes: context.run.evalEpisodes, seed: context.run.seed &+ 1,
                                    maxSteps: context.evaluationStepLimit(environmentLimit: context.spec.maxEpisodeSteps),
                                    policy: { agent.greedyAction($0) }, observe: firstEpisodeObserver(renderer),
                                    shouldStop: Interrupt.laterRequest())
    report.record(evaluation)
    try log?.writeEvaluation(evaluation)
    try viewing.finish()
    if let discrete = environment as? any DiscreteEnvironment {
        // Every state's greedy action and value, as the tabular agents report them.
        let states = (0..<discrete.observationSpace.count).compactMap { $0 as? Agent.Encoder.Observation }
        report.policy = states.map(agent.greedyAction)
        report.values = states.compactMap(agent.stateValue)
        report.policyPicture = environment.capability(PolicyRendering.self)?.policyText(report.policy)
    }
    report.wallSeconds = seconds(clock.now - start)
    let evaluationSteps = evaluation.episodeLengths.reduce(0, +)
    let trainedSteps = evaluateOnly ? 0 : report.steps
    report.stepsPerSecond = Double(trainedSteps + evaluationSteps) / max(report.trainSeconds + seconds(clock.now - evaluationStart), 1e-9)
    return report
}

/// A fresh agent from the tuned preset and the flags, or (with `--load`) the saved one with the flags applied to
/// its saved configuration.
private func makeAgent<Agent: NeuralAgent>(
    _ type: Agent.Type, encoder: Agent.Encoder, actionCount: Int, preset: Agent.Configuration, context: RunContext,
    options: DeepAgentOptions, evaluateOnly: Bool, applyFlags: (inout Agent.Configuration) throws -> Void
) throws -> Agent {
    guard let path = options.network.load else {
        var configuration = context.hyperparameters.deepConfiguration(preset: preset, seed: context.run.seed)
        try options.network.apply(to: &configuration)
        try applyFlags(&configuration)
        return try Agent(encoder: encoder, actionCount: actionCount, configuration: configuration)
    }
    let url = URL(fileURLWithPath: path)
    let (_, metadata, saved) = try Agent.readCheckpoint(from: url)
    if let savedEnvironment = metadata["env"], savedEnvironment != context.environmentName {
        throw GymError("'\(path)' holds an agent trained on '\(savedEnvironment)', not '\(context.environmentName)'")
    }
    if metadata["pixels"] != context.pixels.map(String.init) {
        func observed(_ pixels: String?) -> String { pixels.map { "--pixels \($0) frames" } ?? "the game's own channel grids" }
        throw GymError("'\(path)' holds an agent trained on \(observed(metadata["pixels"])), but this run observes \(observed(context.pixels.map(String.init))); give the same --pixels as in training")
    }
    var configuration = context.hyperparameters.deepConfiguration(preset: saved, seed: saved.seed)
    try options.network.apply(to: &configuration)
    try applyFlags(&configuration)
    if evaluateOnly {
        // Nothing left to train: the budget ends where the saved agent stopped.
        configuration.totalSteps = max(1, Int(metadata["steps_taken"] ?? "") ?? 1)
    }
    return try Agent.load(from: url, encoder: encoder, actionCount: actionCount, configuration: configuration)
}
