import Agents
import Foundation
import Gym

/// Runs a tabular agent (learner or planner) on `environment`, evaluates the greedy policy and reports.
func runTabular<E: DiscreteEnvironment>(_ environment: E, context: RunContext) throws -> RunReport {
    let clock = ContinuousClock()
    let start = clock.now
    let viewing = try Viewing(context.viewing, environment: environment, spec: context.spec, title: context.title)
    let renderer = viewing.terminal
    let display = viewing.display
    display?.onQuit = Interrupt.request
    var environment = Watched(environment, display: display)
    let log = try context.run.log.map(EpisodeLog.init(path:))
    var report = RunReport(agent: context.agent.rawValue, env: context.environmentName, seed: context.run.seed)
    report.rewardThreshold = context.spec.rewardThreshold

    let policy: [Int]
    if context.agent.isPlanner {
        guard let model = environment as? any TabularModel else {
            throw GymError("\(context.agent.rawValue) plans from a model of the dynamics, and '\(context.environmentName)' does not expose one (TabularModel); use q-learning, sarsa or expected-sarsa instead")
        }
        let solution = try plan(model, context: context, report: &report)
        if let display, context.run.showValues {
            try showPlanning(model, solution: solution, on: environment, display: display, context: context)
        }
        policy = solution.policy
        report.values = solution.values
    } else {
        var learner = try QLearning(for: environment, configuration: context.hyperparameters.learnerConfiguration(
            rule: learnerRule(context.agent), seed: context.run.seed, environment: context.spec.canonicalName))
        report.hyperparameters = describe(learner.configuration)
        try train(&learner, in: &environment, renderer: renderer, display: display, log: log, context: context,
                  report: &report)
        policy = learner.policy
        report.values = learner.values
    }
    if context.run.showValues { display?.valueMap = (report.values, policy) }
    report.trainSeconds = seconds(clock.now - start)
    report.policy = policy
    report.policyPicture = (environment as? any PolicyRendering)?.policyText(policy)

    // Greedy evaluation, on its own seed so that it does not depend on how long training ran.
    // A planner has no training episodes, so its recording is the first evaluation episode.
    display?.beginEvaluation(showing: .first, recording: context.agent.isPlanner ? .first : .none)
    let evaluationStart = clock.now
    let evaluation = try Evaluation(
        &environment, episodes: context.run.evalEpisodes, seed: context.run.seed &+ 1,
        maxSteps: context.evaluationStepLimit(environmentLimit: context.spec.maxEpisodeSteps),
        policy: { policy[$0] }, observe: firstEpisodeObserver(renderer),
        shouldStop: Interrupt.laterRequest())
    let evaluationSeconds = seconds(clock.now - evaluationStart)
    report.record(evaluation)
    try log?.writeEvaluation(evaluation)
    try viewing.finish()
    report.wallSeconds = seconds(clock.now - start)
    let allSteps = Double(report.steps + evaluation.episodeLengths.reduce(0, +))
    let steppingSeconds = evaluationSeconds + (context.agent.isPlanner ? 0 : report.trainSeconds)
    report.stepsPerSecond = allSteps / max(steppingSeconds, 1e-9)
    return report
}

/// The training loop: episodes until the budget is spent or Ctrl-C, with progress, logging and demonstrations.
private func train<E: DiscreteEnvironment>(
    _ learner: inout QLearning, in environment: inout E, renderer: TerminalRenderer?, display: EpisodeDisplay?,
    log: EpisodeLog?, context: RunContext, report: inout RunReport
) throws {
    let budget = learner.configuration.budget
    let progress = ProgressReporter(budget: budget)
    var nextDemonstration = 1
    var lastEpisode: TrainingEpisode?
    var returns: [Double] = []
    Interrupt.install()
    while !learner.isFinished {
        if Interrupt.isRequested {
            report.interrupted = true
            TerminalOutput.write("\ninterrupted: stopping training after \(learner.episodesCompleted) episodes\n")
            break
        }
        if let display {
            let epsilon = "ε \(String(format: "%.3f", learner.epsilon))"
            display.detail = { epsilon }
            if context.run.showValues { display.valueMap = (learner.values, learner.policy) }
        }
        let episode = try learner.trainEpisode(in: &environment)
        lastEpisode = episode
        returns.append(episode.totalReward)
        let success = (environment as? any GoalReporting)?.isAtGoal
        progress.record(episode, success: success)
        try log?.write(EpisodeLog.Line(phase: "train", episode: episode.index, return: episode.totalReward,
                                       length: episode.length, terminated: episode.terminated, success: success,
                                       epsilon: episode.epsilon, totalSteps: episode.totalSteps))
        let done = budget.elapsed(episodes: episode.index, steps: episode.totalSteps)
        if let renderer, let drawable = environment as? any DiscreteEnvironment & TextRendering,
           done * 10 >= nextDemonstration * budget.amount {
            nextDemonstration = done * 10 / budget.amount + 1
            let snapshot = learner
            try playDemonstration(drawable, renderer: renderer, maxSteps: context.spec.maxEpisodeSteps ?? 200,
                                  caption: "\(context.agent.rawValue) on \(context.environmentName): greedy policy after \(episode.index) episodes (ε \(String(format: "%.3f", episode.epsilon)))") {
                snapshot.greedyAction($0)
            }
        }
    }
    progress.finish(lastEpisode)
    try context.writePlot(returns)
    report.episodes = learner.episodesCompleted
    report.steps = learner.stepsTaken
}

