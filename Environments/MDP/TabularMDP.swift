import Gym

/// An explicit Markov decision process: named states and actions, P(s′|s,a) with rewards, a start distribution
/// and terminal states.
///
/// ## Action Space
/// `Discrete(actionCount)`, numbered in the order of ``actionNames``.
///
/// ## Observation Space
/// `Discrete(stateCount)`, numbered in the order of ``stateNames``.
///
/// ## Starting State
/// Drawn from ``initialStateDistribution``.
///
/// ## Rewards
/// Each transition carries its own reward.
///
/// ## Episode End
/// Terminated on entering a terminal state. Terminal states are absorbing in the model (every action stays,
/// reward 0). An MDP without terminal states runs until a ``TimeLimit`` cuts it.
///
/// ## Arguments
/// The model itself, from code, from a JSON file (``init(contentsOfFile:)``, format in `docs/mdp-format.md`), or
/// generated at random (``garnet(states:actions:branching:seed:)``).
public struct TabularMDP: DiscreteEnvironment, TabularModel {
    /// The state names, indexed by state number.
    public let stateNames: [String]
    /// The action names, indexed by action number.
    public let actionNames: [String]
    /// The start distribution.
    public let initialStateDistribution: [Double]
    /// The terminal states.
    public let terminalStates: Set<Int>
    /// The discount the MDP was specified with, if any (agents use it unless told otherwise).
    public let discount: Double?
    /// The model.
    public let transitionTable: TransitionTable
    /// The current state.
    public private(set) var state: Int
    private var generator = RandomGenerator(seed: 0)

    /// Creates an MDP; `outcomes[s][a]` lists the outcomes of action `a` in non-terminal state `s` (the entries of
    /// terminal states are ignored). The `terminated` flag of each outcome is set from `terminalStates`.
    ///
    /// Throws a ``GymError`` naming the first state and action whose outcomes are not a probability distribution,
    /// or any other inconsistency.
    public init(stateNames: [String], actionNames: [String], outcomes: [[[Transition]]],
                initialStateDistribution: [Double], terminalStates: Set<Int> = [], discount: Double? = nil) throws {
        let stateCount = stateNames.count
        let actionCount = actionNames.count
        guard stateCount > 0, actionCount > 0 else {
            throw GymError("an MDP needs at least one state and one action")
        }
        guard outcomes.count == stateCount, outcomes.allSatisfy({ $0.count == actionCount }) else {
            throw GymError("an MDP needs outcomes for each of the \(stateCount) states and \(actionCount) actions")
        }
        guard initialStateDistribution.count == stateCount,
              initialStateDistribution.allSatisfy({ $0 >= 0 }),
              abs(initialStateDistribution.reduce(0, +) - 1) < 1e-9 else {
            throw GymError("the start distribution must give \(stateCount) non-negative probabilities summing to 1")
        }
        if let bad = terminalStates.first(where: { !(0..<stateCount).contains($0) }) {
            throw GymError("terminal state \(bad) is outside 0..<\(stateCount)")
        }
        if let discount, !(discount >= 0 && discount <= 1) {
            throw GymError("the discount must be in [0, 1], got \(discount)")
        }
        for state in 0..<stateCount where !terminalStates.contains(state) {
            for action in 0..<actionCount {
                let list = outcomes[state][action]
                let where_ = "state '\(stateNames[state])', action '\(actionNames[action])'"
                guard !list.isEmpty else { throw GymError("\(where_) has no outcomes") }
                for outcome in list {
                    guard outcome.probability >= 0, outcome.probability <= 1 else {
                        throw GymError("\(where_): probability \(outcome.probability) is outside [0, 1]")
                    }
                    guard (0..<stateCount).contains(outcome.nextState) else {
                        throw GymError("\(where_): next state \(outcome.nextState) is outside 0..<\(stateCount)")
                    }
                    guard outcome.reward.isFinite else {
                        throw GymError("\(where_): reward \(outcome.reward) is not finite")
                    }
                }
                let total = list.reduce(0) { $0 + $1.probability }
                guard abs(total - 1) < 1e-6 else {
                    throw GymError("\(where_): probabilities sum to \(total), not 1")
                }
            }
        }
        self.stateNames = stateNames
        self.actionNames = actionNames
        self.initialStateDistribution = initialStateDistribution
        self.terminalStates = terminalStates
        self.discount = discount
        self.transitionTable = TransitionTable(stateCount: stateCount, actionCount: actionCount) { state, action in
            if terminalStates.contains(state) {
                return [Transition(probability: 1, nextState: state, reward: 0, terminated: true)]
            }
            return outcomes[state][action].map {
                Transition(probability: $0.probability, nextState: $0.nextState, reward: $0.reward,
                           terminated: terminalStates.contains($0.nextState))
            }
        }
        self.state = 0
        self.state = drawInitialState()
    }

    public var observationSpace: Discrete { Discrete(stateNames.count) }
    public var actionSpace: Discrete { Discrete(actionNames.count) }
    public var stateCount: Int { stateNames.count }
    public var actionCount: Int { actionNames.count }

    public func transitions(state: Int, action: Int) -> [Transition] {
        transitionTable.transitions(state: state, action: action)
    }

    public mutating func reset(seed: UInt64?) -> Int {
        if let seed { generator = RandomGenerator(seed: seed) }
        state = drawInitialState()
        return state
    }

    public mutating func step(_ action: Int) throws -> Step<Int> {
        guard action >= 0 && action < actionNames.count else { throw GymError.invalidAction(action, space: actionSpace) }
        let outcome = transitionTable.sampleOutcome(state: state, action: action, using: &generator)
        state = Int(transitionTable.nextState[outcome])
        return Step(observation: state, reward: transitionTable.reward[outcome],
                    terminated: transitionTable.terminated[outcome])
    }

    private mutating func drawInitialState() -> Int {
        let draw = generator.nextDouble()
        var cumulative = 0.0
        for (state, probability) in initialStateDistribution.enumerated() where probability > 0 {
            cumulative += probability
            if draw < cumulative { return state }
        }
        return initialStateDistribution.lastIndex(where: { $0 > 0 }) ?? 0
    }
}

extension TabularMDP: TextRendering {
    /// The current state's name.
    public func text() -> String {
        "state \(stateNames[state])\n"
    }
}

extension TabularMDP: PolicyRendering {
    /// One line per non-terminal state: `state → action`.
    public func policyText(_ policy: [Int]) -> String {
        zip(stateNames.indices, stateNames)
            .filter { !terminalStates.contains($0.0) }
            .map { state, name in
                let action = state < policy.count && actionNames.indices.contains(policy[state])
                    ? actionNames[policy[state]] : "?"
                return "\(name) → \(action)\n"
            }
            .joined()
    }
}
