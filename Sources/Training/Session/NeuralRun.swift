import Agents
import Foundation
import Gym

/// The neural part of a run, generic over the environment and its observation encoder: builds (or loads) the agent
/// the plan names, trains it unless only evaluating, evaluates it greedily and reports.
struct NeuralRun: EncodedEnvironmentVisitor {
    let plan: RunPlan
    let parts: Parts
    /// The checkpoint to start from (training) or to evaluate.
    let checkpoint: URL?
    let evaluateOnly: Bool

    func visit<E: Environment, Encoder: ObservationEncoder>(_ environment: E, encoder: Encoder,
                                                           kind: ObservationKind) throws -> TrainingReport
    where E.Observation == Encoder.Observation, E.Action == Int {
        guard let actions = environment.actionSpace as? Discrete else {
            throw GymError("\(plan.agent.rawValue) needs a discrete action space; '\(plan.environmentName)' has \(environment.actionSpace)")
        }
        let trainer = parts.trainer
        switch plan.agent {
        case .dqn:
            return try run(DQN<Encoder>.self, preset: kind.dqnPreset, on: environment, encoder: encoder,
                           actionCount: actions.count) { try trainer.train(&$0, in: &$1) }
        case .reinforce:
            return try run(Reinforce<Encoder>.self, preset: kind.reinforcePreset, on: environment, encoder: encoder,
                           actionCount: actions.count) { try trainer.train(&$0, in: &$1) }
        case .actorCritic:
            return try run(ActorCritic<Encoder>.self, preset: kind.actorCriticPreset, on: environment,
                           encoder: encoder, actionCount: actions.count) { try trainer.train(&$0, in: &$1) }
        case .ppo:
            return try run(PPO<Encoder>.self, preset: kind.ppoPreset, on: environment, encoder: encoder,
                           actionCount: actions.count) { try trainer.train(&$0, in: &$1) }
        case .a2c:
            return try run(A2C<Encoder>.self, preset: kind.a2cPreset, on: environment, encoder: encoder,
                           actionCount: actions.count) { try trainer.train(&$0, in: &$1) }
        case .sac:
            throw GymError("sac needs continuous (Box) actions; '\(plan.environmentName)' has \(environment.actionSpace): use dqn, ppo or a2c")
        case .qLearning, .sarsa, .expectedSarsa, .valueIteration, .policyIteration:
            throw GymError("\(plan.agent.rawValue) is not a neural agent")
        }
    }

    /// The continuous-control part, with the observations normalized when the plan asks (or the checkpoint holds
    /// their statistics, which are restored); the statistics are frozen for the evaluation.
    func visitContinuous<E: ContinuousControlEnvironment>(_ environment: E) throws -> TrainingReport {
        guard environment.observationSpace.shape.count == 1 else {
            throw GymError("\(plan.agent.rawValue) needs flat observation vectors; '\(plan.environmentName)' has shape \(environment.observationSpace.shape)")
        }
        let metadata = try checkpoint.map { try CheckpointFile.read($0).metadata } ?? [:]
        let saved = try RunningMeanVariance<Float>.saved(under: NormalizeObservation<E>.statisticsKey, in: metadata,
                                                         size: environment.observationSpace.shape[0])
        guard plan.normalizeObservations || saved != nil else {
            return try continuous(environment, normalized: false) { _ in }
        }
        var normalized = NormalizeObservation(environment)
        if let saved { normalized.statistics = saved }
        return try continuous(normalized, normalized: true) { $0.updatesStatistics = false }
    }

    /// SAC acts in [−1, 1] per component and ``RescaleAction`` maps that onto the environment's bounds (how
    /// Stable-Baselines3 runs SAC); PPO's and A2C's Gaussian samples are clipped to the bounds by ``ClipAction`` (how
    /// CleanRL and Stable-Baselines3 run them). `freeze` stops the environment's wrappers learning before the evaluation.
    private func continuous<E: ContinuousControlEnvironment>(_ environment: E, normalized: Bool,
                                                             freeze: @escaping (inout E) -> Void) throws -> TrainingReport {
        let encoder = VectorEncoder(size: environment.observationSpace.shape[0])
        let components = environment.actionSpace.low.count
        let trainer = parts.trainer
        let extra = normalized ? ["normalize_observations": "true"] : [:]
        switch plan.agent {
        case .sac:
            let rescaled: RescaleAction<E>
            do {
                rescaled = try RescaleAction(environment)
            } catch {
                throw GymError("sac needs finite action bounds to rescale its [-1, 1] actions onto; '\(plan.environmentName)' has \(environment.actionSpace)")
            }
            return try run(SAC<VectorEncoder>.self, preset: SACConfiguration.tuned(for: plan.spec.canonicalName),
                           on: rescaled, encoder: encoder, actionCount: components, hyperparameters: extra,
                           freeze: { freeze(&$0.base) }) { try trainer.train(&$0, in: &$1) }
        case .ppo:
            return try run(GaussianPPO<VectorEncoder>.self,
                           preset: OnPolicyConfiguration.ppoContinuous(for: plan.spec.canonicalName),
                           on: ClipAction(environment), encoder: encoder, actionCount: components,
                           hyperparameters: extra, freeze: { freeze(&$0.base) }) { try trainer.train(&$0, in: &$1) }
        case .a2c:
            return try run(GaussianA2C<VectorEncoder>.self,
                           preset: OnPolicyConfiguration.a2cContinuous(for: plan.spec.canonicalName),
                           on: ClipAction(environment), encoder: encoder, actionCount: components,
                           hyperparameters: extra, freeze: { freeze(&$0.base) }) { try trainer.train(&$0, in: &$1) }
        default:
            throw GymError("\(plan.agent.rawValue) needs discrete actions; '\(plan.environmentName)' has continuous actions \(environment.actionSpace): use sac, ppo or a2c")
        }
    }

