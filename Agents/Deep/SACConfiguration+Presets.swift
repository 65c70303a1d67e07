extension SACConfiguration {
    /// The preset for the environment registered as `environmentName`: the zoo's entry where it has one, otherwise
    /// Stable-Baselines3's defaults.
    public static func tuned(for environmentName: String) -> SACConfiguration {
        switch environmentName {
        case "pendulum": pendulum
        case "mountaincar-continuous": mountainCarContinuous
        default: SACConfiguration()
        }
    }

    /// Pendulum: RL Baselines3 Zoo's Pendulum-v1 SAC entry (`hyperparams/sac.yml`): 20k steps and a learning rate
    /// of 1e-3. Everything else is Stable-Baselines3's SAC default, which the zoo leaves alone: two 256-unit ReLU
    /// layers for the actor and each critic, a 1M buffer, batches of 256, one gradient step per environment step after
    /// 100 random steps, γ 0.99, τ 0.005, and α tuned from 1 toward the target entropy −dim(A).
    public static var pendulum: SACConfiguration {
        var configuration = SACConfiguration()
        configuration.totalSteps = 20_000
        configuration.learningRate = 1e-3
        return configuration
    }

    /// MountainCarContinuous: RL Baselines3 Zoo's tuned MountainCarContinuous-v0 SAC entry (`hyperparams/sac.yml`):
    /// 50k steps, learning rate 3e-4, a 50k buffer, batches of 512, a fixed α of 0.1, 32 gradient steps every 32
    /// steps from the start (no random steps), γ 0.9999, τ 0.01, two 64-unit layers, and gSDE exploration (`use_sde`
    /// with `log_std_init` −3.67, weights redrawn every round).
    public static var mountainCarContinuous: SACConfiguration {
        var configuration = SACConfiguration()
        configuration.totalSteps = 50_000
        configuration.learningRate = 3e-4
        configuration.bufferSize = 50_000
        configuration.batchSize = 512
        configuration.initialEntropyCoefficient = 0.1
        configuration.tuneEntropy = false
        configuration.trainFrequency = 32
        configuration.gradientSteps = 32
        configuration.discount = 0.9999
        configuration.targetUpdateRate = 0.01
        configuration.learningStarts = 0
        configuration.hiddenLayers = [64, 64]
        configuration.stateDependentExploration = true
        configuration.initialLogStandardDeviation = -3.67
        return configuration
    }
}
