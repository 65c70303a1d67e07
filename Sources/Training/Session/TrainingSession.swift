import Agents
import Foundation
import Gym

/// Carries out a ``RunPlan``: builds the agent, trains (or plans), evaluates greedily and reports, with the
/// observers the plan asks for. The command line is a thin front end over these two entry points.
public enum TrainingSession {
    /// Trains (or plans) the plan's agent on `environment`, then evaluates it greedily.
    ///
    /// Output files are checked before anything is built; one that still cannot be written at the end is listed in
    /// the report's ``TrainingReport/notWritten`` instead of losing the run.
    ///
    /// - Parameters:
    ///   - observers: receive the trainer's events besides those the plan asks for (a program's own progress).
    ///   - stop: ends training after the current episode when requested; by default the process's signals.
    public static func train(_ plan: RunPlan, on environment: any Environment, observers: [any TrainingObserver] = [],
                             stop: StopRequest = .process) throws -> TrainingReport {
        try OutputFiles.check(plan.outputs)
        if plan.normalizeObservations, !(environment is any ContinuousControlEnvironment) || !plan.agent.isNeural {
            throw GymError("--normalize-observations applies to continuous-control runs (sac or ppo on Box actions, such as pendulum); '\(plan.agent.rawValue)' on '\(plan.environmentName)' is not one")
        }
        if !plan.agent.isNeural, !(environment is any DiscreteEnvironment) {
            let spaces = spaceDescriptions(of: environment)
            let advice = environment.actionSpace is Discrete ? "; use dqn" : ""
            throw GymError("\(plan.agent.rawValue) is tabular: it needs discrete observations and actions, and '\(plan.environmentName)' has observations \(spaces.observation) and actions \(spaces.action)\(advice)")
        }
        let parts = try Parts(plan, environment: environment, training: true, stop: stop)
        for observer in observers { parts.trainer.observe(observer) }
        return try parts.closing {
            if let discrete = environment as? any DiscreteEnvironment, !plan.agent.isNeural {
                return try tabular(plan, on: discrete, parts: parts)
            }
            return try neural(plan, on: environment, parts: parts, checkpoint: plan.load)
        }
    }

    /// Evaluates the neural agent saved in `checkpoint` greedily on `environment`, without training.
    public static func evaluate(_ plan: RunPlan, checkpoint: URL, on environment: any Environment) throws -> TrainingReport {
        guard plan.agent.isNeural else {
            throw GymError("only neural agents (\(AgentKind.allCases.filter(\.isNeural).map(\.rawValue).joined(separator: ", "))) keep checkpoints; '\(plan.agent.rawValue)' has none: train it with gym run \(plan.agent.rawValue) \(plan.environmentName)")
        }
        try OutputFiles.check(plan.outputs)
        let parts = try Parts(plan, environment: environment, training: false)
        parts.display?.evaluationSelection = (parts.display?.showing ?? .none, parts.display?.recording ?? .none)
        return try parts.closing {
            try neural(plan, on: environment, parts: parts, checkpoint: checkpoint, evaluateOnly: true)
        }
    }

    /// The metadata of the checkpoint at `url` (how the environment was observed, the counters, …).
    public static func checkpointMetadata(at url: URL) throws -> [String: String] {
        try CheckpointFile.read(url).metadata
    }

    // MARK: - Tabular agents

    private static func tabular<E: DiscreteEnvironment>(_ plan: RunPlan, on environment: E,
                                                        parts: Parts) throws -> TrainingReport {
        var environment = environment
        var report = parts.report
        let start = ContinuousClock.now
        let table: ValueTable
        if plan.agent.isPlanner {
            guard let model = environment.capability(TabularModel.self) else {
                throw GymError("\(plan.agent.rawValue) plans from a model of the dynamics, and '\(plan.environmentName)' does not expose one (TabularModel); use q-learning, sarsa or expected-sarsa instead")
            }
            let solution = try solve(plan, model: model, environment: environment, parts: parts, report: &report)
            table = ValueTable(values: solution.values, policy: solution.policy)
            parts.display?.evaluationSelection = (.first, .first)
        } else {
            var configuration = QLearning.Configuration.tuned(for: plan.spec.canonicalName)
            configuration.rule = plan.agent == .sarsa ? .sarsa : plan.agent == .expectedSarsa ? .expectedSarsa : .qLearning
            configuration.seed = plan.seed
            try configuration.apply(plan.settings)
            var learner = try QLearning(for: environment, configuration: configuration)
            report.hyperparameters = configuration.settingValues
            parts.tensorboard?.hyperparameters = report.hyperparameters
            report.record(try parts.trainer.train(&learner, in: &environment))
            table = ValueTable(values: learner.values, policy: learner.policy)
        }
        parts.display?.paint(table)
        report.trainSeconds = seconds(ContinuousClock.now - start)
        report.values = table.values
        report.policy = table.policy
        report.policyPicture = environment.capability(PolicyRendering.self)?.policyText(table.policy)
        let evaluation = try parts.trainer.evaluate(in: &environment, episodes: plan.evaluationEpisodes,
                                                    seed: plan.seed &+ 1, maxSteps: plan.evaluationStepLimit,
                                                    policy: { table.policy[$0] })
        return parts.finish(report, evaluation: evaluation, trainedSteps: plan.agent.isPlanner ? 0 : report.steps)
    }

