import Gym

/// Tabular Q-learning with ε-greedy exploration, and its on-policy siblings SARSA and Expected SARSA.
///
/// After each step from `s` with action `a`, reward `r` and next state `s'`:
///
///     Q(s, a) ← Q(s, a) + α (r + γ · target(s') − Q(s, a))
///
/// where `target(s')` is `max_a' Q(s', a')` (Q-learning), `Q(s', a')` for the next action actually chosen (SARSA),
/// or the expectation of `Q(s', ·)` under the ε-greedy policy (Expected SARSA). A `terminated` step has no future
/// (`target = 0`); a `truncated` one (a time limit) still bootstraps, because the state itself did not end.
///
/// ε is fixed within an episode and follows a linear schedule from `epsilonStart` to `epsilonEnd` across the first
/// `explorationFraction` of the training budget (counted in episodes or steps, as the budget is), as CleanRL does. Ties between greedy actions are broken at random
/// while learning and by the lowest action number when acting greedily. Everything random comes from one generator
/// seeded by `seed`, and the first `reset` passes `seed` to the environment, so a run is reproducible bit for bit.
public struct QLearning: Sendable {
    /// Which value of the next state the update bootstraps from.
    public enum UpdateRule: String, CaseIterable, Sendable {
        /// Off-policy: the greedy value `max_a' Q(s', a')`.
        case qLearning = "q-learning"
        /// On-policy: the value of the next action the ε-greedy policy picks.
        case sarsa
        /// On-policy in expectation: the ε-greedy average of `Q(s', ·)`.
        case expectedSarsa = "expected-sarsa"
    }

    /// Hyperparameters, with defaults tuned on the built-in gridworlds.
    public struct Configuration: Equatable, Sendable {
        /// The update target; see ``UpdateRule``.
        public var rule: UpdateRule = .qLearning
        /// How long to train: a number of episodes or of environment steps.
        /// - episodes: Training episodes.
        /// - steps: Environment steps to train for, instead of a number of episodes.
        public var budget: TrainingBudget = .episodes(20_000)
        /// Step size α.
        public var learningRate: Double = 0.05
        /// Discount factor γ.
        public var discount: Double = 0.99
        /// ε at the first episode.
        public var epsilonStart: Double = 1.0
        /// ε after the exploration phase.
        public var epsilonEnd: Double = 0.01
        /// Fraction of the training budget over which ε decays linearly.
        public var explorationFraction: Double = 0.5
        /// Q(s, a) before any update (optimism above the best return explores systematically).
        public var initialValue: Double = 0
        /// Seed for the agent's generator and the environment's first reset.
        public var seed: UInt64 = 0

        public init() {}

        /// The exploration schedule, in the budget's unit (episodes or steps).
        public var exploration: Schedule {
            .linear(start: epsilonStart, end: epsilonEnd,
                    duration: Int((explorationFraction * Double(budget.amount)).rounded()))
        }

