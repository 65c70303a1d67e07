import Agents
import Foundation
import Gym

/// Picks the observation encoder and the tuned configuration for a deep agent, then runs it.
///
/// With `evaluateOnly` (`gym eval`), the agent comes from `--load` and is only evaluated.
func runDeep(_ environment: any Environment, context: RunContext, dqnOptions: DQNOptions,
             evaluateOnly: Bool = false) throws -> RunReport {
    if let discrete = environment as? any DiscreteEnvironment {
        return try runDeep(discrete, encoder: OneHotEncoder(count: discrete.observationSpace.count),
                           preset: .discreteStates, context: context, dqnOptions: dqnOptions,
                           evaluateOnly: evaluateOnly)
    }
    if let vector = environment as? any VectorEnvironment {
        guard vector.observationSpace.shape.count == 1 else {
            throw GymError("\(context.agent.rawValue) needs flat observation vectors; '\(context.environmentName)' has shape \(vector.observationSpace.shape)")
        }
        return try runDeep(vector, encoder: VectorEncoder(size: vector.observationSpace.shape[0]),
                           preset: .cartPole, context: context, dqnOptions: dqnOptions,
                           evaluateOnly: evaluateOnly)
    }
    let spaces = spaceDescriptions(of: environment)
    throw GymError("\(context.agent.rawValue) needs discrete actions and integer or float-vector observations; '\(context.environmentName)' has observations \(spaces.observation) and actions \(spaces.action)")
}

/// Trains DQN on `environment`, evaluates the greedy policy and reports.
private func runDeep<E: Environment, Encoder: ObservationEncoder>(
    _ environment: E, encoder: Encoder, preset: DQNConfiguration, context: RunContext, dqnOptions: DQNOptions,
    evaluateOnly: Bool
) throws -> RunReport where E.Observation == Encoder.Observation, E.Action == Int, E.ActionSpace == Discrete {
    let clock = ContinuousClock()
    let start = clock.now
    var environment = environment
    let agent = try makeAgent(encoder: encoder, actionCount: environment.actionSpace.count, preset: preset,
                              context: context, dqnOptions: dqnOptions, evaluateOnly: evaluateOnly)
    let configuration = agent.configuration
    let renderer = try context.run.render.map { _ in try terminalRenderer(for: environment, fps: context.run.fps) }
    let checkpointMetadata = ["env": context.environmentName]
    let saveURL = dqnOptions.save.map { URL(fileURLWithPath: $0) }
    var report = RunReport(agent: context.agent.rawValue, env: context.environmentName, seed: context.run.seed)
    report.rewardThreshold = context.spec.rewardThreshold
    report.hyperparameters = describe(configuration)
    if evaluateOnly { report.checkpoint = dqnOptions.load }
    let log = try context.run.log.map(EpisodeLog.init(path:))

    // Training, with the live progress line; Ctrl-C stops it and still evaluates.
    let budget = TrainingBudget.steps(configuration.totalSteps)
    let progress = ProgressReporter(budget: budget)
    var lastEpisode: TrainingEpisode?
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
            // A NaN loss leaves the network at its last good state: keep that one.
            if let saveURL {
                try agent.save(to: saveURL, metadata: checkpointMetadata)
                TerminalOutput.write("\nsaved the last good agent to \(saveURL.path)\n")
            }
            throw error
        }
        lastEpisode = episode
        let success = (environment as? any GoalReporting)?.isAtGoal
        progress.record(episode, success: success, loss: agent.lastLoss)
        try log?.write(EpisodeLog.Line(phase: "train", episode: episode.index, return: episode.totalReward,
                                       length: episode.length, terminated: episode.terminated, success: success,
                                       epsilon: episode.epsilon, totalSteps: episode.totalSteps, loss: agent.lastLoss,
                                       meanQ: agent.lastMeanQ))
    }
    progress.finish(lastEpisode)
    if let saveURL {
        try agent.save(to: saveURL, metadata: checkpointMetadata)
        TerminalOutput.write("saved the agent to \(saveURL.path)\n")
    }
    report.episodes = agent.episodesCompleted
    report.steps = agent.stepsTaken
    report.updates = agent.updates
    report.finalLoss = agent.lastLoss
    report.trainSeconds = seconds(clock.now - start)

    // Greedy evaluation on its own seed.
    let evaluationStart = clock.now
    let evaluation = try Evaluation(&environment, episodes: context.run.evalEpisodes, seed: context.run.seed &+ 1,
                                    maxSteps: context.evaluationStepLimit(environmentLimit: context.spec.maxEpisodeSteps),
                                    policy: { agent.greedyAction($0) }, observe: firstEpisodeObserver(renderer))
    report.record(evaluation)
    try log?.writeEvaluation(evaluation)
    if let discrete = environment as? any DiscreteEnvironment {
        // Every state's greedy action and value, as the tabular agents report them.
        let states = (0..<discrete.observationSpace.count).compactMap { $0 as? Encoder.Observation }
        report.policy = states.map(agent.greedyAction)
        report.values = states.map { Double(agent.actionValues($0).max() ?? 0) }
        report.policyPicture = (environment as? any PolicyRendering)?.policyText(report.policy)
    }
    report.wallSeconds = seconds(clock.now - start)
    let evaluationSteps = evaluation.episodeLengths.reduce(0, +)
    report.stepsPerSecond = Double(report.steps + evaluationSteps) / max(report.trainSeconds + seconds(clock.now - evaluationStart), 1e-9)
    return report
}