/// Plays one greedy episode of a text-rendering environment whose observations are states.
private func playDemonstration<E: DiscreteEnvironment & TextRendering>(
    _ environment: E, renderer: TerminalRenderer, maxSteps: Int, caption: String, policy: (Int) -> Int
) throws {
    try renderer.playEpisode(environment, caption: caption, maxSteps: maxSteps, policy: policy)
}

/// Solves the model with the chosen planner and records the planning figures.
private func plan(_ model: some TabularModel, context: RunContext, report: inout RunReport) throws -> TabularSolution {
    let configuration = context.hyperparameters.valueIterationConfiguration(modelDiscount: model.discount)
    report.hyperparameters = ["discount": formatNumber(configuration.discount),
                              "tolerance": String(configuration.tolerance)]
    let solution = try solve(model, context: context)
    guard solution.converged else {
        throw GymError("\(context.agent.rawValue) did not converge within \(solution.iterations) iterations (residual \(solution.residual)); raise --max-iterations or --tolerance, or use γ < 1 if some policy never terminates")
    }
    report.iterations = solution.iterations
    report.residual = solution.residual
    return solution
}

/// The chosen planner's solution, stopped after `iterations` sweeps (value iteration) or improvement steps (policy
/// iteration) when given.
private func solve(_ model: some TabularModel, context: RunContext, iterations: Int? = nil) throws -> TabularSolution {
    if context.agent == .valueIteration {
        var configuration = context.hyperparameters.valueIterationConfiguration(modelDiscount: model.discount)
        if let iterations { configuration.maxIterations = iterations }
        return try ValueIteration(configuration).solve(model)
    }
    var configuration = context.hyperparameters.policyIterationConfiguration(modelDiscount: model.discount)
    if let iterations { configuration.maxIterations = iterations }
    return try PolicyIteration(configuration).solve(model)
}

/// `--show-values` for planners: shows V and the greedy policy after each sweep (or improvement step), one frame
/// each, by re-running the planner stopped after 1, 2, … iterations (the planners are deterministic, so these are
/// exactly the intermediate values; the extra work is negligible next to drawing).
private func showPlanning<E: Environment>(_ model: some TabularModel, solution: TabularSolution, on environment: E,
                                          display: EpisodeDisplay, context: RunContext) throws {
    let unit = context.agent == .valueIteration ? "SWEEP" : "IMPROVEMENT"
    for iteration in 1...max(1, solution.iterations) where display.takesStills {
        let partial = iteration == solution.iterations ? solution : try solve(model, context: context, iterations: iteration)
        display.valueMap = (partial.values, partial.policy)
        guard let frame = display.frame(of: environment) else { return }
        try display.showStill(frame, caption: "\(unit) \(iteration)/\(solution.iterations)  RESIDUAL \(String(format: "%.3g", partial.residual))")
    }
}

/// The update rule behind a learning agent's name.
private func learnerRule(_ agent: AgentKind) -> QLearning.UpdateRule {
    switch agent {
    case .sarsa: .sarsa
    case .expectedSarsa: .expectedSarsa
    case .qLearning, .valueIteration, .policyIteration, .dqn, .reinforce, .actorCritic: .qLearning
    }
}

/// The hyperparameters as shown in the summary and the JSON report.
private func describe(_ configuration: QLearning.Configuration) -> [String: String] {
    [
        "budget": configuration.budget.description,
        "learning_rate": formatNumber(configuration.learningRate),
        "discount": formatNumber(configuration.discount),
        "epsilon": "\(formatNumber(configuration.epsilonStart)) → \(formatNumber(configuration.epsilonEnd)) over \(formatNumber(configuration.explorationFraction * 100))%",
        "initial_value": formatNumber(configuration.initialValue),
    ]
}

/// Draws the steps of the first evaluation episode with `renderer` (nothing without one).
func firstEpisodeObserver<E: Environment>(_ renderer: TerminalRenderer?) -> (E, Step<E.Observation>) -> Void {
    var renderedSteps = 0
    return { environment, step in
        guard let renderer, renderedSteps >= 0 else { return }
        renderedSteps += 1
        renderer.draw((environment as? any TextRendering)?.text() ?? "",
                      caption: "evaluation episode 1, step \(renderedSteps), reward \(formatNumber(step.reward))")
        if step.isDone { renderedSteps = -1 }
    }
}

/// A renderer for `environment`, or a clear error when it cannot draw itself as text.
func terminalRenderer<E: Environment>(for environment: E, fps: Double) throws -> TerminalRenderer {
    guard environment is any TextRendering else {
        throw GymError("--render ansi needs an environment that draws itself as text (TextRendering); this one does not")
    }
    return TerminalRenderer(fps: fps)
}
