import Gym

/// A solver that plans V*, Q* and an optimal policy from a known model (value and policy iteration).
public protocol TabularPlanner: Sendable {
    /// Solves the MDP given as a transition table, reporting each sweep (value iteration) or improvement step
    /// (policy iteration) to `onSweep`.
    func solve(_ table: TransitionTable, onSweep: ((PlanningSweep) throws -> Void)?) throws -> TabularSolution
}

extension TabularPlanner {
    /// Solves the MDP given as a transition table.
    public func solve(_ table: TransitionTable) throws -> TabularSolution {
        try solve(table, onSweep: nil)
    }

    /// Solves `model` for V*, Q* and an optimal policy, reporting each sweep to `onSweep`.
    public func solve(_ model: some TabularModel, onSweep: ((PlanningSweep) throws -> Void)? = nil) throws -> TabularSolution {
        try solve(model.transitionTable, onSweep: onSweep)
    }
}

/// A planner's values after one sweep (value iteration) or improvement step (policy iteration).
public struct PlanningSweep: Sendable {
    /// 1 for the first sweep.
    public var iteration: Int
    /// The largest value change in this sweep.
    public var residual: Double
    /// V(s) for every state after this sweep.
    public var values: [Double]
    let table: TransitionTable
    let discount: Double

    /// The greedy policy under ``values`` (one more backup of every state; the lowest action on ties).
    public var policy: [Int] {
        let actionValues = table.actionValues(of: values, discount: discount)
        return (0..<table.stateCount).map { state in
            indexOfMaximum(actionValues[(state * table.actionCount)..<((state + 1) * table.actionCount)])
        }
    }
}

/// Checks the settings every planner shares: γ in [0, 1], a positive finite θ, positive iteration limits.
func validatePlannerSettings(discount: Double, tolerance: Double, limits: [(name: String, value: Int)]) throws {
    try validateDiscount(discount)
    guard tolerance > 0, tolerance.isFinite else {
        throw GymError("the tolerance must be a positive number, got \(tolerance)")
    }
    for limit in limits where limit.value <= 0 {
        throw GymError("\(limit.name) must be positive, got \(limit.value)")
    }
}

/// Checks that a discount factor lies in [0, 1].
func validateDiscount(_ discount: Double) throws {
    guard (0...1).contains(discount) else {
        throw GymError("the discount factor γ must lie in [0, 1], got \(discount)")
    }
}
