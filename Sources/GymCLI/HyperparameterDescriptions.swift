import Agents

/// DQN's hyperparameters as shown in the summary and the JSON report, for inputs of `inputShape`.
func describe(_ configuration: DQNConfiguration, inputShape: [Int]) -> [String: String] {
    [
        "network": configuration.architecture(for: inputShape).rawValue,
        "steps": String(configuration.totalSteps),
        "learning_rate": formatNumber(configuration.learningRate),
        "discount": formatNumber(configuration.discount),
        "epsilon": "\(formatNumber(configuration.epsilonStart)) → \(formatNumber(configuration.epsilonEnd)) over \(formatNumber(configuration.explorationFraction * 100))%",
        "buffer_size": String(configuration.bufferSize),
        "batch_size": String(configuration.batchSize),
        "learning_starts": String(configuration.learningStarts),
        "train_frequency": String(configuration.trainFrequency),
        "gradient_steps": String(configuration.gradientSteps),
        "target_update": configuration.targetUpdateRate >= 1 ? "copy every \(configuration.targetUpdateInterval)"
            : "τ \(formatNumber(configuration.targetUpdateRate)) every \(configuration.targetUpdateInterval)",
        "double_dqn": String(configuration.doubleDQN),
        "loss": configuration.loss.rawValue,
        "optimizer": configuration.optimizer.rawValue,
        "max_grad_norm": configuration.maxGradientNorm.map(formatNumber) ?? "none",
        "hidden": configuration.hiddenLayers.map(String.init).joined(separator: ","),
    ]
}

/// A policy-gradient agent's hyperparameters for inputs of `inputShape`; `reinforce` adds the batch, baseline and
/// normalization settings.
func describe(_ configuration: PolicyGradientConfiguration, inputShape: [Int], reinforce: Bool) -> [String: String] {
    var entries = [
        "network": configuration.architecture(for: inputShape).rawValue,
        "steps": String(configuration.totalSteps),
        "learning_rate": formatNumber(configuration.learningRate),
        "value_learning_rate": formatNumber(configuration.valueLearningRate),
        "discount": formatNumber(configuration.discount),
        "entropy_coefficient": formatNumber(configuration.entropyCoefficient),
        "max_grad_norm": configuration.maxGradientNorm.map(formatNumber) ?? "none",
        "hidden": configuration.hiddenLayers.map(String.init).joined(separator: ","),
    ]
    if reinforce {
        entries["episodes_per_update"] = String(configuration.episodesPerUpdate)
        entries["baseline"] = configuration.baseline.rawValue
        entries["normalize_advantages"] = String(configuration.normalizeAdvantages)
    }
    return entries
}
