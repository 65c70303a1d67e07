import Gym

/// Policy iteration: evaluate the current policy, make it greedy with respect to its values, repeat until stable.
///
/// Evaluation runs in-place sweeps of the policy's Bellman backup (alternating direction, as in
/// ``ValueIteration``), warm-started from the previous policy's values, until the largest change is below the
/// tolerance. Improvement switches a state's action only when another is better by more than the tolerance, so the
/// loop cannot cycle between equally good actions.
public struct PolicyIteration: TabularPlanner {
    /// Settings for ``PolicyIteration``.
    public struct Configuration: Equatable, Sendable, PlannerConfiguration {
        /// Discount factor γ; 1 only when every policy reaches a terminal outcome.
        public var discount: Double = 0.99
        /// Stop when the largest value change in a sweep is below this θ.
        public var tolerance: Double = 1e-10
        /// Give up after this many sweeps or improvement steps.
        public var maxIterations: Int = 10_000
        /// Give up evaluating one policy after this many sweeps (an improper policy under γ = 1 never settles).
        public var maxEvaluationSweeps: Int = 100_000

        public init(discount: Double = 0.99, tolerance: Double = 1e-10, maxIterations: Int = 10_000,
                    maxEvaluationSweeps: Int = 100_000) {
            self.discount = discount
            self.tolerance = tolerance
            self.maxIterations = maxIterations
            self.maxEvaluationSweeps = maxEvaluationSweeps
        }

        /// Throws a clear error when a field is out of range.
        public func validate() throws {
            try validateSettings()
            guard maxEvaluationSweeps > 0 else {
                throw GymError("maxEvaluationSweeps must be positive, got \(maxEvaluationSweeps)")
            }
        }
    }

    /// The settings this solver runs with.
    public var configuration: Configuration

    /// Creates a solver.
    public init(_ configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Solves the MDP given as a transition table.
    public func solve(_ table: TransitionTable, onSweep: ((PlanningSweep) throws -> Void)?) throws -> TabularSolution {
        try configuration.validate()
        let discount = configuration.discount
        let tolerance = configuration.tolerance
        var values = [Double](repeating: 0, count: table.stateCount)
        var policy = [Int](repeating: 0, count: table.stateCount)
        var iterations = 0
        var residual = Double.infinity
        var stable = false
        try table.withBuffers { buffers in
            try values.withUnsafeMutableBufferPointer { values in
                while !stable && iterations < configuration.maxIterations {
                    // Policy evaluation.
                    residual = .infinity
                    var sweeps = 0
                    while residual >= tolerance && sweeps < configuration.maxEvaluationSweeps {
                        residual = 0
                        for index in 0..<buffers.stateCount {
                            let state = sweeps % 2 == 0 ? index : buffers.stateCount - 1 - index
                            let value = buffers.backup(state: state, action: policy[state], values: values, discount: discount)
                            residual = max(residual, abs(value - values[state]))
                            values[state] = value
                        }
                        sweeps += 1
                    }
                    // Policy improvement.
                    stable = true
                    for state in 0..<buffers.stateCount {
                        var bestAction = policy[state]
                        var bestValue = buffers.backup(state: state, action: bestAction, values: values, discount: discount)
                        for action in 0..<buffers.actionCount {
                            let value = buffers.backup(state: state, action: action, values: values, discount: discount)
                            if value > bestValue + tolerance {
                                bestAction = action
                                bestValue = value
                            }
                        }
                        if bestAction != policy[state] {
                            policy[state] = bestAction
                            stable = false
                        }
                    }
                    iterations += 1
                    try onSweep?(PlanningSweep(iteration: iterations, residual: residual, values: Array(values),
                                               table: table, discount: discount))
                }
            }
        }
        var solution = TabularSolution(table: table, values: values, discount: discount, iterations: iterations,
                                       residual: residual, converged: stable && residual < tolerance)
        solution.policy = policy
        return solution
    }
}
