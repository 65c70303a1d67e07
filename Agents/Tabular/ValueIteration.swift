import Gym

/// Value iteration: repeated Bellman optimality backups until the values stop changing.
///
/// The sweeps are in place (Gauss–Seidel): each state's backup already uses the new values of the states updated
/// before it in the same sweep, and successive sweeps alternate direction (first to last, then last to first), which
/// carries values across a gridworld in a handful of sweeps instead of one cell per sweep. The fixed point is the same
/// V* as with synchronous (Jacobi) backups.
///
/// The values start from a lower bound on V* — `min(0, r_min) / (1 − γ)`, or 0 when γ = 1 — so the in-place sweeps
/// rise toward V* and a state never copies an over-optimistic value from a neighbour not yet updated (starting from 0
/// in a world of step costs would make every sweep undo such optimism by one cell only).
///
/// An outcome flagged `terminated` ends the episode, so its value is its reward alone: nothing is bootstrapped from
/// the next state.
public struct ValueIteration: TabularPlanner {
    /// Settings for ``ValueIteration``.
    public struct Configuration: Equatable, Sendable, PlannerConfiguration {
        /// Discount factor γ; 1 only when every policy reaches a terminal outcome.
        public var discount: Double = 0.99
        /// Stop when the largest value change in a sweep is below this θ.
        public var tolerance: Double = 1e-10
        /// Give up after this many sweeps or improvement steps.
        public var maxIterations: Int = 100_000

        public init(discount: Double = 0.99, tolerance: Double = 1e-10, maxIterations: Int = 100_000) {
            self.discount = discount
            self.tolerance = tolerance
            self.maxIterations = maxIterations
        }

        /// Throws a clear error when a field is out of range.
        public func validate() throws {
            try validateSettings()
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
        let lowestReward = min(0, table.reward.min() ?? 0)
        let lowerBound = discount < 1 ? lowestReward / (1 - discount) : 0
        var values = [Double](repeating: lowerBound, count: table.stateCount)
        var residual = Double.infinity
        var iterations = 0
        try table.withBuffers { buffers in
            try values.withUnsafeMutableBufferPointer { values in
                while residual >= configuration.tolerance && iterations < configuration.maxIterations {
                    let forward = iterations % 2 == 0
                    residual = 0
                    for index in 0..<buffers.stateCount {
                        let state = forward ? index : buffers.stateCount - 1 - index
                        var best = -Double.infinity
                        for action in 0..<buffers.actionCount {
                            best = max(best, buffers.backup(state: state, action: action, values: values, discount: discount))
                        }
                        residual = max(residual, abs(best - values[state]))
                        values[state] = best
                    }
                    iterations += 1
                    try onSweep?(PlanningSweep(iteration: iterations, residual: residual, values: Array(values),
                                               table: table, discount: discount))
                }
            }
        }
        return TabularSolution(table: table, values: values, discount: discount,
                               iterations: iterations, residual: residual,
                               converged: residual < configuration.tolerance)
    }
}
