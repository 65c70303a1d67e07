extension OnPolicyConfiguration {
    /// PPO's preset for the continuous-action environment registered as `environmentName`: the zoo's Pendulum entry
    /// for `pendulum`, CleanRL's continuous-action defaults otherwise.
    public static func ppoContinuous(for environmentName: String) -> OnPolicyConfiguration {
        environmentName == "pendulum" ? ppoPendulum : ppoCleanRLContinuous
    }

    /// PPO on Pendulum: RL Baselines3 Zoo's tuned Pendulum-v1 PPO (`hyperparams/ppo.yml`): 4 copies × 1024 steps,
    /// 10 epochs, γ 0.9, λ 0.95, no entropy bonus, learning rate 1e-3 and clipping ε 0.2 (both constant), 100k steps.
    /// The rest are Stable-Baselines3's PPO defaults: minibatches of 64, separate 64-64 tanh actor and critic,
    /// orthogonal initialization, log σ starting at 0, Adam ε 1e-5, gradient norm 0.5, advantages standardized per
    /// minibatch, no value clipping, and a value weight of 0.5 on the loss mean (V − R)², which is 1 on our ½ mean
    /// (V − R)². One deviation: the zoo explores with generalized state-dependent exploration (gSDE, `use_sde` with
    /// `sde_sample_freq` 4); this PPO's Gaussian has a state-independent log σ instead (CleanRL's
    /// `ppo_continuous_action`).
    public static var ppoPendulum: OnPolicyConfiguration {
        var configuration = OnPolicyConfiguration()
        configuration.totalSteps = 100_000
        configuration.environmentCount = 4
        configuration.rolloutSteps = 1_024
        configuration.minibatchSize = 64
        configuration.updateEpochs = 10
        configuration.discount = 0.9
        configuration.gaeLambda = 0.95
        configuration.entropyCoefficient = 0
        configuration.learningRate = 1e-3
        configuration.annealLearningRate = false
        configuration.clipValueLoss = false
        configuration.valueCoefficient = 1
        return configuration
    }

    /// PPO on other continuous-action environments: CleanRL's `ppo_continuous_action.py` defaults: 1M steps of one
    /// copy × 2048 steps, 32 minibatches (of 64), 10 epochs, Adam at 3e-4 annealed, γ 0.99, λ 0.95, ε 0.2 with value
    /// clipping, no entropy bonus, value weight 0.5, gradient norm 0.5. CleanRL also normalizes observations and
    /// rewards (and clips both to ±10); this preset does not wrap the environment in them.
    public static var ppoCleanRLContinuous: OnPolicyConfiguration {
        var configuration = OnPolicyConfiguration()
        configuration.totalSteps = 1_000_000
        configuration.environmentCount = 1
        configuration.rolloutSteps = 2_048
        configuration.minibatchSize = 64
        configuration.updateEpochs = 10
        configuration.learningRate = 3e-4
        configuration.entropyCoefficient = 0
        return configuration
    }
}
