import Agents
import Foundation
import Gym

/// Picks the observation encoder and the tuned configuration for a deep agent, then runs it.
func runDeep(_ environment: any Environment, context: RunContext, dqnOptions: DQNOptions) throws -> RunReport {
    if let discrete = environment as? any DiscreteEnvironment {
        return try runDeep(discrete, encoder: OneHotEncoder(count: discrete.observationSpace.count),
                           preset: .discreteStates, context: context, dqnOptions: dqnOptions)
    }
    if let vector = environment as? any VectorEnvironment {
        guard vector.observationSpace.shape.count == 1 else {
            throw GymError("\(context.agent.rawValue) needs flat observation vectors; '\(context.environmentName)' has shape \(vector.observationSpace.shape)")
        }
        return try runDeep(vector, encoder: VectorEncoder(size: vector.observationSpace.shape[0]),
                           preset: .cartPole, context: context, dqnOptions: dqnOptions)
    }
    let spaces = spaceDescriptions(of: environment)
    throw GymError("\(context.agent.rawValue) needs discrete actions and integer or float-vector observations; '\(context.environmentName)' has observations \(spaces.observation) and actions \(spaces.action)")
}

/// Trains DQN on `environment`, evaluates the greedy policy and reports.
private func runDeep<E: Environment, Encoder: ObservationEncoder>(
    _ environment: E, encoder: Encoder, preset: DQNConfiguration, context: RunContext, dqnOptions: DQNOptions
) throws -> RunReport where E.Observation == Encoder.Observation, E.Action == Int, E.ActionSpace == Discrete {
    var configuration = context.hyperparameters.dqnConfiguration(preset: preset, seed: context.run.seed)
    try dqnOptions.apply(to: &configuration)
    let clock = ContinuousClock()
    let start = clock.now
    var environment = environment
    let agent = try DQN(encoder: encoder, actionCount: environment.actionSpace.count, configuration: configuration)
    var report = RunReport(agent: context.agent.rawValue, env: context.environmentName, seed: context.run.seed)
    report.rewardThreshold = context.spec.rewardThreshold
    report.hyperparameters = describe(configuration)
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
        let episode = try agent.trainEpisode(in: &environment)
        lastEpisode = episode
        let success = (environment as? any GoalReporting)?.isAtGoal
        progress.record(episode, success: success, loss: agent.lastLoss)
        try log?.write(EpisodeLog.Line(phase: "train", episode: episode.index, return: episode.totalReward,
                                       length: episode.length, terminated: episode.terminated, success: success,
                                       epsilon: episode.epsilon, totalSteps: episode.totalSteps, loss: agent.lastLoss,
                                       meanQ: agent.lastMeanQ))
    }
    progress.finish(lastEpisode)
    report.episodes = agent.episodesCompleted
    report.steps = agent.stepsTaken
    report.updates = agent.updates
    report.finalLoss = agent.lastLoss
    report.trainSeconds = seconds(clock.now - start)

    // Greedy evaluation on its own seed.
    let evaluationStart = clock.now
    let evaluation = try Evaluation(&environment, episodes: context.run.evalEpisodes, seed: context.run.seed &+ 1,
                                    maxSteps: context.evaluationStepLimit(environmentLimit: context.spec.maxEpisodeSteps),
                                    policy: { agent.greedyAction($0) })
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