    /// Builds the agent, trains it with `train` (the trainer's loop for its kind of learner) unless only evaluating,
    /// evaluates it (after `freeze`, which stops the environment's wrappers learning) and reports; `hyperparameters`
    /// adds entries to the report's.
    private func run<Agent: NeuralAgent, E: Environment>(
        _ type: Agent.Type, preset: Agent.Configuration, on environment: E, encoder: Agent.Encoder, actionCount: Int,
        hyperparameters: [String: String] = [:], freeze: (inout E) -> Void = { _ in },
        train: (inout Agent, inout E) throws -> TrainingResult
    ) throws -> TrainingReport where E.Observation == Agent.Encoder.Observation, E.Action == Agent.Action {
        var environment = environment
        var (agent, configuration) = try plan.makeAgent(type, preset: preset, encoder: encoder, actionCount: actionCount,
                                                        checkpoint: checkpoint, evaluateOnly: evaluateOnly)
        var report = parts.report
        report.hyperparameters = configuration.settingValues
        report.hyperparameters["network"] = configuration.architecture(for: encoder.inputShape).rawValue
        report.hyperparameters.merge(hyperparameters) { _, given in given }
        report.seed = configuration.seed
        if evaluateOnly {
            report.checkpoint = checkpoint?.relativePath
            report.episodes = agent.episodesCompleted
            report.steps = agent.stepsTaken
            report.updates = agent.updates
            report.finalLoss = agent.lastLoss
        } else {
            parts.tensorboard?.hyperparameters = report.hyperparameters
            do {
                report.record(try train(&agent, &environment))
            } catch let divergence as TrainingDiverged {
                throw GymError(divergence.description)
            }
        }
        freeze(&environment)
        let evaluation = try parts.trainer.evaluate(in: &environment, episodes: plan.evaluationEpisodes,
                                                    seed: plan.seed &+ 1, maxSteps: plan.evaluationStepLimit,
                                                    policy: agent.greedyAction)
        if let discrete = environment as? any DiscreteEnvironment {
            // Every state's greedy action and value, as the tabular agents report them.
            let states = (0..<discrete.observationSpace.count).compactMap { $0 as? Agent.Encoder.Observation }
            report.policy = states.compactMap { agent.greedyAction($0) as? Int }
            report.values = states.compactMap(agent.stateValue)
            report.policyPicture = environment.capability(PolicyRendering.self)?.policyText(report.policy)
        }
        return parts.finish(report, evaluation: evaluation, trainedSteps: evaluateOnly ? 0 : report.steps)
    }
}

extension RunPlan {
    /// A fresh agent from the tuned `preset` and the plan's settings and seed, or (with a `checkpoint`) the saved one
    /// with the plan's settings applied to its saved configuration; with the configuration to report (a resumed run
    /// keeps the saved seed). An agent that is only evaluated gets no replay memory to speak of.
    public func makeAgent<Agent: NeuralAgent>(
        _ type: Agent.Type, preset: Agent.Configuration, encoder: Agent.Encoder, actionCount: Int, checkpoint: URL?,
        evaluateOnly: Bool = false
    ) throws -> (Agent, Agent.Configuration) {
        guard let checkpoint else {
            var configuration = preset
            configuration.seed = seed
            try configuration.apply(settings)
            return (try Agent(encoder: encoder, actionCount: actionCount, configuration: configuration), configuration)
        }
        let (_, metadata, saved) = try Agent.readCheckpoint(from: checkpoint)
        if let savedEnvironment = metadata["env"], savedEnvironment != spec.canonicalName {
            throw GymError("'\(checkpoint.path)' holds an agent trained on '\(savedEnvironment)', not '\(spec.canonicalName)'")
        }
        for (key, value) in checkpointMetadata where metadata[key] != value {
            throw GymError("'\(checkpoint.path)' holds an agent trained with \(key) \(metadata[key] ?? "unset"), but this run has \(key) \(value)")
        }
        var configuration = saved
        try configuration.apply(settings)
        guard evaluateOnly else {
            return (try Agent.load(from: checkpoint, encoder: encoder, actionCount: actionCount,
                                   configuration: configuration), configuration)
        }
        // Nothing left to train: the budget ends where the saved agent stopped, and no replay memory is needed.
        var acting = configuration.forEvaluation()
        acting.totalSteps = max(1, Int(metadata["steps_taken"] ?? "") ?? 1)
        return (try Agent.load(from: checkpoint, encoder: encoder, actionCount: actionCount, configuration: acting),
                configuration)
    }
}