    private static func solve(_ plan: RunPlan, model: some TabularModel, environment: some Environment, parts: Parts,
                             report: inout TrainingReport) throws -> TabularSolution {
        let solution: TabularSolution
        if plan.agent == .valueIteration {
            let configuration = try plannerConfiguration(ValueIteration.Configuration(), plan: plan, model: model)
            report.hyperparameters = configuration.settingValues
            solution = try parts.trainer.plan(ValueIteration(configuration), model: model, showingOn: environment)
        } else {
            let configuration = try plannerConfiguration(PolicyIteration.Configuration(), plan: plan, model: model)
            report.hyperparameters = configuration.settingValues
            solution = try parts.trainer.plan(PolicyIteration(configuration), model: model, showingOn: environment)
        }
        guard solution.converged else {
            throw GymError("\(plan.agent.rawValue) did not converge within \(solution.iterations) iterations (residual \(solution.residual)); raise max-iterations or tolerance, or use γ < 1 if some policy never terminates")
        }
        report.record(solution)
        return solution
    }

    /// A planner's configuration: the model's own discount, then the plan's settings.
    private static func plannerConfiguration<C: PlannerConfiguration>(_ defaults: C, plan: RunPlan,
                                                                      model: some TabularModel) throws -> C {
        var configuration = defaults
        if let discount = model.discount { configuration.discount = discount }
        try configuration.apply(plan.settings)
        return configuration
    }

    // MARK: - Neural agents

    private static func neural(_ plan: RunPlan, on environment: any Environment, parts: Parts, checkpoint: URL?,
                               evaluateOnly: Bool = false) throws -> TrainingReport {
        let visitor = NeuralRun(plan: plan, parts: parts, checkpoint: checkpoint, evaluateOnly: evaluateOnly)
        if let continuous = environment as? any ContinuousControlEnvironment {
            return try visitor.visitContinuous(continuous)
        }
        guard let report = try withObservationEncoder(for: environment, visitor) else {
            let spaces = spaceDescriptions(of: environment)
            throw GymError("\(plan.agent.rawValue) needs discrete actions and integer, float-vector, channel-grid or image observations; '\(plan.environmentName)' has observations \(spaces.observation) and actions \(spaces.action)")
        }
        return report
    }
}

/// The trainer, its observers and the report's first figures, as the plan asks.
struct Parts {
    let trainer: Trainer
    let display: EpisodeDisplay?
    let tensorboard: TensorBoardLog?
    /// The recording to add to TensorBoard once it is written.
    let recording: String?
    let report: TrainingReport
    let start = ContinuousClock.now

    init<E: Environment>(_ plan: RunPlan, environment: E, training: Bool, stop: StopRequest = .process) throws {
        trainer = Trainer(rewardThreshold: plan.spec.rewardThreshold, checkpoint: training ? plan.save : nil,
                          checkpointMetadata: plan.fullCheckpointMetadata, stop: stop)
        if training, plan.showsProgress { trainer.observe(ProgressLine()) }
        if let log = plan.log { trainer.observe(try EpisodeLog(path: log, updateInterval: plan.logUpdateInterval)) }
        if training, let plot = plan.plot {
            trainer.observe(LearningCurveWriter(path: plot, title: "\(plan.title), seed \(plan.seed)",
                                                threshold: plan.spec.rewardThreshold))
        }
        tensorboard = try plan.tensorboard.flatMap { training ? try TensorBoardLog(directory: $0) : nil }
        if let tensorboard { trainer.observe(tensorboard) }
        recording = plan.display?.record
        display = try plan.display.flatMap { try EpisodeDisplay.open($0, for: environment, spec: plan.spec) }
        if let display {
            display.showsValues = plan.showValues
            display.onQuit = { [stop = trainer.stop] in stop.request() }
            trainer.watch(with: display)
        }
        var report = TrainingReport(agent: plan.agent.rawValue, env: plan.environmentName, seed: plan.seed)
        report.rewardThreshold = plan.spec.rewardThreshold
        self.report = report
    }

    /// Runs `body`, then closes the window and the recording; outputs that could not be written (the recording
    /// here, the checkpoint or the plot in the trainer) are listed in the report.
    func closing(_ body: () throws -> TrainingReport) throws -> TrainingReport {
        var report: TrainingReport
        do {
            report = try body()
        } catch {
            try? display?.close()
            throw error
        }
        report.notWritten = trainer.unwrittenOutputs
        do {
            try display?.close()
            if let tensorboard, let recording, FileManager.default.fileExists(atPath: recording) {
                try tensorboard.addRecording(at: recording)
            }
        } catch {
            report.notWritten.append("the recording: \(error)")
        }
        return report
    }

    /// The report with the evaluation's figures and the rates of the whole run.
    func finish(_ report: TrainingReport, evaluation: Evaluation, trainedSteps: Int) -> TrainingReport {
        var report = report
        report.record(evaluation)
        report.wallSeconds = seconds(ContinuousClock.now - start)
        let evaluationSteps = evaluation.episodeLengths.reduce(0, +)
        let steppingSeconds = report.wallSeconds - (trainedSteps == 0 ? report.trainSeconds : 0)
        report.stepsPerSecond = Double(trainedSteps + evaluationSteps) / max(steppingSeconds, 1e-9)
        return report
    }
}