/// A fresh agent from the tuned preset and the flags, or (with `--load`) the saved one with the flags applied to
/// its saved configuration.
private func makeAgent<Encoder: ObservationEncoder>(
    encoder: Encoder, actionCount: Int, preset: DQNConfiguration, context: RunContext, dqnOptions: DQNOptions,
    evaluateOnly: Bool
) throws -> DQN<Encoder> {
    guard let path = dqnOptions.load else {
        var configuration = context.hyperparameters.dqnConfiguration(preset: preset, seed: context.run.seed)
        try dqnOptions.apply(to: &configuration)
        return try DQN(encoder: encoder, actionCount: actionCount, configuration: configuration)
    }
    let url = URL(fileURLWithPath: path)
    let (_, metadata, saved) = try DQN<Encoder>.readCheckpoint(from: url)
    if let savedEnvironment = metadata["env"], savedEnvironment != context.environmentName {
        throw GymError("'\(path)' holds an agent trained on '\(savedEnvironment)', not '\(context.environmentName)'")
    }
    var configuration = context.hyperparameters.dqnConfiguration(preset: saved, seed: saved.seed)
    try dqnOptions.apply(to: &configuration)
    let agent = try DQN.load(from: url, encoder: encoder, actionCount: actionCount, configuration: configuration)
    if evaluateOnly {
        // Nothing left to train: the budget ends where the saved agent stopped.
        var finished = agent.configuration
        finished.totalSteps = max(1, agent.stepsTaken)
        return try DQN.load(from: url, encoder: encoder, actionCount: actionCount, configuration: finished)
    }
    return agent
}

/// The hyperparameters as shown in the summary and the JSON report.
private func describe(_ configuration: DQNConfiguration) -> [String: String] {
    [
        "steps": String(configuration.totalSteps),
        "learning_rate": formatNumber(configuration.learningRate),
        "discount": formatNumber(configuration.discount),
        "epsilon": "\(formatNumber(configuration.epsilonStart)) → \(formatNumber(configuration.epsilonEnd)) over \(formatNumber(configuration.explorationFraction * 100))%",
        "buffer_size": String(configuration.bufferSize),
        "batch_size": String(configuration.batchSize),
        "learning_starts": String(configuration.learningStarts),
        "train_frequency": String(configuration.trainFrequency),
        "gradient_steps": String(configuration.gradientSteps),
        "target_update": configuration.targetUpdateRate >= 1 ? "copy every \(configuration.targetUpdateInterval)"
            : "τ \(formatNumber(configuration.targetUpdateRate)) every \(configuration.targetUpdateInterval)",
        "double_dqn": String(configuration.doubleDQN),
        "loss": configuration.loss.rawValue,
        "optimizer": configuration.optimizer.rawValue,
        "max_grad_norm": configuration.maxGradientNorm.map(formatNumber) ?? "none",
        "hidden": configuration.hiddenLayers.map(String.init).joined(separator: ","),
    ]
}
