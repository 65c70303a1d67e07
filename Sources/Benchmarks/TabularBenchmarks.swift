import Agents
import Environments
import Gym
import NeuralNetwork
import Training

/// Throughput of the tabular stack: environment steps, Q-learning updates, value iteration on a large grid.
///
/// `scripts/peers/tabular_peers.py` measures the peers after it: Gymnasium's FrozenLake-v1 unwrapped (random
/// actions, auto-reset), a plain Python/NumPy Q-learning loop, pymdptoolbox's value iteration and a hand-vectorized
/// NumPy stencil on the same 300x300 grid.
struct TabularBenchmarks: BenchmarkSuite {
    static let name = "tabular"
    static let peerScript: PeerScript? = PeerScript(name: "tabular_peers.py") { _ in [] }
    static let summary = "gridworld/frozenlake/cliffwalking steps/s, Q-learning updates/s, value iteration on a 300x300 grid"

    /// Steps per environment measurement.
    let environmentSteps = 20_000_000
    /// Steps of Q-learning training per measurement.
    let learningSteps = 10_000_000
    /// Side of the open grid for value iteration.
    let gridSide = 300
    /// Value-iteration stopping threshold, matching the peers' setting.
    let gridTolerance = 1e-4

    func run(settings: BenchmarkSettings, report: (BenchmarkFigure) -> Void) throws {
        let environments: [(String, GridWorld)] = [
            ("gridworld", try GridWorld.maze()),
            ("frozenlake", try GridWorld.frozenLake()),
            ("cliffwalking", try GridWorld.cliffWalking()),
        ]
        for (name, environment) in environments {
            let rate = try randomStepsPerSecond(environment)
            report(BenchmarkFigure(
                name: "\(name)_random_steps", value: rate, unit: "steps/s",
                comparison: name == "frozenlake" ? "target ≥ 300× Gymnasium FrozenLake-v1 unwrapped, measured after the suite" : nil))
        }
        let limited = try TimeLimit(GridWorld.frozenLake(), maxEpisodeSteps: 100)
        report(BenchmarkFigure(name: "frozenlake_time_limit_random_steps",
                                    value: try randomStepsPerSecond(limited), unit: "steps/s",
                                    comparison: "the registry's frozenlake: TimeLimit(100) around the same GridWorld"))
        report(BenchmarkFigure(name: "q_learning_updates", value: try qLearningUpdatesPerSecond(limited),
                                    unit: "updates/s",
                                    comparison: "target ≥ 100× a Python/NumPy loop, measured after the suite"))
        report(BenchmarkFigure(name: "q_learning_updates_through_trainer",
                                    value: try qLearningUpdatesPerSecond(limited, throughTrainer: true), unit: "updates/s",
                                    comparison: "the same training run by the library Trainer (moving average, events, stop checks)"))
        let solver = ValueIteration(.init(discount: 0.99, tolerance: gridTolerance))
        for (name, goalAtCenter) in [("", false), ("_center_goal", true)] {
            let table = try openGrid(side: gridSide, goalAtCenter: goalAtCenter).transitionTable
            var sweeps = 0
            let solveSeconds = try fastestSeconds { sweeps = try solver.solve(table).iterations }
            report(BenchmarkFigure(
                name: "value_iteration_300x300\(name)_seconds", value: solveSeconds, unit: "s",
                comparison: (goalAtCenter ? "goal in the middle instead of the corner; " : "target ≤ 1/10 of pymdptoolbox, measured after the suite with a NumPy stencil; ")
                    + "\(sweeps) sweeps, θ \(gridTolerance)"))
        }
        report(BenchmarkFigure(name: "value_iteration_300x300_model_build_seconds",
                                    value: try fastestSeconds { _ = try openGrid(side: gridSide, goalAtCenter: false) },
                                    unit: "s", comparison: "building the 90,000-state GridWorld and its transition table"))
    }

    /// Random actions with auto-reset, as a Gymnasium vector loop without the vector.
    private func randomStepsPerSecond<E: DiscreteEnvironment>(_ environment: E) throws -> Double {
        var checksum = 0.0
        let seconds = try fastestSeconds {
            var environment = environment
            var generator = RandomGenerator(seed: 42)
            _ = environment.reset(seed: 42)
            for _ in 0..<environmentSteps {
                let step = try environment.step(generator.nextInt(below: 4))
                checksum += step.reward
                if step.isDone { _ = environment.reset(seed: nil) }
            }
        }
        precondition(checksum.isFinite)
        return Double(environmentSteps) / seconds
    }

    /// Q-learning steps (one update each) per second on `environment`, trained directly or by a `Trainer`.
    private func qLearningUpdatesPerSecond<E: DiscreteEnvironment>(_ environment: E,
                                                                  throughTrainer: Bool = false) throws -> Double {
        var configuration = QLearning.Configuration()
        configuration.budget = .steps(learningSteps)
        var steps = 0
        let seconds = try fastestSeconds {
            var environment = environment
            var learner = try QLearning(for: environment, configuration: configuration)
            if throughTrainer {
                try Trainer(stop: StopRequest()).train(&learner, in: &environment)
            } else {
                try learner.train(in: &environment)
            }
            steps = learner.stepsTaken
        }
        return Double(steps) / seconds
    }

    /// An open square grid: start top-left, an absorbing goal bottom-right (or in the middle), −1 per move,
    /// deterministic moves.
    private func openGrid(side: Int, goalAtCenter: Bool) throws -> GridWorld {
        var cells = Array(repeating: Array(repeating: Character("."), count: side), count: side)
        cells[0][0] = "S"
        if goalAtCenter { cells[side / 2][side / 2] = "G" } else { cells[side - 1][side - 1] = "G" }
        let rows = cells.map { String($0) }
        return try GridWorld(map: GridMap(parsing: rows.joined(separator: "\n")),
                             configuration: .init(rewards: .init(step: -1, goal: -1, hole: -1, cliff: -1)))
    }
}
