/// One possible outcome of taking an action in a state of a tabular model.
public struct Transition: Equatable, Sendable, CustomStringConvertible {
    /// The chance of this outcome.
    public var probability: Double
    /// The state the environment moves to.
    public var nextState: Int
    /// The reward received.
    public var reward: Double
    /// Whether the episode ends (no bootstrapping from `nextState`).
    public var terminated: Bool

    /// Creates an outcome.
    public init(probability: Double, nextState: Int, reward: Double, terminated: Bool) {
        self.probability = probability
        self.nextState = nextState
        self.reward = reward
        self.terminated = terminated
    }

    public var description: String {
        "(\(probability), \(nextState), \(reward), \(terminated))"
    }
}

/// An environment that exposes its full model: P(s′, r, terminated | s, a) over integer states and actions.
///
/// Planning agents (value and policy iteration) read the model; learning agents (Q-learning) step the same
/// object. `transitions(state:action:)` lists outcomes in a fixed order; outcomes with the same next state may
/// appear separately (as in Gymnasium's `P[s][a]`).
public protocol TabularModel {
    /// The number of states, numbered `0 ..< stateCount`.
    var stateCount: Int { get }
    /// The number of actions, numbered `0 ..< actionCount`.
    var actionCount: Int { get }
    /// The outcomes of `action` in `state`; their probabilities sum to 1.
    func transitions(state: Int, action: Int) -> [Transition]
    /// The probability of starting an episode in each state (`stateCount` values summing to 1).
    var initialStateDistribution: [Double] { get }
    /// The whole model in flat arrays; the default builds it from ``transitions(state:action:)``.
    var transitionTable: TransitionTable { get }
    /// The discount factor the model declares for itself (an MDP file's `discount`), if any; planners use it
    /// when no discount is given explicitly.
    var discount: Double? { get }
}

extension TabularModel {
    public var discount: Double? { nil }

    public var transitionTable: TransitionTable {
        TransitionTable(model: self)
    }
}
