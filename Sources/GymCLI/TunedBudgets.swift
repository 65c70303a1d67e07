import Agents

/// Training budgets for the learning agents, tuned per built-in environment so that `gym run q-learning <env>`
/// reaches a near-optimal greedy policy on the default seed without wasting time; other environments get
/// ``QLearning/Configuration/budget``'s default. `--episodes` or `--steps` overrides both.
enum TunedBudgets {
    static let byEnvironment: [String: TrainingBudget] = [
        "gridworld": .episodes(1_000),
        "frozenlake": .episodes(20_000),
        "frozenlake8x8": .episodes(100_000),
        "cliffwalking": .episodes(1_000),
    ]
}
