import Gym

/// A solver that plans V*, Q* and an optimal policy from a known model (value and policy iteration).
public protocol TabularPlanner: Sendable {
    /// Solves the MDP given as a transition table.
    func solve(_ table: TransitionTable) throws -> TabularSolution
}

extension TabularPlanner {
    /// Solves `model` for V*, Q* and an optimal policy.
    public func solve(_ model: some TabularModel) throws -> TabularSolution {
        try solve(model.transitionTable)
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
