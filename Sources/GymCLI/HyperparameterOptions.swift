import Agents
import ArgumentParser
import Gym

/// Every agent hyperparameter as a flag; unset ones keep the agent's tuned default.
struct HyperparameterOptions: ParsableArguments {
    @Option(help: "Training episodes (default: tuned per environment, see the README; otherwise \(QLearning.Configuration().budget.amount)).")
    var episodes: Int?

    @Option(help: "Train for this many environment steps instead of a number of episodes.")
    var steps: Int?

    @Option(name: [.customLong("learning-rate"), .customLong("alpha")],
            help: "Step size α (default \(QLearning.Configuration().learningRate)).")
    var learningRate: Double?

    @Option(name: [.customLong("discount"), .customLong("gamma")],
            help: "Discount factor γ (default 0.99, or the MDP file's own discount).")
    var discount: Double?

    @Option(help: "ε at the start of training (default \(QLearning.Configuration().epsilonStart)).")
    var epsilonStart: Double?

    @Option(help: "ε after the exploration phase (default \(QLearning.Configuration().epsilonEnd)).")
    var epsilonEnd: Double?

    @Option(help: "Fraction of training over which ε decays linearly (default \(QLearning.Configuration().explorationFraction)).")
    var explorationFraction: Double?

    @Option(help: "Initial Q value (default 0; optimistic values explore systematically).")
    var initialValue: Double?

    @Option(help: "Planners stop when the largest value change is below this θ (default \(ValueIteration.Configuration().tolerance)).")
    var tolerance: Double?

    @Option(help: "Planners give up after this many sweeps or improvement steps.")
    var maxIterations: Int?

    func validate() throws {
        if episodes != nil && steps != nil {
            throw ValidationError("give either --episodes or --steps, not both")
        }
    }

    /// Throws when a flag was given that `agent` does not use.
    func checkApplicable(to agent: AgentKind, deepOptions: DeepAgentOptions) throws {
        let given = { (flags: [(String, Bool)]) in flags.filter(\.1).map(\.0) }
        let tabularLearnerFlags = given([("--episodes", episodes != nil), ("--initial-value", initialValue != nil)])
        let learnerFlags = given([("--steps", steps != nil), ("--learning-rate", learningRate != nil)])
        let epsilonFlags = given([
            ("--epsilon-start", epsilonStart != nil), ("--epsilon-end", epsilonEnd != nil),
            ("--exploration-fraction", explorationFraction != nil),
        ])
        let plannerFlags = given([("--tolerance", tolerance != nil), ("--max-iterations", maxIterations != nil)])
        let groups: [(flags: [String], users: String, applies: Bool)] = [
            (tabularLearnerFlags, "the tabular learners (q-learning, sarsa, expected-sarsa)",
             !agent.isPlanner && !agent.isDeep),
            (learnerFlags, "the learning agents (q-learning, sarsa, expected-sarsa, dqn, reinforce, actor-critic)",
             !agent.isPlanner),
            (epsilonFlags, "the ε-greedy agents (q-learning, sarsa, expected-sarsa, dqn)", agent.exploresWithEpsilon),
            (plannerFlags, "the planners (value-iteration, policy-iteration)", agent.isPlanner),
            (deepOptions.network.givenFlags, "the neural agents (dqn, reinforce, actor-critic)", agent.isDeep),
            (deepOptions.dqn.givenFlags, "dqn", agent == .dqn),
            (deepOptions.policyGradient.givenFlags, "reinforce and actor-critic", agent.isPolicyGradient),
            (deepOptions.policyGradient.reinforceOnlyFlags, "reinforce", agent != .actorCritic),
        ]
        if let group = groups.first(where: { !$0.applies && !$0.flags.isEmpty }) {
            throw GymError("\(group.flags[0]) does not apply to \(agent.rawValue); it is for \(group.users)")
        }
    }

    /// A neural agent's configuration: `preset` (tuned for the environment family) overridden by the given flags.
    func deepConfiguration<Configuration: AgentConfiguration>(preset: Configuration, seed: UInt64) -> Configuration {
        var configuration = preset
        configuration.seed = seed
        if let steps { configuration.totalSteps = steps }
        if let learningRate { configuration.learningRate = learningRate }
        if let discount { configuration.discount = discount }
        return configuration
    }

    /// Applies the ε flags to DQN's schedule.
    func applyExploration(to configuration: inout DQNConfiguration) {
        if let epsilonStart { configuration.epsilonStart = epsilonStart }
        if let epsilonEnd { configuration.epsilonEnd = epsilonEnd }
        if let explorationFraction { configuration.explorationFraction = explorationFraction }
    }

    /// The Q-learning family's configuration: tuned defaults overridden by the given flags.
    func learnerConfiguration(rule: QLearning.UpdateRule, seed: UInt64, environment: String) -> QLearning.Configuration {
        var configuration = QLearning.Configuration()
        configuration.rule = rule
        configuration.seed = seed
        if let budget = TunedBudgets.byEnvironment[environment] { configuration.budget = budget }
        if let episodes { configuration.budget = .episodes(episodes) }
        if let steps { configuration.budget = .steps(steps) }
        if let learningRate { configuration.learningRate = learningRate }
        if let discount { configuration.discount = discount }
        if let epsilonStart { configuration.epsilonStart = epsilonStart }
        if let epsilonEnd { configuration.epsilonEnd = epsilonEnd }
        if let explorationFraction { configuration.explorationFraction = explorationFraction }
        if let initialValue { configuration.initialValue = initialValue }
        return configuration
    }

    /// Value iteration's configuration; `modelDiscount` is the model's own γ, used when --discount is absent.
    func valueIterationConfiguration(modelDiscount: Double?) -> ValueIteration.Configuration {
        var configuration = ValueIteration.Configuration()
        if let discount = discount ?? modelDiscount { configuration.discount = discount }
        if let tolerance { configuration.tolerance = tolerance }
        if let maxIterations { configuration.maxIterations = maxIterations }
        return configuration
    }

    /// Policy iteration's configuration; `modelDiscount` is the model's own γ, used when --discount is absent.
    func policyIterationConfiguration(modelDiscount: Double?) -> PolicyIteration.Configuration {
        var configuration = PolicyIteration.Configuration()
        if let discount = discount ?? modelDiscount { configuration.discount = discount }
        if let tolerance { configuration.tolerance = tolerance }
        if let maxIterations { configuration.maxIterations = maxIterations }
        return configuration
    }
}