        /// Throws a clear error when a field is out of range.
        public func validate() throws {
            try validateSettings()
            try exploration.validate(in: 0...1, name: "exploration rate ε")
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration
    /// The number of states (rows of the table).
    public let stateCount: Int
    /// The number of actions (columns of the table).
    public let actionCount: Int
    /// Q(s, a), flattened as `state * actionCount + action`.
    public var actionValues: [Double]
    /// Episodes trained so far.
    public var episodesCompleted: Int { completedEpisodeCount }
    /// Environment steps taken while training.
    public var stepsTaken: Int { trainingStepCount }
    @usableFromInline var completedEpisodeCount = 0
    @usableFromInline var trainingStepCount = 0
    @usableFromInline var generator: RandomGenerator

    /// Creates an agent for a table of `stateCount` × `actionCount` values.
    public init(stateCount: Int, actionCount: Int, configuration: Configuration = Configuration()) throws {
        try configuration.validate()
        guard stateCount > 0, actionCount > 0 else {
            throw GymError("Q-learning needs at least one state and one action, got \(stateCount) states and \(actionCount) actions")
        }
        self.configuration = configuration
        self.stateCount = stateCount
        self.actionCount = actionCount
        actionValues = Array(repeating: configuration.initialValue, count: stateCount * actionCount)
        generator = RandomGenerator(seed: configuration.seed)
    }

    /// Creates an agent sized for `environment`'s spaces.
    public init<E: DiscreteEnvironment>(for environment: E, configuration: Configuration = Configuration()) throws {
        guard environment.observationSpace.start == 0, environment.actionSpace.start == 0 else {
            throw GymError("tabular agents need spaces that start at 0, got \(environment.observationSpace) and \(environment.actionSpace)")
        }
        try self.init(stateCount: environment.observationSpace.count, actionCount: environment.actionSpace.count,
                      configuration: configuration)
    }

    /// ε for the next training episode.
    public var epsilon: Double { configuration.exploration.value(at: configuration.budget.elapsed(episodes: episodesCompleted, steps: stepsTaken)) }

    /// Whether the training budget is spent.
    public var isFinished: Bool { configuration.budget.isSpent(episodes: episodesCompleted, steps: stepsTaken) }

    /// The best action in `state` by the current table (the lowest-numbered on ties).
    public func greedyAction(_ state: Int) -> Int {
        argmax(actionValues[(state * actionCount)..<((state + 1) * actionCount)])
    }

    /// The greedy action of every state.
    public var policy: [Int] { (0..<stateCount).map(greedyAction) }

    /// max_a Q(s, a) for every state.
    public var values: [Double] {
        (0..<stateCount).map { actionValues[$0 * actionCount + greedyAction($0)] }
    }

    // MARK: - Training

    /// Runs one training episode in `environment`, updating the table after every step.
    ///
    /// The first episode resets the environment with the configured seed; later ones continue its random stream.
    @inlinable
    public mutating func trainEpisode<E: Environment>(in environment: inout E) throws -> TrainingEpisode
    where E.Observation == Int, E.Action == Int {
        let epsilon = self.epsilon
        let alpha = configuration.learningRate
        let gamma = configuration.discount
        var state = environment.reset(seed: episodesCompleted == 0 ? configuration.seed : nil)
        try checkState(state)
        var action = explore(state, epsilon: epsilon)
        var episodeReturn = 0.0
        var length = 0
        while true {
            let step = try environment.step(action)
            let next = step.observation
            try checkState(next)
            episodeReturn += step.reward
            length += 1
            // The update: move Q(s, a) toward r + γ · target(s').
            let nextAction = explore(next, epsilon: epsilon)
            var target = step.reward
            if !step.terminated {
                target += gamma * bootstrapValue(next, nextAction: nextAction, epsilon: epsilon)
            }
            let index = state * actionCount + action
            actionValues[index] += alpha * (target - actionValues[index])
            if step.isDone {
                trainingStepCount += length
                completedEpisodeCount += 1
                return TrainingEpisode(index: episodesCompleted, totalReward: episodeReturn, length: length,
                                       terminated: step.terminated, epsilon: epsilon, totalSteps: stepsTaken)
            }
            state = next
            action = nextAction
        }
    }

    /// Trains until the budget is spent, calling `progress` after each episode.
    public mutating func train<E: Environment>(
        in environment: inout E, progress: (TrainingEpisode) throws -> Void = { _ in }
    ) throws where E.Observation == Int, E.Action == Int {
        while !isFinished {
            try progress(trainEpisode(in: &environment))
        }
    }

    // MARK: - Plumbing

    /// The ε-greedy choice in `state`, breaking ties between greedy actions at random.
    @inlinable
    mutating func explore(_ state: Int, epsilon: Double) -> Int {
        if generator.nextDouble() < epsilon {
            return generator.nextInt(below: actionCount)
        }
        let base = state * actionCount
        var best = actionValues[base]
        var ties = 1
        var choice = 0
        for action in 1..<actionCount {
            let value = actionValues[base + action]
            if value > best {
                best = value
                ties = 1
                choice = action
            } else if value == best {
                // Reservoir sampling keeps each tied action with equal probability.
                ties += 1
                if generator.nextInt(below: ties) == 0 { choice = action }
            }
        }
        return choice
    }

    /// The value of `state` that the update rule bootstraps from.
    @inlinable
    func bootstrapValue(_ state: Int, nextAction: Int, epsilon: Double) -> Double {
        let base = state * actionCount
        switch configuration.rule {
        case .sarsa:
            return actionValues[base + nextAction]
        case .qLearning, .expectedSarsa:
            var best = actionValues[base]
            var sum = best
            for action in 1..<actionCount {
                let value = actionValues[base + action]
                best = max(best, value)
                sum += value
            }
            if configuration.rule == .qLearning { return best }
            return (1 - epsilon) * best + epsilon * sum / Double(actionCount)
        }
    }

    @inlinable
    func checkState(_ state: Int) throws {
        guard state >= 0 && state < stateCount else {
            throw GymError("the environment returned state \(state), outside the agent's table of \(stateCount) states")
        }
    }
}

/// What one training episode did.
public struct TrainingEpisode: Equatable, Sendable {
    /// 1 for the first episode.
    public var index: Int
    /// The undiscounted sum of rewards.
    public var totalReward: Double
    /// Steps in the episode.
    public var length: Int
    /// Whether the episode ended in a terminal state (rather than by a time limit).
    public var terminated: Bool
    /// The exploration rate used.
    public var epsilon: Double
    /// Training steps so far, this episode included.
    public var totalSteps: Int
    /// Whether the episode ended at the goal, when the learner knows (a rollout learner hears it from its batch;
    /// otherwise the trainer asks the environment).
    public var success: Bool?

    public init(index: Int, totalReward: Double, length: Int, terminated: Bool, epsilon: Double, totalSteps: Int,
                success: Bool? = nil) {
        self.index = index
        self.totalReward = totalReward
        self.length = length
        self.terminated = terminated
        self.epsilon = epsilon
        self.totalSteps = totalSteps
        self.success = success
    }
}

extension QLearning: EpisodeLearner {
    public var budget: TrainingBudget { configuration.budget }
    public var figures: LearningFigures { LearningFigures(epsilon: epsilon) }
    public var valueTable: ValueTable? { ValueTable(values: values, policy: policy) }
}
