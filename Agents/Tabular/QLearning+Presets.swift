extension QLearning.Configuration {
    /// Training budgets tuned per built-in environment so that Q-learning reaches a near-optimal greedy policy on the
    /// default seed without wasting time; other environments keep ``budget``'s default.
    public static let tunedBudgets: [String: TrainingBudget] = [
        "gridworld": .episodes(1_000),
        "frozenlake": .episodes(20_000),
        "frozenlake8x8": .episodes(100_000),
        "cliffwalking": .episodes(1_000),
    ]

    /// The defaults with the budget tuned for the environment registered as `environmentName`, if it has one.
    public static func tuned(for environmentName: String) -> QLearning.Configuration {
        var configuration = QLearning.Configuration()
        if let budget = tunedBudgets[environmentName] { configuration.budget = budget }
        return configuration
    }
}
