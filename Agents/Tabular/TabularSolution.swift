import Gym

/// The answer of a planning algorithm: state values, action values and a greedy policy.
public struct TabularSolution: Equatable, Sendable {
    /// V(s) for every state.
    public var values: [Double]
    /// Q(s, a), flattened as `state * actionCount + action`.
    public var actionValues: [Double]
    /// The number of actions per state.
    public var actionCount: Int
    /// An optimal (greedy) action for every state; value iteration picks the lowest-numbered best action on ties.
    public var policy: [Int]
    /// Sweeps (value iteration) or improvement steps (policy iteration) performed.
    public var iterations: Int
    /// The largest value change in the final sweep.
    public var residual: Double
    /// Whether the tolerance was reached before the iteration limit.
    public var converged: Bool

    /// Builds the solution for `values`, deriving Q and the greedy policy with one more backup.
    init(table: TransitionTable, values: [Double], discount: Double, iterations: Int, residual: Double, converged: Bool) {
        self.values = values
        self.actionCount = table.actionCount
        self.iterations = iterations
        self.residual = residual
        self.converged = converged
        let actionValues = table.actionValues(of: values, discount: discount)
        self.actionValues = actionValues
        policy = table.greedyPolicy(actionValues: actionValues)
    }

    /// Q(state, action).
    public func actionValue(state: Int, action: Int) -> Double {
        actionValues[state * actionCount + action]
    }
}
