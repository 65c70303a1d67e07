extension QLearning.Configuration: Configurable {
    /// The settings, each declared once: flag, help (the field's doc comment), valid values and field.
    public static let settings: [Setting<QLearning.Configuration>] = [
        budgetSetting("episodes", help: "Training episodes.", budget: TrainingBudget.episodes),
        budgetSetting("steps", help: "Environment steps to train for, instead of a number of episodes.",
                      budget: TrainingBudget.steps),
        .number("learning-rate", \.learningRate, in: .aboveUpTo(0, 1), aliases: ["alpha"], help: "Step size α."),
        .number("discount", \.discount, in: .unitInterval, aliases: ["gamma"], help: "Discount factor γ."),
        .number("epsilon-start", \.epsilonStart, in: .unitInterval, help: "ε at the first episode."),
        .number("epsilon-end", \.epsilonEnd, in: .unitInterval, help: "ε after the exploration phase."),
        .number("exploration-fraction", \.explorationFraction, in: .unitInterval,
                help: "Fraction of the training budget over which ε decays linearly."),
        .number("initial-value", \.initialValue, in: .closed(-1e12, 1e12),
                help: "Q(s, a) before any update (optimism above the best return explores systematically)."),
    ]

    /// One unit of the budget: setting it makes the budget that many episodes (or steps).
    private static func budgetSetting(_ name: String, help: String,
                                      budget: @escaping (Int) -> TrainingBudget) -> Setting<QLearning.Configuration> {
        let range = 1...maximumBudget
        let inUnit = { (configuration: QLearning.Configuration) in
            configuration.budget == budget(configuration.budget.amount) ? configuration.budget.amount : nil
        }
        return Setting(name: name, help: help, validValues: "an integer from 1 to \(maximumBudget)",
                       assign: { configuration, text in
                           guard let amount = Int(text), range.contains(amount) else { throw InvalidValue() }
                           configuration.budget = budget(amount)
                       },
                       read: { inUnit($0).map(String.init) ?? "" },
                       check: { inUnit($0).map(range.contains) ?? true })
    }
}
