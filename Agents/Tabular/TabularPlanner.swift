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
        table.greedyPolicy(actionValues: table.actionValues(of: values, discount: discount))
    }
}

/// The settings every planner shares.
public protocol PlannerConfiguration: Configurable {
    /// Discount factor γ; 1 only when every policy reaches a terminal outcome.
    var discount: Double { get set }
    /// Stop when the largest value change in a sweep is below this θ.
    var tolerance: Double { get set }
    /// Give up after this many sweeps or improvement steps.
    var maxIterations: Int { get set }
}

extension PlannerConfiguration {
    /// The settings, each declared once: flag, help (the field's doc comment), valid values and field.
    public static var settings: [Setting<Self>] {
        [
            .number("discount", \.discount, in: .unitInterval, aliases: ["gamma"],
                    help: "Discount factor γ; 1 only when every policy reaches a terminal outcome."),
            .number("tolerance", \.tolerance, in: .aboveUpTo(0, 1e6),
                    help: "Stop when the largest value change in a sweep is below this θ."),
            .integer("max-iterations", \.maxIterations, in: 1...1_000_000_000,
                     help: "Give up after this many sweeps or improvement steps."),
        ]
    }
}
